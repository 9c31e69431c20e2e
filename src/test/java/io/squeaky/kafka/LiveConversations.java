package io.squeaky.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Customers complaining to Amazon as it happens: every tick a new customer complains, the brand
 * answers the complaint of five ticks ago and that customer thanks it five ticks later, each post
 * stamped with the wall-clock moment it is sent, so event time keeps pace with the clock and a
 * pause in the feed shows as a pause of the watermark. A Kafka producer of the usual kind
 * (idempotent, {@code acks=all}, retrying) sends them, keyed by customer; it rides out a broker
 * outage by holding what it could not deliver and sending it once the broker is back. Every send is
 * acknowledged or recorded as a failure.
 */
public final class LiveConversations implements AutoCloseable {

    private static final int REPLY_AFTER_TICKS = 5;

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    public LiveConversations(String bootstrapServers, String topic) {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        // Longer than any outage a test stages: the producer retries until then.
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "180000");
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        this.topic = topic;
    }

    /**
     * Sends {@code customers} conversations, one new complaint a tick, and returns when the last
     * thanks is handed to the producer; {@link #flush()} waits for the broker to take them.
     */
    public void play(int customers, Duration tick) throws InterruptedException {
        long started = System.nanoTime();
        for (int n = 0; n < customers + 2 * REPLY_AFTER_TICKS; n++) {
            long due = started + n * tick.toNanos();
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String now = Instant.now().toString();
            if (n < customers) {
                send(
                        n,
                        KafkaInputITCase.tweet(
                                id(n, 1),
                                customer(n),
                                customer(n),
                                now,
                                null,
                                "@AmazonHelp my order " + n + " is late"));
            }
            int answered = n - REPLY_AFTER_TICKS;
            if (answered >= 0 && answered < customers) {
                send(
                        answered,
                        KafkaInputITCase.tweet(
                                id(answered, 2),
                                "brand",
                                "AmazonHelp",
                                now,
                                id(answered, 1),
                                "@" + customer(answered) + " sorry, we are on it"));
            }
            int thanking = n - 2 * REPLY_AFTER_TICKS;
            if (thanking >= 0 && thanking < customers) {
                send(
                        thanking,
                        KafkaInputITCase.tweet(
                                id(thanking, 3),
                                customer(thanking),
                                customer(thanking),
                                now,
                                id(thanking, 2),
                                "@AmazonHelp thanks"));
            }
        }
    }

    public void flush() {
        producer.flush();
    }

    /**
     * Every message handed to the producer, in order: the same input, as a file, for a batch run.
     */
    public List<String> messages() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /** Messages handed to the producer. */
    public int sent() {
        return sent.size();
    }

    /** Messages the broker acknowledged. */
    public int acknowledged() {
        return acknowledged.get();
    }

    /** The first send the producer gave up on, or null. */
    public Exception failure() {
        return failure.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(30));
    }

    private void send(int customer, String message) {
        sent.add(message);
        producer.send(
                new ProducerRecord<>(topic, customer(customer), message),
                (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    } else {
                        acknowledged.incrementAndGet();
                    }
                });
    }

    private static String customer(int n) {
        return "live" + n;
    }

    private static String id(int n, int step) {
        return (1_000_000 + n) + "" + step;
    }
}
