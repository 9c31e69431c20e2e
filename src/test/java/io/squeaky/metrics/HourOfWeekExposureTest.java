package io.squeaky.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class HourOfWeekExposureTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final int SUNDAY = 6 * 24;

    private static long at(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }

    @Test
    void waitingIsSplitAtLocalHourBoundaries() {
        HourOfWeekExposure exposure = new HourOfWeekExposure(NEW_YORK);
        // Monday 2017-10-30, 08:30 to 10:15 New York time (UTC-4).
        exposure.waiting(at("2017-10-30T12:30:00Z"), at("2017-10-30T14:15:00Z"));
        exposure.reply(at("2017-10-30T14:15:00Z"));

        assertThat(exposure.waitingHours(8)).isEqualTo(0.5);
        assertThat(exposure.waitingHours(9)).isEqualTo(1.0);
        assertThat(exposure.waitingHours(10)).isEqualTo(0.25);
        assertThat(exposure.waitingHours(11)).isZero();
        assertThat(exposure.replies(10)).isEqualTo(1);
    }

    @Test
    void theRepeatedFallBackHourCountsTwiceAndTheSkippedSpringHourNotAtAll() {
        HourOfWeekExposure fallBack = new HourOfWeekExposure(NEW_YORK);
        // Sunday 2017-11-05: 00:00 EDT to 03:00 EST is four hours, 01:00-02:00 twice.
        fallBack.waiting(at("2017-11-05T04:00:00Z"), at("2017-11-05T08:00:00Z"));
        assertThat(fallBack.waitingHours(SUNDAY)).isEqualTo(1.0);
        assertThat(fallBack.waitingHours(SUNDAY + 1)).isEqualTo(2.0);
        assertThat(fallBack.waitingHours(SUNDAY + 2)).isEqualTo(1.0);

        HourOfWeekExposure springForward = new HourOfWeekExposure(NEW_YORK);
        // Sunday 2018-03-11: 01:00 EST to 04:00 EDT is two hours; 02:00-03:00 never happens.
        springForward.waiting(at("2018-03-11T06:00:00Z"), at("2018-03-11T08:00:00Z"));
        assertThat(springForward.waitingHours(SUNDAY + 1)).isEqualTo(1.0);
        assertThat(springForward.waitingHours(SUNDAY + 2)).isZero();
        assertThat(springForward.waitingHours(SUNDAY + 3)).isEqualTo(1.0);
    }

    @Test
    void wholeWeeksOfWaitingFillEverySlot() {
        HourOfWeekExposure exposure = new HourOfWeekExposure(ZoneId.of("UTC"));
        long monday = at("2017-10-30T00:00:00Z");
        exposure.waiting(monday, monday + (3 * 168 + 1) * 3_600_000L);

        double total = 0;
        for (int slot = 0; slot < HourOfWeekExposure.HOURS; slot++) {
            total += exposure.waitingHours(slot);
        }
        assertThat(total).isCloseTo(3 * 168 + 1, within(1e-9));
        assertThat(exposure.waitingHours(0)).isEqualTo(4.0);
        assertThat(exposure.waitingHours(1)).isEqualTo(3.0);
        assertThat(exposure.waitingHours(167)).isEqualTo(3.0);
    }
}
