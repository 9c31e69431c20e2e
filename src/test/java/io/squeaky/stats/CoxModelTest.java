package io.squeaky.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Cox estimator against R's {@code coxph} (survival 3.5-3) on every model of {@code
 * cox-reference/models.csv}: Stanford heart transplant, CGD, the veterans' trial with late entry,
 * NCCTG lung (right-censored, which R fits by its separate {@code coxfit6} path) and a small data
 * set of edge cases; Efron and Breslow ties, with and without strata and clusters. Everything to
 * 1e-6 relative (the agreement found is about 1e-13). The two degenerate models (a single cluster,
 * complete separation) have their own tests in {@link CoxEdgeCasesTest}.
 */
class CoxModelTest {

    static final double RELATIVE = 1e-6;

    static Stream<CoxReference.Model> regularModels() {
        return CoxReference.models().stream()
                .filter(model -> !model.name().equals("heart_single_cluster"))
                .filter(model -> !model.name().equals("separation_efron"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regularModels")
    void coefficientsAndStandardErrorsAsR(CoxReference.Model model) {
        CoxFit fit = CoxReference.fit(model);

        List<CoxReference.Coefficient> expected = CoxReference.coefficients(model);
        assertThat(fit.coefficients()).hasSameSizeAs(expected);
        for (CoxReference.Coefficient r : expected) {
            CoxCoefficient java = fit.coefficient(r.covariate());
            assertThat(java.estimable()).as(r.covariate()).isEqualTo(!Double.isNaN(r.coef()));
            if (!java.estimable()) {
                continue;
            }
            assertRelative(java.coef(), r.coef(), r.covariate() + " coef");
            assertRelative(java.expCoef(), Math.exp(r.coef()), r.covariate() + " exp(coef)");
            assertRelative(java.se(), r.se(), r.covariate() + " se(coef)");
            if (Double.isNaN(r.robustSe())) {
                assertThat(java.robustSe()).isNaN();
            } else {
                assertRelative(java.robustSe(), r.robustSe(), r.covariate() + " robust se");
            }
            assertRelative(java.z(), r.z(), r.covariate() + " z");
            assertRelative(java.p(), r.p(), r.covariate() + " Pr(>|z|)");
            assertRelative(java.lower95(), r.lower95(), r.covariate() + " lower .95");
            assertRelative(java.upper95(), r.upper95(), r.covariate() + " upper .95");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regularModels")
    void likelihoodsAndGlobalTestsAsR(CoxReference.Model model) {
        CoxFit fit = CoxReference.fit(model);

        assertThat(fit.n()).isEqualTo((int) model.number("n"));
        assertThat(fit.events()).isEqualTo((int) model.number("events"));
        assertThat(fit.iterations()).isEqualTo((int) model.number("iter"));
        assertRelative(fit.initialLoglik(), model.number("loglik0"), "loglik at beta = 0");
        assertRelative(fit.loglik(), model.number("loglik"), "loglik at beta-hat");
        assertRelative(fit.likelihoodRatio().statistic(), model.number("lr"), "likelihood ratio");
        assertRelative(fit.wald().statistic(), model.number("wald"), "Wald");
        assertRelative(fit.score().statistic(), model.number("score"), "score (log-rank)");
        if (model.text("cluster").isEmpty()) {
            assertThat(fit.robustScore()).isNull();
        } else {
            assertRelative(fit.robustScore().statistic(), model.number("rscore"), "robust score");
        }
        int df = (int) model.number("df");
        assertThat(fit.likelihoodRatio().df()).isEqualTo(df);
        assertThat(fit.wald().df()).isEqualTo(df);
        assertRelative(fit.likelihoodRatio().pValue(), model.number("lr_p"), "LR p");
        assertRelative(fit.wald().pValue(), model.number("wald_p"), "Wald p");
        assertRelative(fit.score().pValue(), model.number("score_p"), "score p");
        if (!model.text("cluster").isEmpty()) {
            assertRelative(fit.robustScore().pValue(), model.number("rscore_p"), "robust score p");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regularModels")
    void concordanceAsR(CoxReference.Model model) {
        Concordance concordance = CoxReference.fit(model).concordance();

        assertThat(concordance.concordant()).isEqualTo((long) model.number("concordant"));
        assertThat(concordance.discordant()).isEqualTo((long) model.number("discordant"));
        assertThat(concordance.tiedX()).isEqualTo((long) model.number("tied_x"));
        assertThat(concordance.tiedY()).isEqualTo((long) model.number("tied_y"));
        assertThat(concordance.tiedXY()).isEqualTo((long) model.number("tied_xy"));
        assertRelative(concordance.concordance(), model.number("concordance"), "concordance");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("regularModels")
    void convergedWhereRConvergedWithoutWarning(CoxReference.Model model) {
        CoxFit fit = CoxReference.fit(model);

        assertThat(model.text("warning")).isEmpty();
        if (model.number("iter") < model.maxIterations()) {
            assertThat(fit.status()).isEqualTo(CoxStatus.CONVERGED);
            assertThat(fit.message()).isEmpty();
        } else {
            assertThat(fit.status()).isEqualTo(CoxStatus.NOT_CONVERGED);
        }
    }

    /** Every reference model, the degenerate ones too: the fit without its tests, bit for bit. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("allModels")
    void fittingTheCoefficientsOnlyLeavesThemAndTheNotesUnchanged(CoxReference.Model model) {
        CoxModel cox = new CoxModel(model.ties(), model.maxIterations());
        CoxFit full = cox.fit(CoxReference.data(model));
        CoxFit coefficients = cox.fitCoefficients(CoxReference.data(model));

        assertThat(coefficients.coefficients()).isEqualTo(full.coefficients());
        assertThat(coefficients.status()).isEqualTo(full.status());
        assertThat(coefficients.message()).isEqualTo(full.message());
        assertThat(coefficients.notes()).isEqualTo(full.notes());
        assertThat(coefficients.loglik()).isEqualTo(full.loglik());
        assertThat(coefficients.wald()).isEqualTo(full.wald());
        assertThat(coefficients.concordance()).isNull();
        assertThat(coefficients.robustScore()).isNull();
    }

    static Stream<CoxReference.Model> allModels() {
        return CoxReference.models().stream();
    }

    static void assertRelative(double actual, double expected, String what) {
        assertThat(actual).as(what).isCloseTo(expected, within(RELATIVE * Math.abs(expected)));
    }
}
