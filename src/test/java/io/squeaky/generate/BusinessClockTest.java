package io.squeaky.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BusinessClockTest {

    @Test
    void answersExactlyWhatTheScheduleAnswers(@TempDir Path dir) throws IOException {
        CrossChannelSettings settings =
                CrossChannelSettings.fromArgs(new String[] {"--output", dir.toString()});
        BrandSetup brands = BrandSetup.write(settings, dir);
        long start = settings.start().getEpochSecond();
        SplittableRandom random = new SplittableRandom(5);

        for (int b = 0; b < brands.brands().size(); b++) {
            BusinessClock clock = brands.clock(b);
            for (int i = 0; i < 2000; i++) {
                long from = start + random.nextLong(60 * 86_400L);
                long to = from + random.nextLong(10 * 86_400L);
                assertThat(clock.between(from, to))
                        .as("%s from %d to %d", brands.brand(b).name(), from, to)
                        .isEqualTo(
                                clock.schedule()
                                        .businessSeconds(
                                                Instant.ofEpochSecond(from),
                                                Instant.ofEpochSecond(to)));
            }
        }
    }
}
