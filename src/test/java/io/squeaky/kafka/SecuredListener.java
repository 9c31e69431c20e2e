package io.squeaky.kafka;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;

/**
 * A SASL_SSL listener for {@link KafkaBroker}, as a secured cluster has: SCRAM-SHA-512 logins over
 * TLS with a self-signed certificate for localhost. The keystore and truststores are made with the
 * JDK's keytool; a second, unrelated certificate makes the truststore of a client that must not
 * trust the broker. The broker's own listeners stay PLAINTEXT so the test can set up topics and
 * users.
 */
final class SecuredListener {

    static final String LISTENER = "SECURE";
    static final String USER = "squeaky";
    static final String PASSWORD = "squeaky-scram-secret";
    private static final String STORE_PASSWORD = "store-secret";

    private final Path dir;

    private SecuredListener(Path dir) {
        this.dir = dir;
    }

    /** Makes the broker's keystore and the clients' truststores in a new folder. */
    static SecuredListener create() {
        try {
            SecuredListener tls = new SecuredListener(Files.createTempDirectory("squeaky-tls"));
            tls.keyPair("broker");
            tls.keyPair("stranger");
            tls.trustStoreOf("broker");
            tls.trustStoreOf("stranger");
            return tls;
        } catch (IOException e) {
            throw new IllegalStateException("cannot make the test's keystores", e);
        }
    }

    /** Broker settings adding the SASL_SSL listener beside the test kit's two. */
    Map<String, String> brokerSettings() {
        String prefix = "listener.name." + LISTENER.toLowerCase() + ".";
        return Map.of(
                "listeners",
                "EXTERNAL://localhost:0,CONTROLLER://localhost:0," + LISTENER + "://localhost:0",
                "listener.security.protocol.map",
                "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT," + LISTENER + ":SASL_SSL",
                prefix + "sasl.enabled.mechanisms",
                "SCRAM-SHA-512",
                prefix + "scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                prefix + "ssl.keystore.location",
                dir.resolve("broker.p12").toString(),
                prefix + "ssl.keystore.type",
                "PKCS12",
                prefix + "ssl.keystore.password",
                STORE_PASSWORD,
                prefix + "ssl.key.password",
                STORE_PASSWORD);
    }

    /** Gives the job's user its SCRAM-SHA-512 credential and waits until the listener takes it. */
    void addUser(KafkaBroker broker) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", broker.bootstrapServers()))) {
            admin.alterUserScramCredentials(
                            List.of(
                                    new UserScramCredentialUpsertion(
                                            USER,
                                            new ScramCredentialInfo(
                                                    ScramMechanism.SCRAM_SHA_512, 4096),
                                            PASSWORD)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
        Properties client = new Properties();
        client.putAll(clientProperties(USER, PASSWORD, "broker"));
        client.put("bootstrap.servers", bootstrapServers(broker));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try (Admin admin = Admin.create(client)) {
                admin.listTopics().names().get(10, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                // The credential reaches the listener through the metadata log a moment later.
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    /** Removes the keystores and properties files. */
    void delete() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }

    String bootstrapServers(KafkaBroker broker) {
        return "localhost:" + broker.port(LISTENER);
    }

    /**
     * A {@code --kafka-properties} file for this listener: the user and password, and a truststore
     * holding the certificate of {@code trusted} ("broker" to trust the broker, "stranger" not to).
     */
    Path propertiesFile(String name, String user, String password, String trusted)
            throws IOException {
        List<String> lines = new ArrayList<>();
        clientProperties(user, password, trusted).forEach((k, v) -> lines.add(k + "=" + v));
        return Files.write(dir.resolve(name + ".properties"), lines, StandardCharsets.UTF_8);
    }

    private Map<String, String> clientProperties(String user, String password, String trusted) {
        return Map.of(
                "security.protocol",
                "SASL_SSL",
                "sasl.mechanism",
                "SCRAM-SHA-512",
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                        + user
                        + "\" password=\""
                        + password
                        + "\";",
                "ssl.truststore.location",
                dir.resolve("trusts-" + trusted + ".p12").toString(),
                "ssl.truststore.type",
                "PKCS12",
                "ssl.truststore.password",
                STORE_PASSWORD);
    }

    private void keyPair(String name) throws IOException {
        keytool(
                "-genkeypair",
                "-alias",
                name,
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                dir.resolve(name + ".p12").toString(),
                "-storepass",
                STORE_PASSWORD,
                "-keypass",
                STORE_PASSWORD);
        keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                name,
                "-keystore",
                dir.resolve(name + ".p12").toString(),
                "-storepass",
                STORE_PASSWORD,
                "-file",
                dir.resolve(name + ".pem").toString());
    }

    private void trustStoreOf(String name) throws IOException {
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                name,
                "-file",
                dir.resolve(name + ".pem").toString(),
                "-storetype",
                "PKCS12",
                "-keystore",
                dir.resolve("trusts-" + name + ".p12").toString(),
                "-storepass",
                STORE_PASSWORD);
    }

    private static void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String output =
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("keytool " + String.join(" ", args) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running keytool", e);
        }
    }
}
