package io.squeaky.replay;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;

/**
 * The replay producer for code outside its package (the streaming benchmark): replays a generated
 * data set's posts and service-desk events as fast as a rate cap allows, and says how many messages
 * it sent, how long it took and what span of event time they covered.
 */
public final class ReplayRun {

    /** What one replay did. Event times are epoch millis; seconds are wall-clock. */
    public record Result(
            long messages, long skipped, long firstEventTime, long lastEventTime, double seconds) {

        public double messagesPerSecond() {
            return messages / seconds;
        }

        /** Event-time seconds played per wall-clock second. */
        public double eventTimePace() {
            return (lastEventTime - firstEventTime) / 1000.0 / seconds;
        }
    }

    private ReplayRun() {}

    /**
     * Replays posts (Twitter API v2 pages) and events (service-desk CSV) into two topics in event
     * time order, ignoring event time's own pace (speed-up 0): only the rate cap holds it back.
     */
    public static Result replay(
            String bootstrapServers,
            Path posts,
            Path eventsCsv,
            String postsTopic,
            String eventsTopic,
            long rate)
            throws IOException, InterruptedException {
        long[] skipped = {0};
        Spanned messages =
                new Spanned(
                        new EventTimeMerge(
                                List.of(
                                        ArchiveMessages.posts(posts, postsTopic, skipped),
                                        ArchiveMessages.events(eventsCsv, eventsTopic, skipped)),
                                10_000));
        Properties producer = new Properties();
        producer.put("bootstrap.servers", bootstrapServers);
        long started = System.nanoTime();
        long sent = ReplayProducer.replay(messages, producer, 0, rate);
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Result(sent, skipped[0], messages.first, messages.last, seconds);
    }

    /** Passes messages through, noting the first and the latest event time handed out. */
    private static final class Spanned implements Iterator<ReplayMessage> {

        private final Iterator<ReplayMessage> messages;
        private long first = Long.MIN_VALUE;
        private long last = Long.MIN_VALUE;

        Spanned(Iterator<ReplayMessage> messages) {
            this.messages = messages;
        }

        @Override
        public boolean hasNext() {
            return messages.hasNext();
        }

        @Override
        public ReplayMessage next() {
            ReplayMessage message = messages.next();
            if (first == Long.MIN_VALUE) {
                first = message.eventTime();
            }
            last = Math.max(last, message.eventTime());
            return message;
        }
    }
}
