package io.squeaky.generate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * When cases open: each brand at its own base rate, multiplied inside its planted storms (a few
 * hours of five to ten times the usual volume). The period is cut into segments between storm
 * edges, inside which every brand's rate is constant.
 */
final class StormPlan {

    /** A planted storm: {@code [start, end)} in epoch seconds. */
    record Storm(int brand, long start, long end, double rateMultiplier) {}

    private final List<Storm> storms;
    private final long[] segmentStart;
    private final double[][] brandRate;
    private final double[] totalRate;
    private final double[] cumulative;
    private final long end;

    private StormPlan(List<Storm> storms, List<DeskBrand> brands, long start, long end) {
        this.storms = List.copyOf(storms);
        this.end = end;
        TreeSet<Long> edges = new TreeSet<>(List.of(start, end));
        for (Storm storm : storms) {
            edges.add(storm.start());
            edges.add(storm.end());
        }
        segmentStart = edges.stream().mapToLong(Long::longValue).toArray();
        int segments = segmentStart.length - 1;
        brandRate = new double[segments][brands.size()];
        totalRate = new double[segments];
        cumulative = new double[segments + 1];
        for (int s = 0; s < segments; s++) {
            for (int b = 0; b < brands.size(); b++) {
                Storm storm = stormAt(b, segmentStart[s]);
                brandRate[s][b] =
                        brands.get(b).caseWeight() * (storm == null ? 1 : storm.rateMultiplier());
                totalRate[s] += brandRate[s][b];
            }
            cumulative[s + 1] =
                    cumulative[s] + totalRate[s] * (segmentStart[s + 1] - segmentStart[s]);
        }
    }

    /** Two or three storms per brand, each in its own share of the period so none overlap. */
    static StormPlan plant(List<DeskBrand> brands, long start, long end, SplittableRandom random) {
        List<Storm> storms = new ArrayList<>();
        for (int b = 0; b < brands.size(); b++) {
            int count = 2 + random.nextInt(2);
            long slot = (end - start) / count;
            for (int i = 0; i < count; i++) {
                long planned = Math.round(Draws.uniform(random, 2, 6) * 3600);
                long length = Math.min(planned, slot * 4 / 5) / 60 * 60;
                long slotStart = start + i * slot;
                long first = slotStart + random.nextLong(slot - length + 1) / 60 * 60;
                double multiplier = Math.round(Draws.uniform(random, 5, 10) * 10) / 10.0;
                storms.add(new Storm(b, first, first + length, multiplier));
            }
        }
        return new StormPlan(storms, brands, start, end);
    }

    List<Storm> storms() {
        return storms;
    }

    /** The brand's storm around this instant, or null. */
    Storm stormAt(int brand, long at) {
        for (Storm storm : storms) {
            if (storm.brand() == brand && storm.start() <= at && at < storm.end()) {
                return storm;
            }
        }
        return null;
    }

    /** Expected cases over the whole period, in units of weight x seconds. */
    double totalIntensity() {
        return cumulative[cumulative.length - 1];
    }

    /** The instant at which the cumulative intensity reaches {@code intensity}. */
    double instantAt(double intensity) {
        int s = segmentOf(intensity);
        return Math.min(segmentStart[s] + (intensity - cumulative[s]) / totalRate[s], end);
    }

    /** The brand that opens a case at {@code at}, chosen by the brands' rates then. */
    int brandAt(double at, double uniform) {
        int s = Arrays.binarySearch(segmentStart, (long) Math.floor(at));
        s = s >= 0 ? Math.min(s, totalRate.length - 1) : -s - 2;
        double pick = uniform * totalRate[s];
        for (int b = 0; b < brandRate[s].length - 1; b++) {
            pick -= brandRate[s][b];
            if (pick < 0) {
                return b;
            }
        }
        return brandRate[s].length - 1;
    }

    private int segmentOf(double intensity) {
        int s = Arrays.binarySearch(cumulative, intensity);
        s = s >= 0 ? s : -s - 2;
        return Math.max(0, Math.min(s, totalRate.length - 1));
    }
}
