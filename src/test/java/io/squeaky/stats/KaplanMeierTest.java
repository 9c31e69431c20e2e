package io.squeaky.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The Kaplan-Meier curve and Greenwood errors of the Freireich data against R and the books. */
class KaplanMeierTest {

    private static final double R_DIGITS = 1e-14;

    @Test
    void sixMpMatchesThePublishedTableToItsPrecision() {
        SurvivalCurve curve = KaplanMeier.fit(Freireich.SIX_MP);

        // The 6-MP table as textbooks print it: time, S(t) to 3 places, Greenwood se to 4.
        double[][] published = {
            {6, 0.857, 0.0764},
            {7, 0.807, 0.0869},
            {10, 0.753, 0.0963},
            {13, 0.690, 0.1068},
            {16, 0.627, 0.1141},
            {22, 0.538, 0.1282},
            {23, 0.448, 0.1346}
        };
        List<Step> eventSteps = eventSteps(curve);
        assertThat(eventSteps).hasSize(published.length);
        for (int i = 0; i < published.length; i++) {
            Step step = eventSteps.get(i);
            assertThat(step.time()).isEqualTo(published[i][0]);
            assertThat(step.survival()).isCloseTo(published[i][1], within(0.0005));
            assertThat(step.greenwoodSe()).isCloseTo(published[i][2], within(0.00005));
        }
    }

    @Test
    void sixMpMatchesREveryDistinctTime() {
        // R: time, n.risk, n.event, n.censor, surv, surv * std.err (survival 3.5-3).
        double[][] r = {
            {6, 21, 3, 1, 0.857142857142857, 0.0763603548321213},
            {7, 17, 1, 0, 0.806722689075630, 0.0869352851800572},
            {9, 16, 0, 1, 0.806722689075630, 0.0869352851800572},
            {10, 15, 1, 1, 0.752941176470588, 0.0963496529943205},
            {11, 13, 0, 1, 0.752941176470588, 0.0963496529943205},
            {13, 12, 1, 0, 0.690196078431372, 0.1068147077750098},
            {16, 11, 1, 0, 0.627450980392157, 0.1140538652567525},
            {17, 10, 0, 1, 0.627450980392157, 0.1140538652567525},
            {19, 9, 0, 1, 0.627450980392157, 0.1140538652567525},
            {20, 8, 0, 1, 0.627450980392157, 0.1140538652567525},
            {22, 7, 1, 0, 0.537815126050420, 0.1282337516930340},
            {23, 6, 1, 0, 0.448179271708683, 0.1345914567557604},
            {25, 5, 0, 1, 0.448179271708683, 0.1345914567557604},
            {32, 4, 0, 2, 0.448179271708683, 0.1345914567557604},
            {34, 2, 0, 1, 0.448179271708683, 0.1345914567557604},
            {35, 1, 0, 1, 0.448179271708683, 0.1345914567557604}
        };
        assertMatchesR(KaplanMeier.fit(Freireich.SIX_MP), r);
    }

    @Test
    void placeboMatchesRDownToZero() {
        double[][] r = {
            {1, 21, 2, 0, 0.9047619047619048, 0.0640564484890047},
            {2, 19, 2, 0, 0.8095238095238095, 0.0856890867468988},
            {3, 17, 1, 0, 0.7619047619047619, 0.0929428640903365},
            {4, 16, 2, 0, 0.6666666666666666, 0.1028688999747279},
            {5, 14, 2, 0, 0.5714285714285714, 0.1079898494312078},
            {8, 12, 4, 0, 0.3809523809523809, 0.1059711695741308},
            {11, 8, 2, 0, 0.2857142857142857, 0.0985807941917649},
            {12, 6, 2, 0, 0.1904761904761905, 0.0856890867468988},
            {15, 4, 1, 0, 0.1428571428571428, 0.0763603548321213},
            {17, 3, 1, 0, 0.0952380952380952, 0.0640564484890047},
            {22, 2, 1, 0, 0.0476190476190476, 0.0464714320451682},
            {23, 1, 1, 0, 0, Double.NaN}
        };
        SurvivalCurve curve = KaplanMeier.fit(Freireich.PLACEBO);

        assertMatchesR(curve, r);
        // Cox and Oakes' placebo arm without censoring: S(10) = 8/21 = 0.381, se 0.106.
        assertThat(curve.survivalAt(10)).isCloseTo(0.381, within(0.0005));
        assertThat(curve.steps().get(5).greenwoodSe()).isCloseTo(0.106, within(0.0005));
    }

    @Test
    void survivalAtIsRightContinuousAndCarriesTheLastValueForward() {
        SurvivalCurve curve = KaplanMeier.fit(Freireich.SIX_MP);

        assertThat(curve.survivalAt(0)).isEqualTo(1);
        assertThat(curve.survivalAt(5.999)).isEqualTo(1);
        assertThat(curve.survivalAt(6)).isEqualTo(18 / 21.0);
        assertThat(curve.survivalAt(9.5)).isEqualTo(curve.survivalAt(7));
        assertThat(curve.survivalAt(100)).isEqualTo(curve.survivalAt(23));
    }

    @Test
    void rejectsNoDataAndImpossibleTimes() {
        assertThatThrownBy(() -> KaplanMeier.fit(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Observation(-1, true, "a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Observation(Double.NaN, true, "a"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Observation(Double.POSITIVE_INFINITY, false, "a"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Step> eventSteps(SurvivalCurve curve) {
        return curve.steps().stream().filter(step -> step.events() > 0).toList();
    }

    /** Rows of R's survfit: time, n.risk, n.event, n.censor, surv, surv * std.err. */
    static void assertMatchesR(SurvivalCurve curve, double[][] rows) {
        assertThat(curve.steps()).hasSize(rows.length);
        for (int i = 0; i < rows.length; i++) {
            Step step = curve.steps().get(i);
            double[] row = rows[i];
            assertThat(step.time()).as("time, row %d", i).isEqualTo(row[0]);
            assertThat(step.atRisk()).as("n.risk at %s", row[0]).isEqualTo((int) row[1]);
            assertThat(step.events()).as("n.event at %s", row[0]).isEqualTo((int) row[2]);
            assertThat(step.censored()).as("n.censor at %s", row[0]).isEqualTo((int) row[3]);
            assertThat(step.survival())
                    .as("surv at %s", row[0])
                    .isCloseTo(row[4], within(R_DIGITS));
            if (Double.isNaN(row[5])) {
                assertThat(step.greenwoodSe()).as("se at %s", row[0]).isNaN();
            } else {
                assertThat(step.greenwoodSe())
                        .as("se at %s", row[0])
                        .isCloseTo(row[5], within(R_DIGITS));
            }
        }
    }
}
