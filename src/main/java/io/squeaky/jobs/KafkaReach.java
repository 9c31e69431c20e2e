package io.squeaky.jobs;

import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.errors.SslAuthenticationException;

/**
 * Asks the brokers for their topics before the job starts. Kafka's own client retries an
 * unreachable broker for minutes, logging as it goes; a user who mistyped a host should learn it in
 * seconds, in one line, and a missing topic or refused login likewise.
 */
final class KafkaReach {

    static final long TIMEOUT_SECONDS = 8;

    private KafkaReach() {}

    /**
     * The failure in one line. A failed TLS handshake says only that it failed; what failed lies in
     * its causes, and an untrusted certificate is the usual one, so that is named.
     */
    private static String describe(Throwable failure) {
        String line = Locations.firstLine(failure);
        if (!(failure instanceof SslAuthenticationException)) {
            return line;
        }
        Throwable innermost = failure;
        for (Throwable t = failure.getCause(); t != null; t = t.getCause()) {
            if (t instanceof CertPathBuilderException || t instanceof CertPathValidatorException) {
                return line + ": the broker's certificate is not trusted by ssl.truststore.*";
            }
            innermost = t;
        }
        return innermost == failure ? line : line + ": " + Locations.firstLine(innermost);
    }

    static void check(String bootstrapServers, Properties clientProperties, List<String> topics) {
        Properties properties = new Properties();
        properties.putAll(clientProperties);
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "7000");
        properties.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, "5000");
        Set<String> present;
        Admin admin = null;
        try {
            admin = Admin.create(properties);
            present = admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalArgumentException(
                    "cannot reach Kafka at "
                            + bootstrapServers
                            + " (no answer within "
                            + TIMEOUT_SECONDS
                            + " s): check --bootstrap-servers and that the broker is up",
                    e);
        } catch (ExecutionException e) {
            throw new IllegalArgumentException(
                    "cannot reach Kafka at "
                            + bootstrapServers
                            + ": "
                            + describe(e.getCause())
                            + " (check --bootstrap-servers and --kafka-properties)",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking Kafka for its topics", e);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "cannot connect to Kafka at "
                            + bootstrapServers
                            + ": "
                            + Locations.firstLine(e)
                            + " (check --kafka-properties)",
                    e);
        } finally {
            if (admin != null) {
                admin.close(Duration.ofSeconds(1));
            }
        }
        List<String> missing = new ArrayList<>();
        for (String topic : topics) {
            if (!present.contains(topic)) {
                missing.add(topic);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    "Kafka at "
                            + bootstrapServers
                            + " has no topic "
                            + String.join(", ", missing)
                            + ": create it, or name another with --posts-topic / --events-topic");
        }
    }
}
