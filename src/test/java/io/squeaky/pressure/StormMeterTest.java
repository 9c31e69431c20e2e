package io.squeaky.pressure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.squeaky.records.BrandActivity;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StormMeterTest {

    private static final long T0 = Instant.parse("2017-10-02T00:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 60 * MINUTE;

    private final StormMeter meter = new StormMeter();

    @Test
    void isUnknownUntilTheBaselineHoldsEnoughComplaintsOlderThanADay() {
        BrandActivity activity = StormMeter.newActivity(T0);

        for (int hour = 0; hour < 48; hour++) {
            assertThat(meter.observe(activity, T0 + hour * HOUR))
                    .as("hour %d: at most 23 complaints a day older than the trailing hour", hour)
                    .isNull();
        }
        assertThat(meter.observe(activity, T0 + 48 * HOUR))
                .as(
                        "hours 0-23 are a day older than the trailing hour (47h, 48h]; 48 in the baseline")
                .isCloseTo(1 / (48 / (2821 / 60.0)), within(1e-9));
    }

    @Test
    void aBurstIsNotJudgedAgainstItself() {
        // An extract that starts with a few stray complaints, then one day's burst: the week's
        // baseline holds enough complaints, but nearly all of them are the burst itself.
        BrandActivity activity = StormMeter.newActivity(T0);
        meter.observe(activity, T0);
        meter.observe(activity, T0 + Duration.ofDays(6).toMillis());
        long burst = T0 + Duration.ofDays(8).toMillis();
        Double reading = null;
        for (int i = 0; i < 150; i++) {
            reading = meter.observe(activity, burst + i * 5 * MINUTE);
        }
        assertThat(reading).as("150 complaints in 12.5 hours with 2 before").isNull();
    }

    @Test
    void aSteadyRateGivesOneAndABurstGivesItsMultiple() {
        BrandActivity activity = StormMeter.newActivity(T0);
        long t = T0;
        Double steady = null;
        for (int hour = 0; hour < 8 * 24; hour++) {
            for (int i = 0; i < 2; i++) {
                t = T0 + hour * HOUR + i * 30 * MINUTE;
                steady = meter.observe(activity, t);
            }
        }
        assertThat(steady).isCloseTo(1.0, within(1e-9));

        Double burst = null;
        for (int i = 0; i < 10; i++) {
            burst = meter.observe(activity, t + 10 * MINUTE + i * MINUTE);
        }
        assertThat(burst)
                .as("12 in the trailing hour against 2 an hour")
                .isCloseTo(6.0, within(1e-9));
    }

    @Test
    void looksOnlyBackwardsAndForgetsWhatIsOlderThanAWeekAndAnHour() {
        BrandActivity activity = StormMeter.newActivity(T0);
        meter.observe(activity, T0);
        Double afterWeeks = meter.observe(activity, T0 + Duration.ofDays(9).toMillis());

        assertThat(afterWeeks).as("an empty week is no baseline").isNull();
        assertThat(activity.getBaselineCount()).isZero();
        assertThat(activity.getMinutes()).hasSize(1);
        assertThat(
                        meter.expired(
                                activity,
                                T0 + Duration.ofDays(9).toMillis() + Duration.ofDays(8).toMillis()))
                .isTrue();
    }
}
