package io.squeaky.metrics;

import io.squeaky.records.CaseIntervalRow;
import io.squeaky.records.HazardRatioRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The {@code effects} rows of one set of {@code case_intervals} rows (one statistics period's, or a
 * batch run's whole input): for each endpoint, the hazard ratios of {@link PressureHazardRatios},
 * study-level and per brand, for each of its models and clocks. The rows are sorted in {@link
 * FitInterval#ORDER} before fitting, so that the sums of the fit run in the same order whatever
 * order the rows arrived in, and batch and streaming write the same bits.
 */
public final class EffectsTable {

    /** The {@code period} of rows over a batch run's whole input. */
    public static final String WHOLE_INPUT = "all";

    private EffectsTable() {}

    public static List<HazardRatioRow> of(
            String period, long periodStart, Collection<CaseIntervalRow> rows, String configHash) {
        return fit(period, periodStart, rows.stream().map(FitInterval::of).toList(), configHash);
    }

    /** As {@link #of}, from the rows as the fits read them. */
    public static List<HazardRatioRow> fit(
            String period, long periodStart, Collection<FitInterval> rows, String configHash) {
        return fit(period, periodStart, rows, configHash, Runnable::run);
    }

    /**
     * As {@link #fit(String, long, Collection, String)}, each endpoint's models fitted as tasks on
     * {@code fits} (see {@link PressureHazardRatios#fit}): they share nothing but the sorted rows,
     * so a run with a core to spare can fit them side by side. The rows come out in the same order,
     * whatever the executor.
     */
    public static List<HazardRatioRow> fit(
            String period,
            long periodStart,
            Collection<FitInterval> rows,
            String configHash,
            Executor fits) {
        List<FitInterval> sorted = new ArrayList<>(rows);
        sorted.sort(FitInterval.ORDER);
        List<CompletableFuture<List<EffectRow>>> models = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            List<CaseInterval> intervals = new ArrayList<>();
            for (FitInterval row : sorted) {
                if (row.interval().endpoint() == endpoint) {
                    intervals.add(row.interval());
                }
            }
            if (!intervals.isEmpty()) {
                models.addAll(PressureHazardRatios.fit(endpoint, intervals, fits));
            }
        }
        List<HazardRatioRow> out = new ArrayList<>();
        for (CompletableFuture<List<EffectRow>> model : models) {
            for (EffectRow effect : PressureHazardRatios.joined(model)) {
                out.add(row(period, periodStart, effect, configHash));
            }
        }
        return out;
    }

    private static HazardRatioRow row(
            String period, long periodStart, EffectRow effect, String configHash) {
        return HazardRatioRow.newBuilder()
                .setPeriod(period)
                .setPeriodStart(periodStart)
                .setScope(effect.scope())
                .setBrand(effect.brand())
                .setEndpoint(effect.endpoint())
                .setClock(effect.clock())
                .setSpecification(effect.specification())
                .setCovariate(effect.covariate())
                .setCoef(effect.coef())
                .setHazardRatio(effect.hazardRatio())
                .setLower95(effect.lower95())
                .setUpper95(effect.upper95())
                .setRobustSe(effect.robustSe())
                .setPValue(effect.pValue())
                .setCases(effect.cases())
                .setEvents(effect.events())
                .setIntervals(effect.intervals())
                .setTies(effect.ties())
                .setVariance(effect.variance())
                .setModel(effect.model())
                .setNote(effect.note())
                .setConfigHash(configHash)
                .build();
    }
}
