package io.squeaky.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The two ways {@link RiskSets} packs a row's key with its position for one primitive sort: the
 * distance below the largest key for whole-number times (seconds, as {@code case_intervals} has
 * them), the rank among the distinct keys otherwise. Where both apply they must give the same
 * order, ties in row order, or a fit's sums would run in another order.
 */
class RiskSetsTest {

    @Test
    void wholeSecondsSortAsTheirRanksDo() {
        Random random = new Random(7);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + random.nextInt(300);
            double[] key = new double[n + 5];
            for (int i = 0; i < key.length; i++) {
                // Few distinct values, so that ties are common; negative ones too.
                key[i] = random.nextInt(40) - 10 + (trial % 2 == 0 ? 0 : 5_000_000_000.0);
            }
            // Every other row, in a shuffled order: positions are not the row numbers.
            int[] rows = IntStream.range(0, key.length).filter(i -> i % 2 == 0).toArray();
            shuffle(rows, random);

            long[] whole = RiskSets.wholeDistances(rows, key);
            long[] ranks = RiskSets.ranks(rows, key);

            assertThat(whole).isNotNull();
            assertThat(order(whole)).isEqualTo(order(ranks));
        }
    }

    @Test
    void keysThatAreNotSmallWholeNumbersAreRanked() {
        int[] rows = {0, 1, 2};
        assertThat(RiskSets.wholeDistances(rows, new double[] {1, 2.5, 3})).isNull();
        assertThat(RiskSets.wholeDistances(rows, new double[] {1, -0.0, 3})).isNull();
        assertThat(RiskSets.wholeDistances(rows, new double[] {0, 1, 3e9})).isNull();
        assertThat(RiskSets.wholeDistances(rows, new double[] {-1e9, 1, 1e9})).isNotNull();
    }

    /** The positions in the order a sort of the packed longs puts them. */
    private static int[] order(long[] packed) {
        long[] sorted = packed.clone();
        Arrays.sort(sorted);
        return Arrays.stream(sorted).mapToInt(value -> (int) (value & 0xffffffffL)).toArray();
    }

    private static void shuffle(int[] values, Random random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
