package io.squeaky.metrics;

import io.squeaky.records.CaseFacts;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * The cases a brand opened in one period, in case-id order: whatever order they arrived in, every
 * sum and every resampling then runs the same way, so batch and streaming write the same bits.
 */
record PeriodCases(String brand, long periodStart, List<CaseFacts> cases) {

    static PeriodCases of(String brand, long periodStart, Collection<CaseFacts> cases) {
        List<CaseFacts> sorted = new ArrayList<>(cases);
        sorted.sort(Comparator.comparing(CaseFacts::getCaseId));
        return new PeriodCases(brand, periodStart, List.copyOf(sorted));
    }
}
