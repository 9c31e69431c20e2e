package io.squeaky.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;

class TrendTest {

    /** Twenty minutes sampled every 30 s. */
    private static List<Trend.Sample> twentyMinutes(IntToDoubleFunction value) {
        List<Trend.Sample> samples = new ArrayList<>();
        for (int i = 0; i <= 40; i++) {
            samples.add(new Trend.Sample(30 * i, value.applyAsDouble(i)));
        }
        return samples;
    }

    @Test
    void aSeriesThatWarmsUpThenHoldsIsFlat() {
        Trend trend = Trend.of("entries", twentyMinutes(i -> i < 8 ? 100 * i : 800 + (i % 3) * 10));
        assertThat(trend.verdict()).isEqualTo("flat");
        assertThat(trend.risePerTenMinutes()).isPositive();
    }

    @Test
    void aSeriesThatKeepsClimbingIsGrowing() {
        Trend trend = Trend.of("entries", twentyMinutes(i -> 1000 + 50 * i));
        assertThat(trend.verdict()).isEqualTo("growing");
        // 50 a sample, two samples a minute: 1,000 per ten minutes, fitted exactly.
        assertThat(trend.secondHalfSlopePerTenMinutes()).isCloseTo(1000, offset(1e-6));
        assertThat(trend.slopeStandardError()).isCloseTo(0, offset(1e-6));
        assertThat(trend.json()).contains("\"verdict\":\"growing\"");
    }

    @Test
    void aLeakJustAboveTheBoundAfterAWarmUpIsGrowing() {
        // Level at 200 MB after two minutes, then 8% of it per ten minutes, with noise.
        Trend trend =
                Trend.of(
                        "live heap",
                        twentyMinutes(i -> i < 4 ? 50 * i : 200 + 0.8 * (i - 4) + (i % 2) * 3));
        assertThat(trend.verdict()).isEqualTo("growing");
        assertThat(trend.secondHalfSlopePerTenMinutes()).isGreaterThan(trend.boundPerTenMinutes());
    }

    @Test
    void aSlowCreepWithinTheBoundIsFlat() {
        Trend trend = Trend.of("bytes", twentyMinutes(i -> 10_000 + i));
        assertThat(trend.verdict()).isEqualTo("flat");
        assertThat(trend.secondHalfSlopePerTenMinutes()).isCloseTo(20, offset(1e-6));
        assertThat(trend.boundPerTenMinutes()).isGreaterThan(500);
    }

    @Test
    void noiseThatTiltsTheSecondHalfAroundALevelIsFlat() {
        // Down in the first half, up in the second, around the same level.
        Trend trend =
                Trend.of(
                        "entries",
                        twentyMinutes(i -> 425 + (i < 20 ? -2 * i : 2 * i - 80) + (i % 2) * 30));
        assertThat(trend.secondHalfSlopePerTenMinutes()).isGreaterThan(trend.boundPerTenMinutes());
        assertThat(trend.verdict()).isEqualTo("flat");
    }

    @Test
    void tooFewSamplesAreRefused() {
        assertThatThrownBy(() -> Trend.of("x", List.of(new Trend.Sample(0, 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
