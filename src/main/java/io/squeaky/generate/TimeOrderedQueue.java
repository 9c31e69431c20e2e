package io.squeaky.generate;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Merges the events and tweets of overlapping cases back into time order. Cases are planned in
 * opening order and nothing of a case happens before it opens, so everything earlier than the
 * latest opening can go out: the queue holds only the cases that still have something to write. It
 * is a binary heap of per-case cursors, keyed by each cursor's next item, so that writing an item
 * costs one sift of a heap as large as the number of open cases. The keys sit in an array of their
 * own: chasing a pointer per comparison made the sift the generator's hot spot.
 */
final class TimeOrderedQueue {

    /** Case numbers stay below {@link CrossChannelSettings#MAX_CASES}. */
    private static final int ORDER_BITS = 31;

    /** One case's items not yet written, desk events before tweets at the same second. */
    private static final class CaseCursor {
        private final List<DeskEvent> events;
        private final List<GeneratedTweet> tweets;
        private final int order;
        private int nextEvent;
        private int nextTweet;
        private long nextTime;

        CaseCursor(List<DeskEvent> events, List<GeneratedTweet> tweets, int order) {
            this.events = events;
            this.tweets = tweets;
            this.order = order;
            updateNextTime();
        }

        boolean exhausted() {
            return nextEvent == events.size() && nextTweet == tweets.size();
        }

        Timed take() {
            Timed item =
                    nextTweet == tweets.size()
                                    || (nextEvent < events.size()
                                            && events.get(nextEvent).time()
                                                    <= tweets.get(nextTweet).time())
                            ? events.get(nextEvent++)
                            : tweets.get(nextTweet++);
            updateNextTime();
            return item;
        }

        private void updateNextTime() {
            long event = nextEvent < events.size() ? events.get(nextEvent).time() : Long.MAX_VALUE;
            long tweet = nextTweet < tweets.size() ? tweets.get(nextTweet).time() : Long.MAX_VALUE;
            nextTime = Math.min(event, tweet);
        }
    }

    private final long origin;
    private long[] keys = new long[1024];
    private CaseCursor[] cursors = new CaseCursor[1024];
    private int size;
    private int cases;
    private int peak;

    /** A queue for items at or after {@code origin} (epoch seconds). */
    TimeOrderedQueue(long origin) {
        this.origin = origin;
    }

    /** Queues a case's items, each list in time order. */
    void add(List<DeskEvent> events, List<GeneratedTweet> tweets) {
        CaseCursor cursor = new CaseCursor(events, tweets, cases++);
        if (cursor.exhausted()) {
            return;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            cursors = Arrays.copyOf(cursors, size * 2);
        }
        keys[size] = key(cursor);
        cursors[size] = cursor;
        siftUp(size++);
        peak = Math.max(peak, size);
    }

    void releaseBefore(long time, Consumer<Timed> out) {
        long bound = time == Long.MAX_VALUE ? Long.MAX_VALUE : (time - origin) << ORDER_BITS;
        while (size > 0 && keys[0] < bound) {
            CaseCursor top = cursors[0];
            out.accept(top.take());
            if (top.exhausted()) {
                size--;
                keys[0] = keys[size];
                cursors[0] = cursors[size];
                cursors[size] = null;
            } else {
                keys[0] = key(top);
            }
            if (size > 0) {
                siftDown(0);
            }
        }
    }

    void releaseAll(Consumer<Timed> out) {
        releaseBefore(Long.MAX_VALUE, out);
    }

    /** The most cases queued at once: a measure of the memory the generator needed. */
    int peak() {
        return peak;
    }

    /**
     * Seconds after the origin in the high bits, the case's number below: one comparison of
     * primitives orders by time and then by opening, without touching the cursors.
     */
    private long key(CaseCursor cursor) {
        return (cursor.nextTime - origin) << ORDER_BITS | cursor.order;
    }

    private void siftUp(int index) {
        long key = keys[index];
        CaseCursor cursor = cursors[index];
        while (index > 0) {
            int parent = (index - 1) >>> 1;
            if (key >= keys[parent]) {
                break;
            }
            keys[index] = keys[parent];
            cursors[index] = cursors[parent];
            index = parent;
        }
        keys[index] = key;
        cursors[index] = cursor;
    }

    private void siftDown(int index) {
        long key = keys[index];
        CaseCursor cursor = cursors[index];
        int half = size >>> 1;
        while (index < half) {
            int child = 2 * index + 1;
            if (child + 1 < size && keys[child + 1] < keys[child]) {
                child++;
            }
            if (keys[child] >= key) {
                break;
            }
            keys[index] = keys[child];
            cursors[index] = cursors[child];
            index = child;
        }
        keys[index] = key;
        cursors[index] = cursor;
    }
}
