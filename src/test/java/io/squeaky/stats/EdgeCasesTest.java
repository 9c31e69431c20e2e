package io.squeaky.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Curves and quantiles at the edges, each against R (survival 3.5-3): for a sample {@code t, s},
 * {@code f <- survfit(Surv(t, s) ~ 1, conf.type = "log-log")}, its rows as in {@link
 * KaplanMeierTest}, and {@code quantile(f, c(0.25, 0.5, 0.75))}. NaN stands for R's NA.
 */
class EdgeCasesTest {

    private static final double NA = Double.NaN;
    private static final double[] QUARTILES = {0.25, 0.5, 0.75};

    @Test
    void allCensoredStaysAtOneAndHasNoQuantiles() {
        SurvivalCurve curve = KaplanMeier.fit(Samples.of("3+ 5+ 7+"));

        KaplanMeierTest.assertMatchesR(
                curve, new double[][] {{3, 3, 0, 1, 1, 0}, {5, 2, 0, 1, 1, 0}, {7, 1, 0, 1, 1, 0}});
        assertQuartiles(curve, new double[][] {{NA, NA, NA}, {NA, NA, NA}, {NA, NA, NA}});
    }

    @Test
    void noCensoringIsTheEmpiricalSurvivalAndFlatStretchesGiveMidpoints() {
        SurvivalCurve curve = KaplanMeier.fit(Samples.of("1 2 3 4"));

        KaplanMeierTest.assertMatchesR(
                curve,
                new double[][] {
                    {1, 4, 1, 0, 0.75, 0.21650635094611},
                    {2, 3, 1, 0, 0.50, 0.25},
                    {3, 2, 1, 0, 0.25, 0.21650635094611},
                    {4, 1, 1, 0, 0, NA}
                });
        // S is exactly 1/2 on [2, 3), so R takes the median halfway: 2.5.
        assertQuartiles(curve, new double[][] {{1.5, 1, 3}, {2.5, 1, NA}, {3.5, 1, NA}});
    }

    @Test
    void noCensoringWithATiedPairEqualsTheEmpiricalSurvival() {
        List<Observation> sample = Samples.of("2 4 4 5 7 8 9");
        SurvivalCurve curve = KaplanMeier.fit(sample);

        for (double t : new double[] {0, 2, 3, 4, 5, 7.5, 8, 9}) {
            long beyond = sample.stream().filter(o -> o.time() > t).count();
            assertThat(curve.survivalAt(t)).as("S(%s)", t).isCloseTo(beyond / 7.0, within(1e-15));
        }
        assertQuartiles(curve, new double[][] {{4, 2, 5}, {5, 2, 8}, {8, 4, NA}});
    }

    @Test
    void eventsComeBeforeCensoringsAtTheSameTime() {
        SurvivalCurve curve = KaplanMeier.fit(Samples.of("1 2 2+ 2 3+ 3 4 5+ 5 6+"));

        // At 2, all nine are at risk: two events, and the one censored at 2 still counts.
        KaplanMeierTest.assertMatchesR(
                curve,
                new double[][] {
                    {1, 10, 1, 0, 0.9, 0.0948683298050514},
                    {2, 9, 2, 1, 0.7, 0.1449137674618944},
                    {3, 6, 1, 1, 0.583333333333333, 0.1610152971798827},
                    {4, 4, 1, 0, 0.4375, 0.1747393892820582},
                    {5, 3, 1, 1, 0.291666666666667, 0.1665798384937162},
                    {6, 1, 0, 1, 0.291666666666667, 0.1665798384937162}
                });
        assertQuartiles(curve, new double[][] {{2, 1, 4}, {4, 1, NA}, {NA, 3, NA}});
    }

    @Test
    void aSingleEventDropsToZeroWithUndefinedError() {
        SurvivalCurve curve = KaplanMeier.fit(Samples.of("4"));

        KaplanMeierTest.assertMatchesR(curve, new double[][] {{4, 1, 1, 0, 0, NA}});
        assertQuartiles(curve, new double[][] {{4, NA, NA}, {4, NA, NA}, {4, NA, NA}});
    }

    @Test
    void aSingleCensoringSaysNothing() {
        SurvivalCurve curve = KaplanMeier.fit(Samples.of("4+"));

        KaplanMeierTest.assertMatchesR(curve, new double[][] {{4, 1, 0, 1, 1, 0}});
        assertQuartiles(curve, new double[][] {{NA, NA, NA}, {NA, NA, NA}, {NA, NA, NA}});
    }

    @Test
    void aCurveEndingFlatAtOneHalfTakesTheMidpointToTheLastTime() {
        // quantile.survfit gives (2 + 4) / 2 = 3; R's print(survfit) differs here and shows 2.
        SurvivalCurve curve = KaplanMeier.fit(Samples.of("1 2 3+ 4+"));

        assertQuartiles(curve, new double[][] {{1.5, 1, NA}, {3, 1, NA}, {NA, 1, NA}});
    }

    private static void assertQuartiles(SurvivalCurve curve, double[][] expected) {
        for (int i = 0; i < QUARTILES.length; i++) {
            assertThat(curve.quantile(QUARTILES[i]))
                    .as("quantile at p = %s", QUARTILES[i])
                    .isEqualTo(
                            new QuantileEstimate(expected[i][0], expected[i][1], expected[i][2]));
        }
    }
}
