package io.squeaky.metrics;

import io.squeaky.stats.CountingProcessRow;
import io.squeaky.stats.CoxCoefficient;
import io.squeaky.stats.CoxData;
import io.squeaky.stats.CoxFit;
import io.squeaky.stats.CoxModel;
import io.squeaky.stats.Ties;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The {@code effects} rows of one endpoint: hazard ratios of going public, of each customer post so
 * far and of the desk being open, from Cox models over {@code case_intervals} with the covariates
 * as time-varying as the intervals make them, so that no case is credited with the time it waited
 * before going public (immortal time). The study-level model is stratified by brand, every desk
 * having its own baseline hazard; each brand also gets its own model. Standard errors are robust,
 * clustered by customer, whose cases are not independent.
 */
public final class PressureHazardRatios {

    /** The {@code case_intervals} columns of the models, in their order in the formulas. */
    private static final List<String> NAMES = List.of("public", "persistence", "desk_open");

    private static final String RIGHT_SIDE = String.join(" + ", NAMES);
    private static final String SURV = "Surv(start_seconds, stop_seconds, event) ~ ";

    /**
     * The formulas as R's {@code coxph} takes them, {@code cluster()} included so that a refit
     * reports the same robust se; {@code ties} is R's default.
     */
    public static final String STUDY_MODEL =
            SURV + RIGHT_SIDE + " + strata(brand) + cluster(customer_id)";

    public static final String BRAND_MODEL = SURV + RIGHT_SIDE + " + cluster(customer_id)";
    static final String TIES = "efron";
    static final String VARIANCE = "robust, clustered by customer_id";

    private PressureHazardRatios() {}

    /** The study row per covariate, then each brand's, brands in name order. */
    public static List<EffectRow> of(Endpoint endpoint, List<CaseInterval> intervals) {
        for (CaseInterval interval : intervals) {
            if (interval.endpoint() != endpoint) {
                throw new IllegalArgumentException(
                        interval.caseId()
                                + " is a "
                                + interval.endpoint().label()
                                + " interval, not "
                                + endpoint.label());
            }
        }
        List<EffectRow> rows = new ArrayList<>(estimate("study", null, endpoint, intervals, true));
        Map<String, List<CaseInterval>> byBrand =
                intervals.stream()
                        .collect(
                                Collectors.groupingBy(
                                        CaseInterval::brand, TreeMap::new, Collectors.toList()));
        byBrand.forEach(
                (brand, ofBrand) ->
                        rows.addAll(estimate("brand", brand, endpoint, ofBrand, false)));
        return rows;
    }

    private static List<EffectRow> estimate(
            String scope,
            String brand,
            Endpoint endpoint,
            List<CaseInterval> intervals,
            boolean stratified) {
        Model model =
                new Model(
                        scope,
                        brand,
                        endpoint,
                        stratified ? STUDY_MODEL : BRAND_MODEL,
                        (int) intervals.stream().map(CaseInterval::caseId).distinct().count(),
                        (int) intervals.stream().filter(CaseInterval::event).count(),
                        intervals.size());
        if (model.events() == 0) {
            return model.withoutEstimates("no events: no model can be fitted");
        }
        CoxData.Builder data = CoxData.builder(NAMES);
        for (CaseInterval interval : intervals) {
            data.add(
                    new CountingProcessRow(
                            interval.startSeconds(),
                            interval.stopSeconds(),
                            interval.event(),
                            new double[] {
                                interval.isPublic() ? 1 : 0,
                                interval.persistence(),
                                interval.deskOpen() ? 1 : 0
                            },
                            stratified ? interval.brand() : "all",
                            interval.customerId()));
        }
        CoxFit fit = new CoxModel(Ties.EFRON).fit(data.build());
        if (!fit.converged()) {
            return model.withoutEstimates(fit.message());
        }
        return fit.coefficients().stream()
                .map(coefficient -> model.row(coefficient, noteFor(fit, coefficient)))
                .toList();
    }

    /** The fit's note that concerns this coefficient: why it or its interval is missing. */
    private static String noteFor(CoxFit fit, CoxCoefficient coefficient) {
        if (!coefficient.estimable()) {
            return fit.notes().stream()
                    .filter(note -> note.startsWith(coefficient.covariate() + " "))
                    .findFirst()
                    .orElseThrow();
        }
        if (Double.isNaN(coefficient.robustSe())) {
            return String.join("; ", fit.notes());
        }
        return null;
    }

    /** What every row of one fitted model shares. */
    private record Model(
            String scope,
            String brand,
            Endpoint endpoint,
            String formula,
            int cases,
            int events,
            int intervals) {

        EffectRow row(CoxCoefficient coefficient, String note) {
            return new EffectRow(
                    scope,
                    brand,
                    endpoint.label(),
                    coefficient.covariate(),
                    orNull(coefficient.coef()),
                    orNull(coefficient.expCoef()),
                    orNull(coefficient.lower95()),
                    orNull(coefficient.upper95()),
                    orNull(coefficient.robustSe()),
                    orNull(coefficient.p()),
                    cases,
                    events,
                    intervals,
                    TIES,
                    VARIANCE,
                    formula,
                    note);
        }

        List<EffectRow> withoutEstimates(String note) {
            return NAMES.stream()
                    .map(
                            name ->
                                    new EffectRow(
                                            scope,
                                            brand,
                                            endpoint.label(),
                                            name,
                                            null,
                                            null,
                                            null,
                                            null,
                                            null,
                                            null,
                                            cases,
                                            events,
                                            intervals,
                                            TIES,
                                            VARIANCE,
                                            formula,
                                            note))
                    .toList();
        }
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
