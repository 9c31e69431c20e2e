package io.squeaky.stats;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Remembers each seed's last bootstrap interval with the observations it was drawn from, and gives
 * it again for the same observations in the same order: the interval is a function of them, the
 * seed, the replications and the level, so the answer is the one {@link MedianRatioBootstrap} would
 * compute. A provisional statistics window recomputes its figures at every instant while a case in
 * it is open, and most of its comparisons do not contain that case; they cost one comparison of
 * their observations instead of every resample. Holds the {@code capacity} seeds used last.
 */
public final class BootstrapMemo {

    private record Drawn(
            List<Observation> numerator,
            List<Observation> denominator,
            int replications,
            double level,
            MedianRatioInterval interval) {}

    private final Map<Long, Drawn> last;

    public BootstrapMemo(int capacity) {
        this.last =
                new LinkedHashMap<>(16, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(Map.Entry<Long, Drawn> eldest) {
                        return size() > capacity;
                    }
                };
    }

    /** {@link MedianRatioBootstrap#interval}, or the same interval computed for these before. */
    public MedianRatioInterval interval(
            Collection<Observation> numerator,
            Collection<Observation> denominator,
            int replications,
            long seed,
            double level) {
        List<Observation> top = List.copyOf(numerator);
        List<Observation> bottom = List.copyOf(denominator);
        Drawn drawn = last.get(seed);
        if (drawn != null
                && drawn.replications() == replications
                && Double.compare(drawn.level(), level) == 0
                && drawn.numerator().equals(top)
                && drawn.denominator().equals(bottom)) {
            return drawn.interval();
        }
        MedianRatioInterval interval =
                MedianRatioBootstrap.interval(top, bottom, replications, seed, level);
        last.put(seed, new Drawn(top, bottom, replications, level, interval));
        return interval;
    }
}
