package io.squeaky.ingest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * The TWCS CSV adapter (CsvRecordSplitter and TwcsParser) on any bytes. Without JAZZER_FUZZ=1 this
 * replays the corpus in {@code TwcsFuzzTestInputs/fuzz}; {@code jobs/fuzz} runs a campaign that
 * adds to it.
 */
class TwcsFuzzTest {

    // Per input: Jazzer passes it to libFuzzer as -timeout when fuzzing. Corpus inputs take
    // milliseconds; five seconds leaves room for a loaded machine and still catches a hang.
    @Timeout(value = 5, unit = TimeUnit.SECONDS)
    @FuzzTest
    void fuzz(byte[] input) {
        AdapterFuzzing.readAnyway(InputFormat.TWCS, input);
    }
}
