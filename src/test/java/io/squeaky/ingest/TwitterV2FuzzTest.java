package io.squeaky.ingest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * The Twitter API v2 adapter (LineSplitter and TwitterV2Parser) on any bytes, as a file and as one
 * Kafka message. Without JAZZER_FUZZ=1 this replays the corpus in {@code
 * TwitterV2FuzzTestInputs/fuzz}; {@code jobs/fuzz} runs a campaign that adds to it.
 */
class TwitterV2FuzzTest {

    // A second per input: the slowest corpus input takes milliseconds, so a second is a hang.
    @Timeout(value = 1, unit = TimeUnit.SECONDS)
    @FuzzTest
    void fuzz(byte[] input) {
        AdapterFuzzing.readAnyway(InputFormat.TWITTER_V2, input);
    }
}
