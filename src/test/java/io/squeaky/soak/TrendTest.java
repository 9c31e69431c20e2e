package io.squeaky.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendTest {

    @Test
    void aSeriesThatWarmsUpThenHoldsIsFlat() {
        List<Trend.Sample> samples = new ArrayList<>();
        for (int i = 0; i <= 40; i++) {
            double value = i < 8 ? 100 * i : 800 + (i % 3) * 10;
            samples.add(new Trend.Sample(30 * i, value));
        }
        Trend trend = Trend.of("entries", samples);
        assertThat(trend.verdict()).isEqualTo("flat");
        assertThat(trend.firstHalfSlopePerMinute()).isPositive();
    }

    @Test
    void aSeriesThatKeepsClimbingIsGrowing() {
        List<Trend.Sample> samples = new ArrayList<>();
        for (int i = 0; i <= 40; i++) {
            samples.add(new Trend.Sample(30 * i, 1000 + 50 * i));
        }
        Trend trend = Trend.of("entries", samples);
        assertThat(trend.verdict()).isEqualTo("growing");
        assertThat(trend.secondHalfSlopePerMinute())
                .isCloseTo(100, org.assertj.core.data.Offset.offset(1e-6));
        assertThat(trend.json()).contains("\"verdict\":\"growing\"");
    }

    @Test
    void aSlowCreepWithinTheToleranceIsFlat() {
        List<Trend.Sample> samples = new ArrayList<>();
        for (int i = 0; i <= 40; i++) {
            samples.add(new Trend.Sample(30 * i, 10_000 + i));
        }
        assertThat(Trend.of("bytes", samples).verdict()).isEqualTo("flat");
    }

    @Test
    void noiseAroundALevelIsFlatWhateverTheHalvesSlopes() {
        List<Trend.Sample> samples = new ArrayList<>();
        for (int i = 0; i <= 40; i++) {
            // Down in the first half, up in the second, around the same level.
            samples.add(new Trend.Sample(30 * i, 425 + (i < 20 ? -i : i - 40) + (i % 2) * 30));
        }
        assertThat(Trend.of("entries", samples).verdict()).isEqualTo("flat");
    }

    @Test
    void tooFewSamplesAreRefused() {
        assertThatThrownBy(() -> Trend.of("x", List.of(new Trend.Sample(0, 1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
