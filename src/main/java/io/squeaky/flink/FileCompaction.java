package io.squeaky.flink;

import java.io.Serializable;
import java.time.Duration;
import org.apache.flink.connector.file.sink.compactor.FileCompactStrategy;

/**
 * How a streaming run merges the small files each checkpoint writes: per table and partition, the
 * files of all subtasks are merged into one once they add up to the target size or once they have
 * waited the given number of checkpoints, whichever comes first. Until then they stay hidden, so
 * the interval bounds how long committed rows wait before readers see them. A batch run writes one
 * file per partition and subtask anyway and needs none.
 */
public record FileCompaction(long targetBytes, int checkpoints) implements Serializable {

    public static final long DEFAULT_TARGET_BYTES = 128L * 1024 * 1024;
    public static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(5);

    /** No merging: every checkpoint's files become visible as they are. */
    public static final FileCompaction NONE = new FileCompaction(0, 0);

    public FileCompaction {
        if (targetBytes < 0 || checkpoints < 0) {
            throw new IllegalArgumentException("a compaction needs a size and an interval");
        }
    }

    /**
     * Merging at {@code targetBytes} or every {@code interval} of wall-clock time, counted in
     * checkpoints of {@code checkpointInterval}; a zero interval turns merging off.
     */
    public static FileCompaction of(
            long targetBytes, Duration interval, Duration checkpointInterval) {
        if (interval.isZero()) {
            return NONE;
        }
        long checkpoints =
                (interval.toMillis() + checkpointInterval.toMillis() - 1)
                        / checkpointInterval.toMillis();
        return new FileCompaction(targetBytes, (int) Math.max(1, Math.min(checkpoints, 1 << 20)));
    }

    public boolean enabled() {
        return checkpoints > 0;
    }

    FileCompactStrategy strategy() {
        FileCompactStrategy.Builder strategy =
                FileCompactStrategy.Builder.newBuilder().enableCompactionOnCheckpoint(checkpoints);
        if (targetBytes > 0) {
            strategy.setSizeThreshold(targetBytes);
        }
        return strategy.build();
    }
}
