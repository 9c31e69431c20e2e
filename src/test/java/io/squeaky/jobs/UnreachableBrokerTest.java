package io.squeaky.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A broker nobody listens at is reported in one line within seconds, before a job starts. */
class UnreachableBrokerTest {

    @TempDir Path dir;

    @Test
    void saysItCannotReachKafkaWithinFifteenSeconds() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long started = System.nanoTime();
        int exit =
                StreamingJob.execute(
                        new String[] {
                            "--bootstrap-servers",
                            "127.0.0.1:1",
                            "--output",
                            dir.resolve("tables").toString()
                        },
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(exit).isEqualTo(2);
        assertThat(seconds).isLessThan(15);
        assertThat(err.toString(StandardCharsets.UTF_8).lines())
                .singleElement()
                .asString()
                .startsWith("squeaky stream: cannot reach Kafka at 127.0.0.1:1");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(dir.resolve("tables")).doesNotExist();
    }
}
