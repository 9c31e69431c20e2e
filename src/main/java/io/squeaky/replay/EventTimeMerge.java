package io.squeaky.replay;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;

/**
 * Merges feeds into one event-time ordered sequence. Each feed may be a little out of order (as
 * archives are); a look-ahead of {@code window} messages per feed puts them back in order without
 * holding the archive in memory.
 */
final class EventTimeMerge implements Iterator<ReplayMessage> {

    private final List<Iterator<ReplayMessage>> feeds;
    private final PriorityQueue<ReplayMessage> ahead =
            new PriorityQueue<>(Comparator.comparingLong(ReplayMessage::eventTime));
    private final int window;

    EventTimeMerge(List<Iterator<ReplayMessage>> feeds, int window) {
        this.feeds = feeds;
        this.window = window;
    }

    @Override
    public boolean hasNext() {
        fill();
        return !ahead.isEmpty();
    }

    @Override
    public ReplayMessage next() {
        fill();
        if (ahead.isEmpty()) {
            throw new NoSuchElementException();
        }
        return ahead.poll();
    }

    private void fill() {
        boolean more = true;
        while (ahead.size() < window * feeds.size() && more) {
            more = false;
            for (Iterator<ReplayMessage> feed : feeds) {
                if (feed.hasNext()) {
                    ahead.add(feed.next());
                    more = true;
                }
            }
        }
    }
}
