package io.squeaky.stats;

import static io.squeaky.stats.CoxModelTest.assertRelative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Cox estimator where data make it awkward. Values come from R (cox-reference/models.csv)
 * unless a comment derives them by hand.
 */
class CoxEdgeCasesTest {

    @Test
    void aStratumWithoutEventsContributesNothing() {
        // edge.csv: stratum g = 2 has six subjects and no event. R fitted all 18 rows; fitting
        // only stratum 1 must give R's numbers, robust se included (the clusters do not cross).
        CoxReference.Model model = CoxReference.model("edge_strata_efron");
        List<CountingProcessRow> withEvents =
                CoxReference.rows(model).stream().filter(row -> row.stratum().equals("1")).toList();
        CoxFit all = CoxReference.fit(model);
        CoxFit firstStratum =
                new CoxModel(Ties.EFRON).fit(CoxData.of(model.covariates(), withEvents));

        assertThat(all.n()).isEqualTo(18);
        assertThat(firstStratum.n()).isEqualTo(12);
        for (CoxFit fit : List.of(all, firstStratum)) {
            assertThat(fit.status()).isEqualTo(CoxStatus.CONVERGED);
            assertRelative(fit.loglik(), model.number("loglik"), "loglik");
            for (CoxReference.Coefficient r : CoxReference.coefficients(model)) {
                if (!Double.isNaN(r.coef())) {
                    assertRelative(fit.coefficient(r.covariate()).coef(), r.coef(), "coef");
                    assertRelative(
                            fit.coefficient(r.covariate()).robustSe(), r.robustSe(), "robust se");
                }
            }
        }
    }

    @Test
    void aCovariateConstantWithinEveryStratumIsReportedNotEstimable() {
        // R gives g_const NA (coef, se, z) and fits x and z as if it were absent, with 2 df.
        CoxFit fit = CoxReference.fit(CoxReference.model("edge_strata_breslow"));

        CoxCoefficient constant = fit.coefficient("g_const");
        assertThat(constant.estimable()).isFalse();
        assertThat(constant.coef()).isNaN();
        assertThat(constant.se()).isNaN();
        assertThat(constant.upper95()).isNaN();
        assertThat(fit.coefficient("x").estimable()).isTrue();
        assertThat(fit.likelihoodRatio().df()).isEqualTo(2);
        assertThat(fit.notes())
                .containsExactly(
                        "g_const is constant within every stratum: not estimable, left out of the"
                                + " model");
        assertThat(fit.status()).isEqualTo(CoxStatus.CONVERGED);
    }

    @Test
    void aCollinearCovariateIsReportedNotEstimable() {
        // heart.csv's age_plus_year is age + year: R's Cholesky finds it redundant, gives it NA
        // and fits the other three (the regular comparison checks their numbers).
        CoxFit fit = CoxReference.fit(CoxReference.model("heart_collinear"));

        assertThat(fit.coefficient("age_plus_year").estimable()).isFalse();
        assertThat(fit.notes())
                .containsExactly(
                        "age_plus_year is collinear with the other covariates: not estimable,"
                                + " left out of the model");
        assertThat(fit.wald().df()).isEqualTo(3);
    }

