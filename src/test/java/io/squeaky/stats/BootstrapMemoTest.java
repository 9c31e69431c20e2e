package io.squeaky.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BootstrapMemoTest {

    private static List<Observation> group(int n, double scale, boolean lastCensored) {
        List<Observation> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean censored = lastCensored && i == n - 1;
            out.add(new Observation(scale * (1 + i % 7), !censored, "c" + scale + "-" + i));
        }
        return out;
    }

    @Test
    void givesWhatTheBootstrapGivesAndRecomputesWhenAnObservationChanges() {
        BootstrapMemo memo = new BootstrapMemo(2);
        List<Observation> top = group(30, 2, false);
        List<Observation> bottom = group(40, 1, true);

        MedianRatioInterval first = memo.interval(top, bottom, 199, 7, 0.95);
        assertThat(first).isEqualTo(MedianRatioBootstrap.interval(top, bottom, 199, 7, 0.95));
        assertThat(memo.interval(new ArrayList<>(top), new ArrayList<>(bottom), 199, 7, 0.95))
                .isSameAs(first);

        // An open case censored an hour later: the same seed, other observations.
        List<Observation> later = new ArrayList<>(bottom);
        Observation open = later.remove(later.size() - 1);
        later.add(new Observation(open.time() + 3, false, open.cluster()));
        assertThat(memo.interval(top, later, 199, 7, 0.95))
                .isEqualTo(MedianRatioBootstrap.interval(top, later, 199, 7, 0.95))
                .isNotSameAs(first);
        assertThat(memo.interval(top, later, 199, 8, 0.95))
                .isEqualTo(MedianRatioBootstrap.interval(top, later, 199, 8, 0.95));
        assertThat(memo.interval(top, later, 99, 7, 0.95))
                .isEqualTo(MedianRatioBootstrap.interval(top, later, 99, 7, 0.95));
    }
}
