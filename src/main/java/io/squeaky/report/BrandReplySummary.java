package io.squeaky.report;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-brand case counts and the distribution of seconds to first reply, kept as exact counts per
 * second so that parallel parts merge without losing precision.
 */
public final class BrandReplySummary implements Serializable {

    private final Map<String, Tally> brands = new TreeMap<>();

    /** One line of the summary. Reply minutes are among replied cases only. */
    public record Line(
            String brand, long cases, long replied, double medianMinutes, double p90Minutes) {}

    private static final class Tally implements Serializable {
        long cases;
        final TreeMap<Long, Long> replySeconds = new TreeMap<>();
    }

    public void addCase(String brand, Long secondsToFirstReply) {
        Tally tally = brands.computeIfAbsent(brand, b -> new Tally());
        tally.cases++;
        if (secondsToFirstReply != null) {
            tally.replySeconds.merge(secondsToFirstReply, 1L, Long::sum);
        }
    }

    public void merge(BrandReplySummary other) {
        other.brands.forEach(
                (brand, theirs) -> {
                    Tally mine = brands.computeIfAbsent(brand, b -> new Tally());
                    mine.cases += theirs.cases;
                    theirs.replySeconds.forEach((s, n) -> mine.replySeconds.merge(s, n, Long::sum));
                });
    }

    public BrandReplySummary copy() {
        BrandReplySummary copy = new BrandReplySummary();
        copy.merge(this);
        return copy;
    }

    /** Lines ordered by number of cases, most first. */
    public List<Line> lines() {
        List<Line> lines = new ArrayList<>();
        brands.forEach(
                (brand, tally) -> {
                    long replied =
                            tally.replySeconds.values().stream().mapToLong(Long::longValue).sum();
                    lines.add(
                            new Line(
                                    brand,
                                    tally.cases,
                                    replied,
                                    quantile(tally.replySeconds, replied, 0.5) / 60.0,
                                    quantile(tally.replySeconds, replied, 0.9) / 60.0));
                });
        lines.sort(Comparator.comparingLong(Line::cases).reversed().thenComparing(Line::brand));
        return lines;
    }

    /**
     * The p-quantile by linear interpolation between order statistics (R's type 7, numpy's default;
     * the median of an even count is the mean of the middle two). NaN when empty.
     */
    static double quantile(TreeMap<Long, Long> counts, long n, double p) {
        if (n == 0) {
            return Double.NaN;
        }
        double h = (n - 1) * p;
        long lo = (long) Math.floor(h);
        double low = orderStatistic(counts, lo);
        double high = orderStatistic(counts, Math.min(lo + 1, n - 1));
        return low + (h - lo) * (high - low);
    }

    private static long orderStatistic(TreeMap<Long, Long> counts, long index) {
        long seen = 0;
        for (Map.Entry<Long, Long> entry : counts.entrySet()) {
            seen += entry.getValue();
            if (index < seen) {
                return entry.getKey();
            }
        }
        throw new IllegalArgumentException("index " + index + " beyond " + seen + " values");
    }
}
