package io.squeaky.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The log-rank test against R's {@code survdiff} (survival 3.5-3). */
class LogRankTest {

    @Test
    void sixMpAgainstPlacebo() {
        // survdiff(Surv(time, cens) ~ treat, data = gehan): Chisq = 16.8 on 1 df, p = 4.169e-05;
        // $obs 9, $exp 19.250500948031128, $var 6.2569605736754994 for 6-MP;
        // pchisq($chisq, 1, lower.tail = FALSE) = 4.16880910933453e-05.
        LogRankResult result = LogRank.test(Freireich.SIX_MP, Freireich.PLACEBO);

        assertThat(result.observed()).isEqualTo(9);
        assertThat(result.expected()).isCloseTo(19.250500948031128, within(1e-12));
        assertThat(result.variance()).isCloseTo(6.2569605736754994, within(1e-12));
        assertThat(result.chiSquare()).isCloseTo(16.7929409892165, within(1e-12));
        assertThat(result.degreesOfFreedom()).isEqualTo(1);
        assertThat(result.pValue()).isCloseTo(4.16880910933453e-05, within(1e-18));
    }

    @Test
    void theStatisticIsTheSameFromEitherSide() {
        LogRankResult forward = LogRank.test(Freireich.SIX_MP, Freireich.PLACEBO);
        LogRankResult backward = LogRank.test(Freireich.PLACEBO, Freireich.SIX_MP);

        assertThat(backward.observed()).isEqualTo(21);
        assertThat(backward.chiSquare()).isCloseTo(forward.chiSquare(), within(1e-12));
        assertThat(backward.pValue()).isCloseTo(forward.pValue(), within(1e-18));
    }

    @Test
    void tiesWithinAndAcrossGroupsAndWithCensorings() {
        // survdiff on a = 1 2 2+ 3 5 5+ 8, b = 2 2 3 4+ 6 6 7+ 9: $obs 5, $exp 3.88095238095238,
        // $var 2.03211756497471, $chisq 0.61623775872029, p 0.432448803930561.
        LogRankResult result =
                LogRank.test(Samples.of("1 2 2+ 3 5 5+ 8"), Samples.of("2 2 3 4+ 6 6 7+ 9"));

        assertThat(result.observed()).isEqualTo(5);
        assertThat(result.expected()).isCloseTo(3.88095238095238, within(1e-13));
        assertThat(result.variance()).isCloseTo(2.03211756497471, within(1e-13));
        assertThat(result.chiSquare()).isCloseTo(0.61623775872029, within(1e-13));
        assertThat(result.pValue()).isCloseTo(0.432448803930561, within(1e-14));
    }

    @Test
    void oneGroupAllCensored() {
        // survdiff on 3+ 5+ 7+ against 2 4: $chisq 3.4711538461538463.
        LogRankResult result = LogRank.test(Samples.of("3+ 5+ 7+"), Samples.of("2 4"));

        assertThat(result.observed()).isZero();
        assertThat(result.chiSquare()).isCloseTo(3.4711538461538463, within(1e-14));
    }

    @Test
    void withoutAnyEventThereIsNoTest() {
        LogRankResult result = LogRank.test(Samples.of("3+ 5+"), Samples.of("4+"));

        assertThat(result.variance()).isZero();
        assertThat(result.chiSquare()).isNaN();
        assertThat(result.pValue()).isNaN();
    }
}
