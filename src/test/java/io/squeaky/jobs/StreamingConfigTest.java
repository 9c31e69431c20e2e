package io.squeaky.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamingConfigTest {

    @TempDir Path dir;

    @Test
    void eventTimeMovesOnEverySecondUnlessTold() {
        assertThat(parse().watermarkInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(parse("--watermark-every", "250ms").watermarkInterval())
                .isEqualTo(Duration.ofMillis(250));
    }

    @Test
    void aWatermarkIntervalOfZeroIsRefused() {
        assertThatThrownBy(() -> parse("--watermark-every", "0s"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--watermark-every");
    }

    private StreamingConfig parse(String... extra) {
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--bootstrap-servers",
                                "localhost:9092",
                                "--output",
                                dir.resolve("out").toString()));
        args.addAll(List.of(extra));
        return StreamingConfig.fromArgs(args.toArray(String[]::new));
    }
}
