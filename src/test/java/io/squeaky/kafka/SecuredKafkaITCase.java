package io.squeaky.kafka;

import static io.squeaky.DuckDb.rows;
import static io.squeaky.kafka.KafkaInputITCase.complaint;
import static io.squeaky.kafka.KafkaInputITCase.tweet;
import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.TestClusters;
import io.squeaky.jobs.StreamingJob;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming job against a broker that only speaks SASL_SSL with SCRAM-SHA-512, through {@code
 * --kafka-properties}: with the right login and truststore it reads the topic; with a wrong
 * password or a truststore that does not hold the broker's certificate it stops within seconds,
 * with exit code 2 and one line naming the cause, instead of retrying.
 */
class SecuredKafkaITCase {

    private static final SecuredListener TLS = SecuredListener.create();

    @RegisterExtension static final MiniClusterExtension MINI_CLUSTER = TestClusters.twoSlots();

    @RegisterExtension static final KafkaBroker KAFKA = new KafkaBroker(TLS.brokerSettings());

    /** Long enough for the pre-check's 8 s, short enough that retrying would fail the test. */
    private static final double FAILS_WITHIN_SECONDS = 20;

    @TempDir Path dir;

    @BeforeAll
    static void topicAndUser() throws Exception {
        KAFKA.createTopic("secured-posts", 1);
        KAFKA.send(
                "secured-posts",
                0,
                List.of(
                        complaint("1", 1, "2017-10-02T10:00:00.000Z", "@AmazonHelp parcel lost"),
                        tweet(
                                "2",
                                "b1",
                                "AmazonHelp",
                                "2017-10-02T10:05:00.000Z",
                                "1",
                                "@cust1 sorry, please DM us")));
        TLS.addUser(KAFKA);
    }

    @AfterAll
    static void removeKeystores() throws Exception {
        TLS.delete();
    }

    @Test
    void readsTheTopicOverSaslSslWithTheLoginAndTruststoreOfItsPropertiesFile() throws Exception {
        Path properties =
                TLS.propertiesFile(
                        "good", SecuredListener.USER, SecuredListener.PASSWORD, "broker");
        Path output = dir.resolve("tables");

        Run run = run(properties, output);

        assertThat(run.exit).as(run.err).isZero();
        assertThat(run.out).contains("Read 2 posts: 2 accepted, 0 rejected");
        assertThat(
                        rows(
                                "SELECT outcome, seconds_to_first_reply FROM read_parquet('"
                                        + output
                                        + "/cases/dt=*/[!.]*.parquet')"))
                .extracting(Object::toString)
                .containsExactly("[HANDED_OFF_PRIVATE, 300]");
    }

    @Test
    void aWrongPasswordEndsTheRunInSecondsSayingAuthenticationFailed() throws Exception {
        Path properties =
                TLS.propertiesFile("wrong-password", SecuredListener.USER, "not-it", "broker");

        Run run = run(properties, dir.resolve("tables"));

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.seconds).isLessThan(FAILS_WITHIN_SECONDS);
        assertThat(run.err.lines())
                .singleElement()
                .asString()
                .startsWith("squeaky stream: cannot reach Kafka at " + TLS.bootstrapServers(KAFKA))
                .contains("Authentication failed")
                .contains("invalid credentials");
        assertThat(dir.resolve("tables")).doesNotExist();
    }

    @Test
    void anUntrustedCertificateEndsTheRunInSecondsSayingSo() throws Exception {
        Path properties =
                TLS.propertiesFile(
                        "untrusted", SecuredListener.USER, SecuredListener.PASSWORD, "stranger");

        Run run = run(properties, dir.resolve("tables"));

        assertThat(run.exit).isEqualTo(2);
        assertThat(run.seconds).isLessThan(FAILS_WITHIN_SECONDS);
        assertThat(run.err.lines())
                .singleElement()
                .asString()
                .startsWith("squeaky stream: cannot reach Kafka at " + TLS.bootstrapServers(KAFKA))
                .contains("certificate is not trusted");
        assertThat(dir.resolve("tables")).doesNotExist();
    }

    private record Run(int exit, double seconds, String out, String err) {}

    private static Run run(Path properties, Path output) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        long started = System.nanoTime();
        int exit =
                StreamingJob.execute(
                        new String[] {
                            "--bootstrap-servers",
                            TLS.bootstrapServers(KAFKA),
                            "--kafka-properties",
                            properties.toString(),
                            "--posts-topic",
                            "secured-posts",
                            "--events-topic",
                            "",
                            "--group-id",
                            "secured-test",
                            "--bounded",
                            "--checkpoint-interval",
                            "1s",
                            "--output",
                            output.toString(),
                            "--parallelism",
                            "1"
                        },
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(
                exit,
                (System.nanoTime() - started) / 1e9,
                out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8));
    }
}
