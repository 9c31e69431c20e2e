package io.squeaky.flink;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;

/**
 * A fire drill: passes records through, and on its first attempt fails once it has passed the given
 * number of records and a checkpoint has completed, so that the job restarts from that checkpoint.
 * Used by tests and by operators rehearsing recovery ({@code --fail-once-after N}); absent from the
 * pipeline otherwise.
 */
public final class FailOnceAfter<T> extends RichMapFunction<T, T> implements CheckpointListener {

    private final long records;
    private transient long seen;
    private transient boolean checkpointed;
    private transient boolean firstAttempt;

    public FailOnceAfter(long records) {
        this.records = records;
    }

    @Override
    public void open(OpenContext openContext) {
        firstAttempt = getRuntimeContext().getTaskInfo().getAttemptNumber() == 0;
    }

    @Override
    public T map(T value) throws InterruptedException {
        seen++;
        if (firstAttempt && seen >= records) {
            if (checkpointed) {
                throw new InjectedFailure(
                        "drill: failing after " + seen + " records, as --fail-once-after asked");
            }
            Thread.sleep(2);
        }
        return value;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        // Only a checkpoint completed after the count was reached is sure to hold progress.
        checkpointed = seen >= records;
    }

    /** The failure the drill injects, told apart from real ones in logs. */
    public static final class InjectedFailure extends RuntimeException {
        InjectedFailure(String message) {
            super(message);
        }
    }
}
