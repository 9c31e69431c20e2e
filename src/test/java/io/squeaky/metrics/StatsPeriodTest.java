package io.squeaky.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class StatsPeriodTest {

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void periodsStartOnTheUtcHourDayAndMonday() {
        long wednesday = at("2017-11-01T13:45:10Z");

        assertThat(StatsPeriod.HOUR.startOf(wednesday)).isEqualTo(at("2017-11-01T13:00:00Z"));
        assertThat(StatsPeriod.DAY.startOf(wednesday)).isEqualTo(at("2017-11-01T00:00:00Z"));
        assertThat(StatsPeriod.WEEK.startOf(wednesday)).isEqualTo(at("2017-10-30T00:00:00Z"));
        assertThat(StatsPeriod.WEEK.startOf(at("2017-10-30T00:00:00Z")))
                .isEqualTo(at("2017-10-30T00:00:00Z"));
        assertThat(StatsPeriod.WEEK.startOf(at("2017-10-29T23:59:59.999Z")))
                .isEqualTo(at("2017-10-23T00:00:00Z"));
        assertThat(StatsPeriod.WEEK.endOf(at("2017-10-30T00:00:00Z")))
                .isEqualTo(at("2017-11-06T00:00:00Z"));
        assertThat(StatsPeriod.DAY.startOf(at("1969-12-31T23:00:00Z")))
                .isEqualTo(at("1969-12-31T00:00:00Z"));
    }

    @Test
    void aWindowFiresAtItsLastInstantPlusTheSettleTime() {
        StatisticsSettings settings =
                StatisticsSettings.of(StatsPeriod.DAY, 99, 1, 10, 3_600_000L, "rules");

        assertThat(settings.firesAt(at("2017-11-01T00:00:00Z")))
                .isEqualTo(at("2017-11-02T00:59:59.999Z"));
    }

    @Test
    void theConfigurationHashChangesWithAnythingThatShapesTheFigures() {
        StatisticsSettings base = StatisticsSettings.of(StatsPeriod.DAY, 499, 1, 10, 5, "rules");

        assertThat(base.configHash()).hasSize(16);
        assertThat(StatisticsSettings.of(StatsPeriod.DAY, 499, 1, 10, 5, "rules").configHash())
                .isEqualTo(base.configHash());
        assertThat(StatisticsSettings.of(StatsPeriod.WEEK, 499, 1, 10, 5, "rules").configHash())
                .isNotEqualTo(base.configHash());
        assertThat(StatisticsSettings.of(StatsPeriod.DAY, 499, 2, 10, 5, "rules").configHash())
                .isNotEqualTo(base.configHash());
        assertThat(StatisticsSettings.of(StatsPeriod.DAY, 499, 1, 10, 5, "other").configHash())
                .isNotEqualTo(base.configHash());
    }

    @Test
    void optionsNameThePeriod() {
        assertThat(StatsPeriod.fromOption(" Week ")).isEqualTo(StatsPeriod.WEEK);
        assertThatThrownBy(() -> StatsPeriod.fromOption("month"))
                .hasMessageContaining("hour, day or week");
    }
}
