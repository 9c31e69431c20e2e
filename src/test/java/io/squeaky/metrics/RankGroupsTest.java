package io.squeaky.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.records.CaseFacts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankGroupsTest {

    @Test
    void groupsHaveEqualSizesToWithinOneAndTiesSplitByCaseId() {
        List<CaseFacts> cases = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            cases.add(
                    Facts.replied(String.format("c%02d", i), 60)
                            .setFollowersAtOpen(i < 5 ? 1L : (long) i)
                            .build());
        }
        cases.add(Facts.replied("unknown", 60).setFollowersAtOpen(null).build());

        List<List<CaseFacts>> deciles = RankGroups.of(cases, CaseFacts::getFollowersAtOpen, 10);

        assertThat(deciles).extracting(List::size).containsExactly(3, 2, 2, 3, 2, 2, 3, 2, 2, 2);
        assertThat(deciles.get(0))
                .extracting(CaseFacts::getCaseId)
                .containsExactly("c00", "c01", "c02");
        assertThat(deciles.get(1)).extracting(CaseFacts::getCaseId).containsExactly("c03", "c04");
        assertThat(deciles.get(9))
                .extracting(CaseFacts::getFollowersAtOpen)
                .containsExactly(21L, 22L);
        assertThat(deciles.stream().flatMap(List::stream))
                .extracting(CaseFacts::getCaseId)
                .doesNotContain("unknown");
    }
}
