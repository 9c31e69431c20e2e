package io.squeaky.replay;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Replays archived posts and service-desk events into Kafka in event-time order, as the live feeds
 * would deliver them: {@code --speedup 3600} plays an hour of event time per second, and {@code
 * --rate} caps messages per second.
 */
public final class ReplayProducer {

    static final String USAGE =
            """
            Usage: squeaky replay --bootstrap-servers HOST:PORT [--posts FILE] [--events FILE]

              --posts FILE          Twitter API v2 pages, one JSON object a line
              --events FILE         service-desk events, CSV
              --posts-topic T       default squeaky.posts
              --events-topic T      default squeaky.events
              --speedup X           event seconds per wall-clock second (default 3600; 0 = as fast
                                    as the rate allows)
              --rate N              at most N messages a second (default 50000)
              --kafka-properties F  client properties (security and the rest)
            """;

    private ReplayProducer() {}

    public static void main(String[] args) throws Exception {
        List<String> list = List.of(args);
        if (list.contains("--help") || list.isEmpty()) {
            System.out.print(USAGE);
            return;
        }
        String bootstrap = option(list, "--bootstrap-servers", null);
        if (bootstrap == null) {
            System.err.println("squeaky replay: --bootstrap-servers is required");
            System.exit(2);
        }
        long[] skipped = {0};
        List<Iterator<ReplayMessage>> feeds = new ArrayList<>();
        String posts = option(list, "--posts", null);
        if (posts != null) {
            feeds.add(
                    ArchiveMessages.posts(
                            Path.of(posts),
                            option(list, "--posts-topic", "squeaky.posts"),
                            skipped));
        }
        String events = option(list, "--events", null);
        if (events != null) {
            feeds.add(
                    ArchiveMessages.events(
                            Path.of(events),
                            option(list, "--events-topic", "squeaky.events"),
                            skipped));
        }
        Properties config = properties(option(list, "--kafka-properties", null));
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.putIfAbsent(ProducerConfig.ACKS_CONFIG, "all");
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, "5");
        double speedup = Double.parseDouble(option(list, "--speedup", "3600"));
        long rate = Long.parseLong(option(list, "--rate", "50000"));
        long sent = replay(new EventTimeMerge(feeds, 10_000), config, speedup, rate);
        System.err.printf(
                "replayed %,d messages (%,d unreadable lines skipped)%n", sent, skipped[0]);
    }

    private static final long REPORT_EVERY_NANOS = 10_000_000_000L;

    static long replay(
            Iterator<ReplayMessage> messages, Properties config, double speedup, long rate)
            throws InterruptedException {
        long started = System.nanoTime();
        long firstEventTime = Long.MIN_VALUE;
        long sent = 0;
        long lastReport = started;
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            while (messages.hasNext()) {
                ReplayMessage message = messages.next();
                if (firstEventTime == Long.MIN_VALUE) {
                    firstEventTime = message.eventTime();
                }
                long dueByEventTime =
                        speedup > 0
                                ? (long) ((message.eventTime() - firstEventTime) * 1e6 / speedup)
                                : 0;
                long dueByRate = sent * 1_000_000_000L / rate;
                long wait = Math.max(dueByEventTime, dueByRate) - (System.nanoTime() - started);
                if (wait > 1_000_000) {
                    Thread.sleep(wait / 1_000_000);
                }
                producer.send(
                        new ProducerRecord<>(message.topic(), message.key(), message.value()));
                sent++;
                if (System.nanoTime() - lastReport >= REPORT_EVERY_NANOS) {
                    lastReport = System.nanoTime();
                    System.err.printf(
                            "  replay: %,d messages sent, event time %s%n",
                            sent, Instant.ofEpochMilli(message.eventTime()));
                }
            }
            producer.flush();
        }
        return sent;
    }

    private static String option(List<String> args, String name, String fallback) {
        int i = args.indexOf(name);
        return i >= 0 && i + 1 < args.size() ? args.get(i + 1) : fallback;
    }

    private static Properties properties(String file) throws IOException {
        Properties properties = new Properties();
        if (file != null) {
            try (Reader in = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
                properties.load(in);
            }
        }
        return properties;
    }
}
