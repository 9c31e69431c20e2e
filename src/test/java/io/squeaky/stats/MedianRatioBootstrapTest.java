package io.squeaky.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class MedianRatioBootstrapTest {

    private static final int CUSTOMERS = 300;

    @Test
    void recoversAPlantedHazardRatioOfThree() {
        PlantedTickets.Sample sample = PlantedTickets.draw(CUSTOMERS, 3, 11);

        MedianRatioInterval interval = bootstrap(sample, 999, 5);

        assertThat(interval.contains(1 / 3.0)).as("%s contains 1/3", interval).isTrue();
        assertThat(interval.contains(1)).as("%s excludes 1", interval).isFalse();
        assertThat(interval.undefinedReplications()).isZero();
    }

    @Test
    void withNoEffectTheIntervalContainsOne() {
        PlantedTickets.Sample sample = PlantedTickets.draw(CUSTOMERS, 1, 12);

        assertThat(bootstrap(sample, 999, 6).contains(1)).isTrue();
    }

    /**
     * A loose bound on coverage from a few datasets; {@link CoverageCheck} runs enough of them to
     * show it is near 95%.
     */
    @Test
    void coversThePlantedRatioInMostDatasets() {
        int datasets = 40;
        int covered = 0;
        for (int seed = 0; seed < datasets; seed++) {
            PlantedTickets.Sample sample = PlantedTickets.draw(CUSTOMERS, 3, 1000 + seed);
            covered += bootstrap(sample, 199, seed).contains(1 / 3.0) ? 1 : 0;
        }
        assertThat(covered).as("datasets covering 1/3 of %d", datasets).isGreaterThanOrEqualTo(34);
    }

    /**
     * The bootstrap counts draws instead of copying observations; this spells out the plain way, a
     * Kaplan-Meier fit of each resample, and both must agree to the bit, ties, rounded times and
     * unreached medians included.
     */
    @Test
    void countingDrawsGivesExactlyTheIntervalOfFittingEveryResample() {
        for (int seed = 0; seed < 6; seed++) {
            PlantedTickets.Sample sample = PlantedTickets.draw(60, 2, 500 + seed);
            List<Observation> top = rounded(sample.escalated());
            List<Observation> bottom = rounded(sample.quiet());

            assertThat(MedianRatioBootstrap.interval(top, bottom, 199, seed, 0.95))
                    .isEqualTo(fittingEveryResample(top, bottom, 199, seed));
        }
    }

    @Test
    void theSameSeedGivesTheSameIntervalWhateverTheInputOrder() {
        PlantedTickets.Sample sample = PlantedTickets.draw(100, 3, 13);
        List<Observation> shuffled = new ArrayList<>(sample.escalated());
        Collections.shuffle(shuffled, new Random(1));

        MedianRatioInterval first = bootstrap(sample, 199, 42);
        MedianRatioInterval again =
                MedianRatioBootstrap.interval(shuffled, sample.quiet(), 199, 42, 0.95);
        MedianRatioInterval otherSeed = bootstrap(sample, 199, 43);

        assertThat(again).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(otherSeed.estimate()).isEqualTo(first.estimate());
    }

    @Test
    void aCustomersTicketsTravelTogetherAcrossBothGroups() {
        // Every customer's two escalated tickets and one quiet ticket close at the same moment:
        // any resample of whole customers has identical medians in both groups, so the ratio is
        // exactly 1 every time. Resampling tickets, or each group apart, would scatter it.
        List<Observation> escalated = new ArrayList<>();
        List<Observation> quiet = new ArrayList<>();
        for (int c = 0; c < 30; c++) {
            String customer = "customer-" + c;
            escalated.add(new Observation(c + 1, true, customer));
            escalated.add(new Observation(c + 1, true, customer));
            quiet.add(new Observation(c + 1, true, customer));
        }

        MedianRatioInterval interval =
                MedianRatioBootstrap.interval(escalated, quiet, 199, 1, 0.95);

        assertThat(interval.lower()).isEqualTo(1);
        assertThat(interval.upper()).isEqualTo(1);
    }

    @Test
    void anUnreachedMedianCountsAsLaterThanAnyObserved() {
        // The escalated curve stops at 2/3, so its median is beyond follow-up: infinitely late.
        List<Observation> escalated = Samples.of("1 2 3+ 4+ 5+ 6+");
        List<Observation> quiet = Samples.of("1 2 3 4 5 6");

        MedianRatioInterval interval =
                MedianRatioBootstrap.interval(escalated, quiet, 999, 7, 0.95);

        assertThat(interval.estimate()).isInfinite();
        assertThat(interval.upper()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(interval.lower()).isPositive().isFinite();
        assertThat(interval.undefinedReplications()).isZero();
    }

    @Test
    void resamplesWhereBothMediansAreUnreachedAreLeftOutAndCounted() {
        List<Observation> escalated = Samples.of("1 2 3+ 4+");
        List<Observation> quiet = Samples.of("1 2 3+ 4+");

        MedianRatioInterval interval =
                MedianRatioBootstrap.interval(escalated, quiet, 999, 8, 0.95);

        assertThat(interval.undefinedReplications()).isBetween(1, 998);
        assertThat(interval.lower()).isNotNaN();
        assertThat(interval.upper()).isNotNaN();
    }

    @Test
    void whenNoResampleHasARatioThereIsNoInterval() {
        List<Observation> allCensored = Samples.of("3+ 5+ 7+");

        MedianRatioInterval interval =
                MedianRatioBootstrap.interval(allCensored, allCensored, 99, 9, 0.95);

        assertThat(interval.estimate()).isNaN();
        assertThat(interval.undefinedReplications()).isEqualTo(99);
        assertThat(interval.lower()).isNaN();
        assertThat(interval.upper()).isNaN();
    }

    @Test
    void rejectsAnEmptyGroupAndNonsenseSettings() {
        List<Observation> some = Samples.of("1 2 3");

        assertThatThrownBy(() -> MedianRatioBootstrap.interval(List.of(), some, 99, 1, 0.95))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MedianRatioBootstrap.interval(some, some, 0, 1, 0.95))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MedianRatioBootstrap.interval(some, some, 99, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static MedianRatioInterval bootstrap(
            PlantedTickets.Sample sample, int replications, long seed) {
        return MedianRatioBootstrap.interval(
                sample.escalated(), sample.quiet(), replications, seed, 0.95);
    }

    private static List<Observation> rounded(List<Observation> observations) {
        return observations.stream()
                .map(o -> new Observation(Math.round(o.time() * 2) / 2.0, o.event(), o.cluster()))
                .toList();
    }

    private static MedianRatioInterval fittingEveryResample(
            List<Observation> top, List<Observation> bottom, int replications, long seed) {
        TreeMap<String, List<List<Observation>>> customers = new TreeMap<>();
        top.forEach(o -> sides(customers, o.cluster()).get(0).add(o));
        bottom.forEach(o -> sides(customers, o.cluster()).get(1).add(o));
        List<List<List<Observation>>> drawable = new ArrayList<>(customers.values());
        SplittableRandom random = new SplittableRandom(seed);
        List<Double> ratios = new ArrayList<>();
        for (int r = 0; r < replications; r++) {
            List<Observation> a = new ArrayList<>();
            List<Observation> b = new ArrayList<>();
            for (int i = 0; i < drawable.size(); i++) {
                List<List<Observation>> drawn = drawable.get(random.nextInt(drawable.size()));
                a.addAll(drawn.get(0));
                b.addAll(drawn.get(1));
            }
            double ratio = plainMedian(a) / plainMedian(b);
            if (!Double.isNaN(ratio)) {
                ratios.add(ratio);
            }
        }
        Collections.sort(ratios);
        int rank = Math.max(1, (int) Math.floor((ratios.size() + 1) * 0.05 / 2));
        return new MedianRatioInterval(
                plainMedian(top) / plainMedian(bottom),
                ratios.get(rank - 1),
                ratios.get(ratios.size() - rank),
                0.95,
                replications,
                replications - ratios.size());
    }

    private static List<List<Observation>> sides(
            Map<String, List<List<Observation>>> customers, String name) {
        return customers.computeIfAbsent(name, n -> List.of(new ArrayList<>(), new ArrayList<>()));
    }

    private static double plainMedian(List<Observation> observations) {
        if (observations.isEmpty()) {
            return Double.NaN;
        }
        double median = KaplanMeier.fit(observations).quantilePoint(0.5);
        return Double.isNaN(median) ? Double.POSITIVE_INFINITY : median;
    }
}