    @Test
    void efronAndBreslowDifferOnTiedTimesAsInR() {
        // The veterans' trial has 31 death times shared by two or more patients.
        CoxFit efron = CoxReference.fit(CoxReference.model("veteran_late_strata_efron"));
        CoxFit breslow = CoxReference.fit(CoxReference.model("veteran_late_strata_breslow"));
        List<CoxReference.Coefficient> rEfron =
                CoxReference.coefficients(CoxReference.model("veteran_late_strata_efron"));
        List<CoxReference.Coefficient> rBreslow =
                CoxReference.coefficients(CoxReference.model("veteran_late_strata_breslow"));

        for (int j = 0; j < rEfron.size(); j++) {
            double rDifference = rEfron.get(j).coef() - rBreslow.get(j).coef();
            double javaDifference =
                    efron.coefficients().get(j).coef() - breslow.coefficients().get(j).coef();
            // The two methods differ by far more than the 1e-6 agreement with R.
            assertThat(Math.abs(rDifference)).isGreaterThan(1e-3 * Math.abs(rEfron.get(j).coef()));
            assertThat(javaDifference)
                    .isCloseTo(rDifference, within(4e-6 * Math.abs(rEfron.get(j).coef())));
        }
        double rLoglikGap =
                CoxReference.model("veteran_late_strata_efron").number("loglik")
                        - CoxReference.model("veteran_late_strata_breslow").number("loglik");
        assertThat(efron.loglik() - breslow.loglik()).isCloseTo(rLoglikGap, within(1e-6));
        assertThat(rLoglikGap).isGreaterThan(0.5);
    }

    @Test
    void withoutTiesEfronIsBreslow() {
        // One event at each time: R's agfit4 uses the same formula for both. By hand, with x = 1
        // dying at 1 and x = 0 at 2 while x = 0.5 is followed to 3, loglik(b) = b - log(e^b +
        // 1 + e^(b/2)) - log(1 + e^(b/2)), so loglik(0) = -log 3 - log 2 for both methods.
        List<CountingProcessRow> rows =
                List.of(
                        new CountingProcessRow(0, 1, true, new double[] {1}, "all", null),
                        new CountingProcessRow(0, 2, true, new double[] {0}, "all", null),
                        new CountingProcessRow(0, 3, false, new double[] {0.5}, "all", null));
        CoxData data = CoxData.of(List.of("x"), rows);
        CoxFit efron = new CoxModel(Ties.EFRON).fit(data);
        CoxFit breslow = new CoxModel(Ties.BRESLOW).fit(data);

        assertThat(efron.initialLoglik()).isCloseTo(-Math.log(3) - Math.log(2), within(1e-15));
        assertThat(breslow.initialLoglik()).isEqualTo(efron.initialLoglik());
        assertThat(breslow.coefficient("x").coef()).isEqualTo(efron.coefficient("x").coef());
    }

    @Test
    void anIntervalStartingAtAnEventTimeIsNotAtRiskThen() {
        // By hand: A (0, 2] dies, B enters at 2 and dies at 5, C is followed over (0, 5]. At
        // t = 2 the risk set is {A, C}: B's interval (2, 5] does not contain 2. At t = 5 it is
        // {B, C}. So loglik(0) = -log 2 - log 2; counting B at 2 would give -log 3 - log 2.
        List<CountingProcessRow> rows =
                List.of(
                        new CountingProcessRow(0, 2, true, new double[] {1}, "all", "a"),
                        new CountingProcessRow(2, 5, true, new double[] {0}, "all", "b"),
                        new CountingProcessRow(0, 5, false, new double[] {0}, "all", "c"));
        CoxFit fit = new CoxModel(Ties.EFRON).fit(CoxData.of(List.of("x"), rows));

        assertThat(fit.initialLoglik()).isCloseTo(-2 * Math.log(2), within(1e-15));
    }

    @Test
    void delayedEntryAtOtherSubjectsEventTimesAsInR() {
        // veteran_late.csv: a third of the patients enter late, on whole days, five of them on
        // a day when another patient of their cell type died. The regular comparison checks
        // every number against R; here the data are checked to hold that case.
        CoxReference.Model model = CoxReference.model("veteran_late_strata_efron");
        List<CountingProcessRow> rows = CoxReference.rows(model);
        long entriesAtDeaths =
                rows.stream()
                        .filter(row -> row.start() > 0)
                        .filter(
                                row ->
                                        rows.stream()
                                                .anyMatch(
                                                        other ->
                                                                other.event()
                                                                        && other.stratum()
                                                                                .equals(
                                                                                        row
                                                                                                .stratum())
                                                                        && other.stop()
                                                                                == row.start()))
                        .count();
        CoxFit fit = CoxReference.fit(model);

        assertThat(entriesAtDeaths).isEqualTo(5);
        assertRelative(fit.loglik(), model.number("loglik"), "loglik");
        assertRelative(fit.initialLoglik(), model.number("loglik0"), "loglik at 0");
    }

