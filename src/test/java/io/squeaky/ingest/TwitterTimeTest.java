package io.squeaky.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written timestamp parser agrees with java.time, and refuses what java.time refuses. */
class TwitterTimeTest {

    private static final DateTimeFormatter CLASSIC =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "Tue Oct 31 22:10:47 +0000 2017, 2017-10-31T22:10:47Z",
        "Thu Jan 01 00:00:00 +0000 1970, 1970-01-01T00:00:00Z",
        "Wed Dec 31 23:59:59 +0000 1969, 1969-12-31T23:59:59Z",
        "Tue Feb 29 12:00:00 +0000 2000, 2000-02-29T12:00:00Z",
        "Thu Feb 29 08:30:00 +0000 2024, 2024-02-29T08:30:00Z",
        "Fri Dec 31 23:59:59 +0000 1999, 1999-12-31T23:59:59Z",
        "Sat Jan 01 00:00:00 +0000 2000, 2000-01-01T00:00:00Z",
        "Sun Feb 28 23:59:59 +0000 2100, 2100-02-28T23:59:59Z",
        "Mon Mar 01 00:00:00 +0000 2100, 2100-03-01T00:00:00Z",
        "Fri Dec 31 23:59:59 +0000 2100, 2100-12-31T23:59:59Z",
        "Tue Oct 31 03:40:47 +0530 2017, 2017-10-30T22:10:47Z",
        "Tue Oct 31 14:10:47 -0800 2017, 2017-10-31T22:10:47Z",
        "Sat Jan 01 01:00:00 +0100 2000, 2000-01-01T00:00:00Z",
        "Fri Dec 31 16:00:00 -0800 1999, 2000-01-01T00:00:00Z",
        "Tue Mar 01 05:29:59 +0530 2016, 2016-02-29T23:59:59Z",
        "Wed Nov 01 09:45:00 +1245 2017, 2017-10-31T21:00:00Z",
        "Tue Oct 31 12:10:47 -1000 2017, 2017-10-31T22:10:47Z",
    })
    void parsesTheClassicFormToTheSameInstantAsJavaTime(String classic, String iso) {
        long expected = Instant.parse(iso).toEpochMilli();

        assertThat(TwitterTime.parseClassic(classic)).isEqualTo(expected);
        assertThat(ZonedDateTime.parse(classic, CLASSIC).toInstant().toEpochMilli())
                .as("java.time reads the same text the same way")
                .isEqualTo(expected);
    }

    @Test
    void agreesWithJavaTimeOnEveryDayFrom1970To2200InSeveralOffsets() {
        ZoneOffset[] offsets = {
            ZoneOffset.UTC,
            ZoneOffset.ofHoursMinutes(5, 30),
            ZoneOffset.ofHours(-8),
            ZoneOffset.ofHoursMinutes(-3, -30),
            ZoneOffset.ofHours(14),
            ZoneOffset.ofHours(-12),
        };
        LocalDateTime time = LocalDateTime.of(1970, 1, 1, 0, 0, 0);
        int checked = 0;
        while (time.getYear() <= 2200) {
            ZoneOffset offset = offsets[checked % offsets.length];
            ZonedDateTime zoned = time.atZone(offset);
            String text = CLASSIC.format(zoned);

            assertThat(TwitterTime.parseClassic(text))
                    .as(text)
                    .isEqualTo(zoned.toInstant().toEpochMilli());

            // One day and 3,661 seconds on: every day of the month, every hour, minute, second.
            time = time.plusDays(1).plusSeconds(3_661);
            checked++;
        }
        assertThat(checked).isGreaterThan(80_000);
    }

    @Test
    void toleratesSurroundingWhitespace() {
        assertThat(TwitterTime.parseClassic("  Tue Oct 31 22:10:47 +0000 2017\n"))
                .isEqualTo(Instant.parse("2017-10-31T22:10:47Z").toEpochMilli());
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(
            strings = {
                "",
                "Tue Oct 31 22:10:47 +0000 17",
                "Tue Oct 31 22:10:47 +0000 20170",
                "Tue Oct 31 22:10:47 2017",
                "Tue Oct  1 22:10:47 +0000 2017",
                "Tue Oct 31 22:10:47 UTC   2017",
                "Tue Oct 31 22:10:47 +00:0 2017",
                "Tue Oct 31 22-10-47 +0000 2017",
                "2017-10-31T22:10:47.000+0000 ",
                "31/10/2017 22:11",
                "Tue Okt 31 22:10:47 +0000 2017",
                "Tue oct 31 22:10:47 +0000 2017",
                "Tue OCT 31 22:10:47 +0000 2017",
                "Tue anF 31 22:10:47 +0000 2017",
                "Tue Oct 3x 22:10:47 +0000 2017",
                "Tue Oct 31 22:10:47 +0000 2O17",
                "Tue Oct 31 22:10:47 *0000 2017",
            })
    void rejectsTextThatIsNotAClassicTimestamp(String text) {
        assertThatThrownBy(() -> TwitterTime.parseClassic(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "Thu Feb 30 22:10:47 +0000 2017",
                "Wed Feb 29 22:10:47 +0000 2017",
                "Mon Feb 29 12:00:00 +0000 2100",
                "Fri Feb 29 12:00:00 +0000 1900",
                "Fri Apr 31 12:00:00 +0000 2017",
                "Sat Sep 31 12:00:00 +0000 2017",
                "Tue Oct 32 22:10:47 +0000 2017",
                "Tue Oct 00 22:10:47 +0000 2017",
                "Tue Oct 31 24:00:00 +0000 2017",
                "Tue Oct 31 22:60:47 +0000 2017",
                "Tue Oct 31 22:10:47 +0099 2017",
                "Tue Oct 31 22:10:47 +1900 2017",
                "Tue Oct 31 22:10:60 +0000 2017",
            })
    void rejectsDatesAndTimesThatDoNotExist(String text) {
        assertThatThrownBy(() -> TwitterTime.parseClassic(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("impossible timestamp: " + text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "2021-04-08T19:33:06.000Z,    1617910386000",
        "2021-04-08T19:33:06Z,        1617910386000",
        "2021-04-08T19:33:06.123456Z, 1617910386123",
        "2000-02-29T00:00:00.000Z,    951782400000",
        "1969-12-31T23:59:59.999Z,    -1",
        "' 2022-12-16T18:43:10.000Z ', 1671216190000",
    })
    void parsesTheIsoInstantsOfApiV2(String iso, long millis) {
        assertThat(TwitterTime.parseIso(iso)).isEqualTo(millis);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(
            strings = {
                "",
                "2021-04-08",
                "2021-04-08T19:33:06",
                "2021-04-08 19:33:06Z",
                "2021-02-30T19:33:06Z",
                "2021-04-08T25:00:00Z",
                "Tue Oct 31 22:10:47 +0000 2017",
            })
    void rejectsWhatIsNotAnIsoInstant(String text) {
        assertThatThrownBy(() -> TwitterTime.parseIso(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an ISO-8601 instant: " + text);
    }
}
