package io.squeaky.metrics;

import io.squeaky.records.CaseIntervalRow;
import io.squeaky.records.HazardRatioRow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The {@code effects} rows of one set of {@code case_intervals} rows (one statistics period's, or a
 * batch run's whole input): for each endpoint, the hazard ratios of {@link PressureHazardRatios},
 * study-level and per brand, for each of its models and clocks. The rows are sorted by case,
 * endpoint and start before fitting, so that the sums of the fit run in the same order whatever
 * order the rows arrived in, and batch and streaming write the same bits.
 */
public final class EffectsTable {

    /** The {@code period} of rows over a batch run's whole input. */
    public static final String WHOLE_INPUT = "all";

    /**
     * A total order on what the fit reads. Case, endpoint and start alone are not enough: a ticket
     * whose customer fell quiet longer than the inactivity gap comes back as a second case with the
     * same {@code case_id}, and rows tied on the key would keep their arrival order. Rows equal in
     * every field compared here are interchangeable in the fit.
     */
    private static final Comparator<CaseIntervalRow> ORDER =
            Comparator.comparing(CaseIntervalRow::getCaseId)
                    .thenComparing(CaseIntervalRow::getEndpoint)
                    .thenComparingLong(CaseIntervalRow::getOpenedAt)
                    .thenComparingLong(CaseIntervalRow::getStartSeconds)
                    .thenComparingLong(CaseIntervalRow::getStopSeconds)
                    .thenComparing(CaseIntervalRow::getEvent)
                    .thenComparing(CaseIntervalRow::getPublic$)
                    .thenComparingInt(CaseIntervalRow::getPersistence)
                    .thenComparingInt(CaseIntervalRow::getAmplification)
                    .thenComparing(CaseIntervalRow::getDeskOpen)
                    .thenComparing(CaseIntervalRow::getBrand)
                    .thenComparing(CaseIntervalRow::getCustomerId);

    private EffectsTable() {}

    public static List<HazardRatioRow> of(
            String period, long periodStart, Collection<CaseIntervalRow> rows, String configHash) {
        List<CaseIntervalRow> sorted = new ArrayList<>(rows);
        sorted.sort(ORDER);
        List<HazardRatioRow> out = new ArrayList<>();
        for (Endpoint endpoint : Endpoint.values()) {
            List<CaseInterval> intervals =
                    sorted.stream()
                            .filter(row -> row.getEndpoint().equals(endpoint.label()))
                            .map(CaseIntervals::forModel)
                            .toList();
            if (intervals.isEmpty()) {
                continue;
            }
            for (EffectRow effect : PressureHazardRatios.of(endpoint, intervals)) {
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
