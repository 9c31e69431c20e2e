package io.squeaky.clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScheduleBookTest {

    private static final Map<String, ZoneId> ZONES =
            Map.of("Amazon", ZoneId.of("America/Los_Angeles"), "Tesco", ZoneId.of("Europe/London"));

    @Test
    void aBrandWithoutAScheduleWorksTheDefaultHoursInItsOwnTimeZone() {
        ScheduleBook book = ScheduleBook.bundled(ZONES);

        BusinessSchedule amazon = book.of("Amazon");
        assertThat(amazon.zone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(amazon.isOpen(Instant.parse("2017-10-31T16:30:00Z"))).as("09:30 in LA").isTrue();
        assertThat(amazon.isOpen(Instant.parse("2017-10-31T10:00:00Z")))
                .as("03:00 in LA")
                .isFalse();
        assertThat(book.of("UnlistedHelp").zone()).isEqualTo(ZoneId.of("UTC").normalized());
    }

    @Test
    void readsWeeklyHoursDayRangesAndHolidaysPerBrand() throws Exception {
        String json =
                """
                {"default": {"hours": {"mon-fri": ["09:00-17:00"]}},
                 "brands": {"Tesco": {"hours": {"mon-sun": ["08:00-12:00", "13:00-24:00"]},
                                      "holidays": ["2017-12-25"]}}}
                """;
        ScheduleBook book = ScheduleBook.parse(new ObjectMapper().readTree(json), "test", ZONES);

        BusinessSchedule tesco = book.of("Tesco");
        assertThat(tesco.isOpen(Instant.parse("2017-12-24T23:30:00Z"))).as("Sunday night").isTrue();
        assertThat(tesco.isOpen(Instant.parse("2017-12-25T10:00:00Z"))).as("holiday").isFalse();
        assertThat(tesco.isOpen(Instant.parse("2017-12-26T12:30:00Z"))).as("lunch").isFalse();
        assertThat(
                        tesco.businessSeconds(
                                Instant.parse("2017-12-26T00:00:00Z"),
                                Instant.parse("2017-12-27T00:00:00Z")))
                .isEqualTo(15 * 3600L);
    }

    @Test
    void aBadScheduleFileSaysWhatIsWrongAndWhere() {
        String json = "{\"default\": {\"hours\": {\"mon-fry\": [\"09:00-17:00\"]}}}";

        assertThatThrownBy(
                        () ->
                                ScheduleBook.parse(
                                        new ObjectMapper().readTree(json), "s.json", ZONES))
                .hasMessageContaining("s.json")
                .hasMessageContaining("fry");
    }
}
