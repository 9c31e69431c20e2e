package io.squeaky.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

/**
 * erfc, the normal quantile and the chi-square(1) tail against R 4.2.2: {@code 2 * pnorm(-x *
 * sqrt(2))}, {@code qnorm(p)} and {@code pchisq(x, 1, lower.tail = FALSE)}, printed to 17 digits.
 * Relative error below 1e-12 (percentages here are 1e-10 %), across all three of Cody's ranges and
 * deep into the tails.
 */
class ErrorFunctionTest {

    private static final double RELATIVE = 1e-10;

    @Test
    void complementaryErrorFunction() {
        double[][] r = {
            {-3, 1.9999779095030015e+00},
            {-0.5, 1.5204998778130465e+00},
            {0, 1},
            {0.1, 8.8753708398171516e-01},
            {0.46875, 5.0738652678206209e-01},
            {0.5, 4.7950012218695348e-01},
            {1, 1.5729920705028513e-01},
            {2, 4.6777349810472636e-03},
            {3.9, 3.4792248597231620e-08},
            {4.1, 6.7000276540848935e-09},
            {6, 2.1519736712498728e-17},
            {10, 2.0884875837625290e-45},
            {26, 5.6631924088549709e-296}
        };
        for (double[] row : r) {
            assertThat(ErrorFunction.erfc(row[0]))
                    .as("erfc(%s)", row[0])
                    .isCloseTo(row[1], withinPercentage(RELATIVE));
        }
        assertThat(ErrorFunction.erfc(27)).isZero();
        assertThat(ErrorFunction.erfc(-27)).isEqualTo(2);
    }

    @Test
    void normalQuantile() {
        double[][] r = {
            {1e-10, -6.3613409024040557},
            {0.025, -1.9599639845400538},
            {0.05, -1.6448536269514726},
            {0.9, 1.2815515655446008},
            {0.95, 1.6448536269514715},
            {0.975, 1.9599639845400536},
            {0.995, 2.5758293035488999},
            {1 - 1e-9, 5.9978070196016384}
        };
        for (double[] row : r) {
            assertThat(Normal.quantile(row[0]))
                    .as("qnorm(%s)", row[0])
                    .isCloseTo(row[1], withinPercentage(RELATIVE));
        }
        assertThat(Normal.quantile(0.5)).isCloseTo(0, within(1e-15));
    }

    @Test
    void chiSquareOneDegreeUpperTail() {
        double[][] r = {
            {0.5, 4.7950012218695348e-01},
            {3.841458820694124, 4.9999999999999975e-02},
            {16.7929409892165, 4.1688091093346094e-05},
            {40, 2.5396285894708649e-10},
            {100, 1.5239706048321054e-23}
        };
        for (double[] row : r) {
            assertThat(LogRank.chiSquareOneUpper(row[0]))
                    .as("pchisq(%s, 1, lower.tail = FALSE)", row[0])
                    .isCloseTo(row[1], withinPercentage(RELATIVE));
        }
    }
}
