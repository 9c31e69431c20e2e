package io.squeaky.kafka;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.Uuid;

/**
 * A real Kafka broker (KRaft, broker and controller in one node) in its own JVM, started from
 * Kafka's jars on the test classpath with a generated {@code server.properties}, the way {@code
 * jobs/live} runs one. Unlike the test kit's in-JVM broker it can be killed outright and started
 * again on the same port and log directory, as a broker host that restarts.
 */
final class BrokerProcess implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final Path properties;
    private Process process;
    private int launches;

    private BrokerProcess(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.properties = dir.resolve("server.properties");
    }

    /** Formats a fresh log directory under {@code dir} and starts the broker on it. */
    static BrokerProcess start(Path dir) throws Exception {
        BrokerProcess broker = new BrokerProcess(dir, freePort());
        broker.configure(freePort());
        broker.format();
        broker.launch();
        return broker;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /** SIGKILL: no controlled shutdown, no flush, as when the broker's host dies. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Starts the broker again on the same port and log directory, and waits until it answers. */
    void restart() throws Exception {
        if (process.isAlive()) {
            throw new IllegalStateException("the broker still runs");
        }
        launch();
    }

    void createTopic(String name, int partitions) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
                    .all()
                    .get(30, TimeUnit.SECONDS);
        }
    }

    /** The number of records in the topic: the sum of its partitions' end offsets. */
    long records(String topic, int partitions) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int p = 0; p < partitions; p++) {
                latest.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            return admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset())
                    .sum();
        }
    }

    String log() throws IOException {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= launches; i++) {
            Path log = dir.resolve("broker-" + i + ".log");
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            lines.add("== " + log.getFileName());
            lines.addAll(all.subList(Math.max(0, all.size() - 40), all.size()));
        }
        return String.join("\n", lines);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private Admin admin() {
        return Admin.create(
                Map.of(
                        AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                        bootstrapServers(),
                        AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG,
                        "30000"));
    }

    private void configure(int controllerPort) throws IOException {
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(
                properties,
                """
                process.roles=broker,controller
                node.id=1
                controller.quorum.voters=1@127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%3$s
                num.partitions=2
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                """
                        .formatted(port, controllerPort, dir.resolve("data")),
                StandardCharsets.UTF_8);
    }

    private void format() throws Exception {
        String clusterId = Uuid.randomUuid().toString();
        Process format =
                new ProcessBuilder(
                                java(
                                        "kafka.tools.StorageTool",
                                        "format",
                                        "-t",
                                        clusterId,
                                        "-c",
                                        properties.toString()))
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("format.log").toFile())
                        .start();
        if (!format.waitFor(2, TimeUnit.MINUTES) || format.exitValue() != 0) {
            throw new IllegalStateException(
                    "formatting the broker's storage failed:\n"
                            + Files.readString(dir.resolve("format.log")));
        }
    }

    private void launch() throws Exception {
        launches++;
        List<String> command = java("kafka.Kafka", properties.toString());
        command.add(1, "-Xmx384m");
        process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("broker-" + launches + ".log").toFile())
                        .start();
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker exited:\n" + log());
            }
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception notYet) {
                Thread.sleep(300);
            }
        }
        throw new IllegalStateException("the broker did not answer within a minute:\n" + log());
    }

    private static List<String> java(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-cp", System.getProperty("java.class.path")));
        command.addAll(List.of(arguments));
        return command;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
