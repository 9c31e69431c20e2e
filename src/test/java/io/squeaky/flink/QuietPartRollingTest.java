package io.squeaky.flink;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.apache.flink.streaming.api.functions.sink.filesystem.PartFileInfo;
import org.junit.jupiter.api.Test;

class QuietPartRollingTest {

    private final QuietPartRolling<String> rolling = new QuietPartRolling<>(Duration.ofSeconds(10));

    @Test
    void aPartClosesAtEveryCheckpointAndNeverOnARow() throws Exception {
        PartFileInfo<String> part = part(1_000, 5_000);
        assertThat(rolling.shouldRollOnCheckpoint(part)).isTrue();
        assertThat(rolling.shouldRollOnEvent(part, "row")).isFalse();
    }

    @Test
    void aPartClosesOnceItHasHadNoRowForTheQuietTime() throws Exception {
        PartFileInfo<String> part = part(1_000, 5_000);
        assertThat(rolling.shouldRollOnProcessingTime(part, 14_999)).isFalse();
        assertThat(rolling.shouldRollOnProcessingTime(part, 15_000)).isTrue();
    }

    @Test
    void anOldPartStillWrittenToStaysOpen() throws Exception {
        assertThat(rolling.shouldRollOnProcessingTime(part(0, 59_000), 60_000)).isFalse();
    }

    private static PartFileInfo<String> part(long created, long lastRow) {
        return new PartFileInfo<>() {
            @Override
            public String getBucketId() {
                return "dt=2017-10-02";
            }

            @Override
            public long getCreationTime() {
                return created;
            }

            @Override
            public long getSize() {
                return 0;
            }

            @Override
            public long getLastUpdateTime() {
                return lastRow;
            }
        };
    }
}
