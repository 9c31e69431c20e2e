package io.squeaky.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * Medians, other quantiles and their Brookmeyer-Crowley intervals on the Freireich data against R's
 * {@code quantile(survfit(...))}; NaN stands for R's NA. With log-log limits R prints the medians
 * as 6-MP 23 (13, NA) and placebo 8 (4, 11); with its default log limits, 23 (16, NA) and 8 (4,
 * 12).
 */
class QuantileTest {

    private static final double NA = Double.NaN;
    private static final ConfidenceBand LOG_95 = new ConfidenceBand(BandTransform.LOG, 0.95);
    private static final double[] PROBABILITIES = {0.1, 0.25, 0.5, 0.75};

    @Test
    void sixMpQuantilesWithLogLogLimits() {
        assertQuantiles(
                KaplanMeier.fit(Freireich.SIX_MP),
                ConfidenceBand.LOG_LOG_95,
                new double[][] {{6, 6, 10}, {13, 6, 22}, {23, 13, NA}, {NA, 23, NA}});
    }

    @Test
    void placeboQuantilesWithLogLogLimits() {
        assertQuantiles(
                KaplanMeier.fit(Freireich.PLACEBO),
                ConfidenceBand.LOG_LOG_95,
                new double[][] {{2, 1, 3}, {4, 1, 5}, {8, 4, 11}, {12, 8, 22}});
    }

    @Test
    void sixMpQuantilesWithRsDefaultLogLimits() {
        assertQuantiles(
                KaplanMeier.fit(Freireich.SIX_MP),
                LOG_95,
                new double[][] {{6, 6, 16}, {13, 6, NA}, {23, 16, NA}, {NA, 23, NA}});
    }

    @Test
    void placeboQuantilesWithRsDefaultLogLimits() {
        assertQuantiles(
                KaplanMeier.fit(Freireich.PLACEBO),
                LOG_95,
                new double[][] {{2, 1, 5}, {4, 2, 8}, {8, 4, 12}, {12, 8, NA}});
    }

    @Test
    void medianDefaultsToLogLog95() {
        QuantileEstimate median = KaplanMeier.fit(Freireich.PLACEBO).median();

        assertThat(median).isEqualTo(new QuantileEstimate(8, 4, 11));
    }

    @Test
    void pointwiseLimitsMatchR() {
        SurvivalCurve sixMp = KaplanMeier.fit(Freireich.SIX_MP);
        // R's f$lower and f$upper at the event times 6, 7, 10, 13, 16, 22, 23.
        double[][] logLog = {
            {0.619717955265984, 0.951551747646997},
            {0.563146564622233, 0.922809019202880},
            {0.503199510799957, 0.889361835169265},
            {0.431610222486184, 0.849065963349451},
            {0.367510855987502, 0.804912189471841},
            {0.267778936767135, 0.746790717635394},
            {0.188052005959232, 0.680142628495241}
        };
        double[][] log = {
            {0.719817083916270, 1.000000000000000},
            {0.653124218462171, 0.996443675908659},
            {0.585918982029694, 0.967574754552297},
            {0.509613099101780, 0.934769195536130},
            {0.439393924968767, 0.895994938535082},
            {0.337036616157685, 0.858200848044665},
            {0.248788226817660, 0.807372045529077}
        };
        int row = 0;
        for (Step step : sixMp.steps()) {
            if (step.events() == 0) {
                continue;
            }
            assertLimits(ConfidenceBand.LOG_LOG_95, step, logLog[row]);
            assertLimits(LOG_95, step, log[row]);
            row++;
        }
    }

    @Test
    void limitsAreUndefinedWhereTheTransformIs() {
        Step last = KaplanMeier.fit(Freireich.PLACEBO).steps().get(11);

        assertThat(last.survival()).isZero();
        assertThat(ConfidenceBand.LOG_LOG_95.lower(last)).isNaN();
        assertThat(LOG_95.upper(last)).isNaN();
    }

    @Test
    void rejectsProbabilitiesOutsideTheOpenUnitInterval() {
        SurvivalCurve curve = KaplanMeier.fit(Freireich.PLACEBO);

        assertThatThrownBy(() -> curve.quantile(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> curve.quantile(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConfidenceBand(BandTransform.LOG, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertLimits(ConfidenceBand band, Step step, double[] expected) {
        assertThat(band.lower(step))
                .as("%s lower at %s", band.transform(), step.time())
                .isCloseTo(expected[0], within(1e-14));
        assertThat(band.upper(step))
                .as("%s upper at %s", band.transform(), step.time())
                .isCloseTo(expected[1], within(1e-14));
    }

    /** One row per probability of {@link #PROBABILITIES}: quantile, lower, upper. */
    static void assertQuantiles(SurvivalCurve curve, ConfidenceBand band, double[][] expected) {
        for (int i = 0; i < PROBABILITIES.length; i++) {
            assertThat(curve.quantile(PROBABILITIES[i], band))
                    .as("%s quantile at p = %s", band.transform(), PROBABILITIES[i])
                    .isEqualTo(
                            new QuantileEstimate(expected[i][0], expected[i][1], expected[i][2]));
        }
    }
}
