package io.squeaky.metrics;

import io.squeaky.records.CaseIntervalRow;
import io.squeaky.records.HazardRatioRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
        return new Window(period, periodStart, models(sorted, fits)).rows(configHash);
    }

    /**
     * A batch run's rows: each statistics period's, then the whole input's ({@link #WHOLE_INPUT},
     * from the earliest period's start), exactly as {@link #fit} gives each of them. The rows are
     * sorted and numbered once, each period's being in order as a part of the whole, and every
     * model of every window is under way on {@code fits} before any is awaited.
     */
    public static List<HazardRatioRow> fitEachPeriodAndAll(
            String period, Collection<FitInterval> rows, String configHash, Executor fits) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<FitInterval> sorted = new ArrayList<>(rows);
        sorted.sort(FitInterval.ORDER);
        long earliest = Long.MAX_VALUE;
        for (FitInterval row : sorted) {
            earliest = Math.min(earliest, row.periodStart());
        }
        List<CompletableFuture<List<EffectRow>>> whole = new ArrayList<>();
        Map<Long, List<CompletableFuture<List<EffectRow>>>> periods = new TreeMap<>();
        for (Endpoint endpoint : Endpoint.values()) {
            List<CaseInterval> intervals = new ArrayList<>();
            List<Long> starts = new ArrayList<>();
            for (FitInterval row : sorted) {
                if (row.interval().endpoint() == endpoint) {
                    intervals.add(row.interval());
                    starts.add(row.periodStart());
                }
            }
            if (intervals.isEmpty()) {
                continue;
            }
            CompletableFuture<NumberedIntervals> numbered =
                    PressureHazardRatios.numbered(endpoint, intervals, fits);
            whole.addAll(PressureHazardRatios.fit(endpoint, numbered, fits));
            positionsByPeriod(starts)
                    .forEach(
                            (start, positions) ->
                                    periods.computeIfAbsent(start, key -> new ArrayList<>())
                                            .addAll(
                                                    PressureHazardRatios.fit(
                                                            endpoint,
                                                            numbered.thenApply(
                                                                    n -> n.at(positions)),
                                                            fits)));
        }
        List<Window> windows = new ArrayList<>();
        periods.forEach((start, models) -> windows.add(new Window(period, start, models)));
        windows.add(new Window(WHOLE_INPUT, earliest, whole));
        List<HazardRatioRow> out = new ArrayList<>();
        for (Window window : windows) {
            out.addAll(window.rows(configHash));
        }
        return out;
    }

    /** Each period's positions among rows whose period starts are {@code starts}, in order. */
    private static Map<Long, int[]> positionsByPeriod(List<Long> starts) {
        Map<Long, Integer> sizes = new TreeMap<>();
        for (Long start : starts) {
            sizes.merge(start, 1, Integer::sum);
        }
        Map<Long, int[]> positions = new TreeMap<>();
        sizes.forEach((start, size) -> positions.put(start, new int[size]));
        Map<Long, Integer> filled = new TreeMap<>();
        for (int i = 0; i < starts.size(); i++) {
            int at = filled.merge(starts.get(i), 1, Integer::sum) - 1;
            positions.get(starts.get(i))[at] = i;
        }
        return positions;
    }

    /** Each endpoint's models over rows already in {@link FitInterval#ORDER}, as tasks. */
    private static List<CompletableFuture<List<EffectRow>>> models(
            List<FitInterval> sorted, Executor fits) {
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
        return models;
    }

    /** One window's models under way, and what its rows are labelled with. */
    private record Window(
            String period, long periodStart, List<CompletableFuture<List<EffectRow>>> models) {

        List<HazardRatioRow> rows(String configHash) {
            List<HazardRatioRow> out = new ArrayList<>();
            for (CompletableFuture<List<EffectRow>> model : models) {
                for (EffectRow effect : PressureHazardRatios.joined(model)) {
                    out.add(row(period, periodStart, effect, configHash));
                }
            }
            return out;
        }
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