    @Test
    void aSingleClusterHasNoRobustVariance() {
        // With one cluster the robust variance is D'D for the single row D = U(b-hat) V, and the
        // score U is zero at the estimate: R reports rounding (robust se 8e-15, Wald 2.5e26,
        // robust score exactly 1 whatever the data, since S'S = U U'). Java reports no robust
        // se, Wald or robust score test, and says why; the naive se is R's.
        CoxReference.Model model = CoxReference.model("heart_single_cluster");
        CoxReference.Coefficient r = CoxReference.coefficients(model).get(0);
        CoxFit fit = CoxReference.fit(model);
        CoxCoefficient transplant = fit.coefficient("transplant");

        assertThat(r.robustSe()).isLessThan(1e-12 * r.se());
        assertThat(model.number("rscore")).isEqualTo(1);
        assertRelative(transplant.coef(), r.coef(), "coef");
        assertRelative(transplant.se(), r.se(), "se(coef)");
        assertThat(transplant.robustSe()).isNaN();
        assertThat(transplant.z()).isNaN();
        assertThat(transplant.lower95()).isNaN();
        assertThat(fit.wald().statistic()).isNaN();
        assertThat(fit.robustScore()).isNull();
        assertThat(fit.clusters()).isEqualTo(1);
        assertThat(fit.notes()).singleElement().asString().startsWith("a single cluster");
        assertRelative(fit.likelihoodRatio().statistic(), model.number("lr"), "likelihood ratio");
    }

    @Test
    void separationIsReportedAsAnInfiniteCoefficient() {
        // separation.csv: all four subjects with x = 1 die before anyone with x = 0. R warns
        // "Loglik converged before variable 1 ; beta may be infinite" after 19 iterations.
        CoxReference.Model model = CoxReference.model("separation_efron");
        CoxFit fit = CoxReference.fit(model);

        assertThat(model.text("warning")).contains("Loglik converged before variable  1 ");
        assertThat(fit.status()).isEqualTo(CoxStatus.INFINITE_COEFFICIENT);
        assertThat(fit.converged()).isFalse();
        assertThat(fit.message())
                .isEqualTo(
                        "the log-likelihood converged before x: the coefficient may be infinite"
                                + " (separation)");
        assertThat(fit.iterations()).isEqualTo((int) model.number("iter"));
        assertRelative(fit.loglik(), model.number("loglik"), "loglik");
        assertThat(fit.coefficient("x").coef()).isGreaterThan(15);
    }

    @Test
    void runningOutOfIterationsIsReported() {
        // R with iter.max = 1 stops after one Newton step (no warning: agreg.fit warns only
        // for iter.max > 1); the regular comparison checks that step's numbers against R.
        CoxFit fit = CoxReference.fit(CoxReference.model("heart_one_iteration"));

        assertThat(fit.status()).isEqualTo(CoxStatus.NOT_CONVERGED);
        assertThat(fit.message()).isEqualTo("ran out of iterations (1) and did not converge");
    }

    @Test
    void noEventsAtAllIsAnError() {
        CoxData data =
                CoxData.of(
                        List.of("x"),
                        List.of(new CountingProcessRow(0, 1, false, new double[] {1}, "s", null)));

        assertThatThrownBy(() -> new CoxModel(Ties.EFRON).fit(data))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a Cox model cannot be fitted with no events");
    }

    @Test
    void anEmptyIntervalIsRejected() {
        assertThatThrownBy(() -> new CountingProcessRow(3, 3, true, new double[] {1}, "s", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("start < stop");
    }
}
