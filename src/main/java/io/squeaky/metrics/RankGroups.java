package io.squeaky.metrics;

import io.squeaky.records.CaseFacts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * Quantile groups (quintiles, deciles) of cases by a count such as followers, within one brand and
 * period. Cases are ranked by the count and then by case id, and the case of rank r (from 0) of n
 * goes to group {@code floor(r * groups / n)}: equal sizes to within one, and ties at a boundary
 * split by case id, a keyed hash, so effectively at random but the same in every run. Cases without
 * the count are left out.
 */
final class RankGroups {

    private RankGroups() {}

    /** The groups, lowest counts first; a group may be empty when there are fewer cases. */
    static List<List<CaseFacts>> of(
            List<CaseFacts> cases, Function<CaseFacts, Long> count, int groups) {
        List<CaseFacts> known = new ArrayList<>();
        for (CaseFacts facts : cases) {
            if (count.apply(facts) != null) {
                known.add(facts);
            }
        }
        known.sort(
                Comparator.comparing((CaseFacts facts) -> count.apply(facts))
                        .thenComparing(CaseFacts::getCaseId));
        List<List<CaseFacts>> result = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            result.add(new ArrayList<>());
        }
        for (int rank = 0; rank < known.size(); rank++) {
            result.get((int) ((long) rank * groups / known.size())).add(known.get(rank));
        }
        return result;
    }
}
