package io.squeaky.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * A generated data set replayed over and over at a fixed number of messages a second, for as long
 * as asked: pass k is pass 0 moved k spans later in event time, with its post and ticket ids marked
 * with k, so every pass is new traffic (new posts and tickets from the same customers and brands)
 * and event time keeps moving forward with no seam a window could stall on.
 */
public final class LoopedReplay {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Between the last message of a pass and the first of the next, in event time. */
    private static final long SEAM_MILLIS = Duration.ofHours(1).toMillis();

    private final List<ReplayMessage> pass;
    private final long spanMillis;
    private final AtomicLong sent = new AtomicLong();
    private volatile long eventTime = Long.MIN_VALUE;

    private LoopedReplay(List<ReplayMessage> pass) {
        this.pass = pass;
        long first = pass.stream().mapToLong(ReplayMessage::eventTime).min().orElseThrow();
        long last = pass.stream().mapToLong(ReplayMessage::eventTime).max().orElseThrow();
        this.spanMillis = last - first + SEAM_MILLIS;
    }

    /** One pass of the generated posts (Twitter API v2 pages) and events (service-desk CSV). */
    public static LoopedReplay of(Path posts, Path eventsCsv, String postsTopic, String eventsTopic)
            throws IOException {
        long[] skipped = {0};
        List<ReplayMessage> pass = new ArrayList<>();
        new EventTimeMerge(
                        List.of(
                                ArchiveMessages.posts(posts, postsTopic, skipped),
                                ArchiveMessages.events(eventsCsv, eventsTopic, skipped)),
                        10_000)
                .forEachRemaining(pass::add);
        if (pass.isEmpty()) {
            throw new IllegalArgumentException("nothing to replay in " + posts + ", " + eventsCsv);
        }
        return new LoopedReplay(pass);
    }

    public int messagesPerPass() {
        return pass.size();
    }

    public Duration eventTimePerPass() {
        return Duration.ofMillis(spanMillis);
    }

    public long sent() {
        return sent.get();
    }

    /** The event time of the message sent last (epoch millis), or Long.MIN_VALUE before any. */
    public long eventTime() {
        return eventTime;
    }

    /** Sends at {@code rate} messages a second until {@code stop} says so. */
    public void run(String bootstrapServers, long rate, BooleanSupplier stop)
            throws InterruptedException {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        long started = System.nanoTime();
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            for (int k = 0; !stop.getAsBoolean(); k++) {
                for (ReplayMessage message : pass) {
                    if (stop.getAsBoolean()) {
                        break;
                    }
                    long wait = sent.get() * 1_000_000_000L / rate - (System.nanoTime() - started);
                    if (wait > 1_000_000) {
                        Thread.sleep(wait / 1_000_000);
                    }
                    ReplayMessage moved = k == 0 ? message : moved(message, k);
                    producer.send(new ProducerRecord<>(moved.topic(), moved.key(), moved.value()));
                    eventTime = moved.eventTime();
                    sent.incrementAndGet();
                }
            }
            producer.flush();
        }
    }

    /** The message as pass k sends it. */
    ReplayMessage moved(ReplayMessage message, int k) {
        long at = message.eventTime() + k * spanMillis;
        String mark = "-" + k;
        ObjectNode json;
        try {
            json = (ObjectNode) JSON.readTree(message.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (json.has("data")) {
            ObjectNode tweet = (ObjectNode) json.get("data");
            tweet.put("created_at", Instant.ofEpochMilli(at).toString());
            mark(tweet, "id", mark);
            mark(tweet, "conversation_id", mark);
            for (JsonNode reference : tweet.path("referenced_tweets")) {
                mark((ObjectNode) reference, "id", mark);
            }
        } else {
            json.put("occurred_at", Instant.ofEpochMilli(at).toString());
            mark(json, "ticket_id", mark);
            ArrayNode posts = (ArrayNode) json.get("post_ids");
            if (posts != null) {
                for (int i = 0; i < posts.size(); i++) {
                    posts.set(i, posts.get(i).asText() + mark);
                }
            }
        }
        return new ReplayMessage(at, message.topic(), message.key(), json.toString());
    }

    private static void mark(ObjectNode node, String field, String mark) {
        if (node.hasNonNull(field)) {
            node.put(field, node.get(field).asText() + mark);
        }
    }
}
