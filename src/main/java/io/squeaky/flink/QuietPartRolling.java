package io.squeaky.flink;

import java.time.Duration;
import org.apache.flink.streaming.api.functions.sink.filesystem.PartFileInfo;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.CheckpointRollingPolicy;

/**
 * Closes a table's part file at every checkpoint, as a bulk format must, and also once it has had
 * no row for {@code quiet} of processing time. Every open part file holds a Parquet writer and its
 * buffers; when checkpoints fall behind (a job under backpressure, catching up on a backlog or fed
 * a replay far faster than real time), the partitions written between two of them, and so the open
 * writers, grow with the event time that passes in between. Closing the quiet ones bounds them by
 * the partitions still being written. With {@code quiet} at least the checkpoint interval, a job
 * whose checkpoints keep time closes no more files than before.
 */
final class QuietPartRolling<T> extends CheckpointRollingPolicy<T, String> {

    private final long quietMillis;

    QuietPartRolling(Duration quiet) {
        this.quietMillis = quiet.toMillis();
    }

    @Override
    public boolean shouldRollOnEvent(PartFileInfo<String> part, T element) {
        return false;
    }

    @Override
    public boolean shouldRollOnProcessingTime(PartFileInfo<String> part, long now) {
        return now - part.getLastUpdateTime() >= quietMillis;
    }
}
