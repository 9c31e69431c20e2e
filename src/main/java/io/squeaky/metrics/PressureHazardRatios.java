package io.squeaky.metrics;

import io.squeaky.stats.CoxCoefficient;
import io.squeaky.stats.CoxData;
import io.squeaky.stats.CoxFit;
import io.squeaky.stats.CoxModel;
import io.squeaky.stats.Ties;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The {@code effects} rows of one endpoint: hazard ratios of going public, of each customer post so
 * far, of the desk being open and of reach, from Cox models over {@code case_intervals} with the
 * covariates as time-varying as the intervals make them, so that no case is credited with the time
 * it waited before going public (immortal time). The study-level model is stratified by brand,
 * every desk having its own baseline hazard; each brand also gets its own model. Standard errors
 * are robust, clustered by customer, whose cases are not independent. Each {@link EffectModel} is
 * fitted in turn, so one covariate has a row per model that holds it.
 */
public final class PressureHazardRatios {

    static final String TIES = "efron";
    static final String VARIANCE = "robust, clustered by customer_id";

    private PressureHazardRatios() {}

    /** Per model, the study row per covariate, then each brand's, brands in name order. */
    public static List<EffectRow> of(Endpoint endpoint, List<CaseInterval> intervals) {
        List<EffectRow> rows = new ArrayList<>();
        for (CompletableFuture<List<EffectRow>> model : fit(endpoint, intervals, Runnable::run)) {
            rows.addAll(joined(model));
        }
        return rows;
    }

    /**
     * The rows of {@link #of} as tasks on {@code fits}: numbering the intervals, then each model's
     * study fit and each of its brand fits, so that a window's largest fits do not leave a thread
     * idle behind them. The futures come in the order of {@link #of}'s rows, one per model.
     */
    static List<CompletableFuture<List<EffectRow>>> fit(
            Endpoint endpoint, List<CaseInterval> intervals, Executor fits) {
        return fit(endpoint, numbered(endpoint, intervals, fits), fits);
    }

    /** The intervals of one endpoint numbered, as a task that comes before any fit. */
    static CompletableFuture<NumberedIntervals> numbered(
            Endpoint endpoint, List<CaseInterval> intervals, Executor fits) {
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
        return CompletableFuture.supplyAsync(
                () -> NumberedIntervals.of(intervals),
                LargestFitsFirst.sized(fits, Long.MAX_VALUE));
    }

    /**
     * As {@link #fit(Endpoint, List, Executor)}, over intervals being numbered (see {@link
     * #numbered}). The tasks share only the numbered intervals, which none changes.
     */
    static List<CompletableFuture<List<EffectRow>>> fit(
            Endpoint endpoint, CompletableFuture<NumberedIntervals> numbered, Executor fits) {
        List<CompletableFuture<List<EffectRow>>> models = new ArrayList<>();
        for (EffectModel model : EffectModel.values()) {
            CompletableFuture<List<EffectRow>> study =
                    numbered.thenCompose(
                            n ->
                                    CompletableFuture.supplyAsync(
                                            () ->
                                                    estimate(
                                                            model, "study", null, endpoint, n,
                                                            n.all(), true),
                                            LargestFitsFirst.sized(fits, n.size())));
            CompletableFuture<List<EffectRow>> brands =
                    numbered.thenCompose(n -> brandFits(model, endpoint, n, fits));
            models.add(
                    study.thenCombine(
                            brands,
                            (studyRows, brandRows) -> {
                                List<EffectRow> rows = new ArrayList<>(studyRows);
                                rows.addAll(brandRows);
                                return rows;
                            }));
        }
        return models;
    }

    /** One model's fit per brand, each a task, their rows in brand name order. */
    private static CompletableFuture<List<EffectRow>> brandFits(
            EffectModel model, Endpoint endpoint, NumberedIntervals numbered, Executor fits) {
        List<CompletableFuture<List<EffectRow>>> brands = new ArrayList<>();
        numbered.byBrand()
                .forEach(
                        (brand, ofBrand) ->
                                brands.add(
                                        CompletableFuture.supplyAsync(
                                                () ->
                                                        estimate(
                                                                model, "brand", brand, endpoint,
                                                                numbered, ofBrand, false),
                                                LargestFitsFirst.sized(fits, ofBrand.length))));
        return CompletableFuture.allOf(brands.toArray(CompletableFuture[]::new))
                .thenApply(
                        done -> {
                            List<EffectRow> rows = new ArrayList<>();
                            brands.forEach(brand -> rows.addAll(brand.join()));
                            return rows;
                        });
    }

    /** A fit's rows, or what it threw, as the fit itself would have thrown it. */
    static List<EffectRow> joined(CompletableFuture<List<EffectRow>> fit) {
        try {
            return fit.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static List<EffectRow> estimate(
            EffectModel spec,
            String scope,
            String brand,
            Endpoint endpoint,
            NumberedIntervals numbered,
            int[] positions,
            boolean stratified) {
        CoxData.Builder data = CoxData.builder(spec.covariates(), positions.length);
        double[] values = new double[spec.covariates().size()];
        BitSet cases = new BitSet(numbered.caseCount());
        int events = 0;
        int used = 0;
        IntervalColumns rows = numbered.columns();
        for (int i : positions) {
            int stratum = stratified ? numbered.brandOf(i) : 0;
            if (spec.addTo(data, rows, i, stratum, numbered.customerOf(i), values)) {
                cases.set(numbered.caseOf(i));
                events += spec.event(rows, i) ? 1 : 0;
                used++;
            }
        }
        Model model =
                new Model(
                        spec,
                        scope,
                        brand,
                        endpoint,
                        spec.formula(stratified),
                        cases.cardinality(),
                        events,
                        used);
        if (events == 0) {
            return model.withoutEstimates(spec.withoutEvents());
        }
        // effects has no column for the concordance or the robust score test.
        CoxFit fit = new CoxModel(Ties.EFRON).fitCoefficients(data.build());
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
            EffectModel spec,
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
                    spec.clock().label(),
                    spec.specification(),
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
            return spec.covariates().stream()
                    .map(
                            name ->
                                    new EffectRow(
                                            scope,
                                            brand,
                                            endpoint.label(),
                                            spec.clock().label(),
                                            spec.specification(),
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
