package io.squeaky.ingest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * The service-desk CSV adapter (CsvRecordSplitter and ServiceDeskCsvParser) on any bytes. Without
 * JAZZER_FUZZ=1 this replays the corpus in {@code ServiceDeskCsvFuzzTestInputs/fuzz}; {@code
 * jobs/fuzz} runs a campaign that adds to it.
 */
class ServiceDeskCsvFuzzTest {

    // A second per input: the slowest corpus input takes milliseconds, so a second is a hang.
    @Timeout(value = 1, unit = TimeUnit.SECONDS)
    @FuzzTest
    void fuzz(byte[] input) {
        AdapterFuzzing.readAnyway(InputFormat.SERVICE_DESK_CSV, input);
    }
}
