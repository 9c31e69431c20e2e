package io.squeaky.generate;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.clock.BusinessSchedule;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TruthClocksTest {

    /** Monday 2 October 2017, 09:00 UTC: an office-hours desk on UTC has just opened. */
    private static final long MONDAY_NINE = Instant.parse("2017-10-02T09:00:00Z").getEpochSecond();

    private static final long HOUR = 3600;
    private static final long NONE = Long.MAX_VALUE;
    private static final BusinessClock OFFICE_HOURS =
            new BusinessClock(BusinessSchedule.officeHours(ZoneOffset.UTC), MONDAY_NINE - 86_400);

    private final List<DeskEvent> events = new ArrayList<>();
    private final List<GeneratedTweet> tweets = new ArrayList<>();

    @Test
    void pendingAndSolvedTimeIsNoWaitAndAReopenMovesTheFullResolution() {
        event(DeskEventType.OPENED, DeskChannel.PHONE, "new", 0);
        event(DeskEventType.AGENT_REPLY, DeskChannel.PHONE, null, HOUR);
        event(DeskEventType.STATUS_CHANGE, DeskChannel.PHONE, "open", HOUR);
        event(DeskEventType.STATUS_CHANGE, DeskChannel.PHONE, "pending", 2 * HOUR);
        event(DeskEventType.STATUS_CHANGE, DeskChannel.PHONE, "open", 5 * HOUR);
        event(DeskEventType.RESOLVED, DeskChannel.PHONE, null, 6 * HOUR);
        event(DeskEventType.REOPENED, DeskChannel.PHONE, null, 7 * HOUR);
        event(DeskEventType.RESOLVED, DeskChannel.PHONE, null, 9 * HOUR);
        event(DeskEventType.CLOSED, DeskChannel.PHONE, null, 48 * HOUR);

        CaseClocks clocks = TruthClocks.measure(events, tweets, OFFICE_HOURS, NONE);

        assertThat(clocks.firstReply()).isEqualTo(new CaseClocks.Duration(HOUR, HOUR));
        assertThat(clocks.firstResolution()).isEqualTo(new CaseClocks.Duration(6 * HOUR, 6 * HOUR));
        assertThat(clocks.fullResolution())
                .as("09:00 to 18:00, the desk closing at 17:00")
                .isEqualTo(new CaseClocks.Duration(9 * HOUR, 8 * HOUR));
        assertThat(clocks.requesterWait())
                .as("new and open 0-2 h, open 5-6 h, open again 7-9 h")
                .isEqualTo(new CaseClocks.Duration(5 * HOUR, 4 * HOUR));
        assertThat(clocks.reopens()).isEqualTo(1);
        assertThat(clocks.escalatedAt()).isNull();
    }

    @Test
    void closingASolvedTicketIsNotAnotherResolution() {
        event(DeskEventType.OPENED, DeskChannel.EMAIL, null, 0);
        event(DeskEventType.RESOLVED, DeskChannel.EMAIL, null, HOUR);
        event(DeskEventType.CLOSED, DeskChannel.EMAIL, null, 2 * HOUR);

        CaseClocks clocks = TruthClocks.measure(events, tweets, OFFICE_HOURS, NONE);

        assertThat(clocks.firstResolutionAt()).isEqualTo(MONDAY_NINE + HOUR);
        assertThat(clocks.fullResolutionAt()).isEqualTo(MONDAY_NINE + HOUR);
        assertThat(clocks.reopens()).isZero();
        assertThat(clocks.firstReply()).isNull();
    }

    @Test
    void anUnresolvedTicketWaitsUntilTheDataEnds() {
        event(DeskEventType.OPENED, DeskChannel.WEB, "new", 0);
        event(DeskEventType.RESOLVED, DeskChannel.WEB, null, HOUR);
        event(DeskEventType.REOPENED, DeskChannel.WEB, null, 3 * HOUR);

        CaseClocks clocks =
                TruthClocks.measure(events, tweets, OFFICE_HOURS, MONDAY_NINE + 5 * HOUR);

        assertThat(clocks.firstResolutionAt()).isEqualTo(MONDAY_NINE + HOUR);
        assertThat(clocks.fullResolution()).isNull();
        assertThat(clocks.requesterWait()).isEqualTo(new CaseClocks.Duration(3 * HOUR, 3 * HOUR));
        assertThat(clocks.reopens()).isEqualTo(1);
    }

    @Test
    void aTraditionalCaseEscalatesAtTheCustomersFirstTweet() {
        event(DeskEventType.OPENED, DeskChannel.STORE, null, 0);
        event(DeskEventType.AGENT_REPLY, DeskChannel.STORE, null, HOUR);
        GeneratedTweet complaint = tweet(false, 10 * HOUR);
        tweet(true, 10 * HOUR + 600);
        event(DeskEventType.AGENT_REPLY, DeskChannel.TWITTER, null, 10 * HOUR + 600);
        event(DeskEventType.RESOLVED, DeskChannel.STORE, null, 30 * HOUR);

        CaseClocks clocks = TruthClocks.measure(events, tweets, OFFICE_HOURS, NONE);

        assertThat(clocks.beganOn()).isEqualTo(DeskChannel.STORE);
        assertThat(clocks.escalatedAt()).isEqualTo(complaint.time());
        assertThat(clocks.waitBeforeEscalation())
                .as("Monday 09:00 to 19:00")
                .isEqualTo(new CaseClocks.Duration(10 * HOUR, 8 * HOUR));
        assertThat(clocks.escalationToFirstReply())
                .as("answered at 19:10, after hours")
                .isEqualTo(new CaseClocks.Duration(600, 0));
        assertThat(clocks.escalationToResolution())
                .as("19:00 Monday to 15:00 Tuesday")
                .isEqualTo(new CaseClocks.Duration(20 * HOUR, 6 * HOUR));
        assertThat(clocks.firstReply()).isEqualTo(new CaseClocks.Duration(HOUR, HOUR));
    }

    @Test
    void aCaseOpenedFromATweetOpensAtTheTweetAndNeverEscalates() {
        tweet(false, 0);
        event(DeskEventType.OPENED, DeskChannel.TWITTER, "new", 300);
        tweet(false, 400);
        tweet(true, 1200);
        event(DeskEventType.AGENT_REPLY, DeskChannel.TWITTER, null, 1200);
        event(DeskEventType.STATUS_CHANGE, DeskChannel.TWITTER, "open", 1200);
        event(DeskEventType.RESOLVED, DeskChannel.TWITTER, null, HOUR);

        CaseClocks clocks = TruthClocks.measure(events, tweets, OFFICE_HOURS, NONE);

        assertThat(clocks.openedAt()).isEqualTo(MONDAY_NINE);
        assertThat(clocks.beganOn()).isEqualTo(DeskChannel.TWITTER);
        assertThat(clocks.escalatedAt()).isNull();
        assertThat(clocks.firstReply().seconds()).isEqualTo(1200);
        assertThat(clocks.fullResolution().seconds()).isEqualTo(HOUR);
        assertThat(clocks.requesterWait().seconds())
                .as("from the ticket's first event, not from the tweet")
                .isEqualTo(HOUR - 300);
    }

    private void event(DeskEventType type, DeskChannel channel, String status, long offset) {
        events.add(
                new DeskEvent(
                        "T1",
                        "Brand",
                        "C1",
                        "cust1",
                        channel,
                        type,
                        status,
                        MONDAY_NINE + offset,
                        null));
    }

    private GeneratedTweet tweet(boolean byBrand, long offset) {
        TwitterAccount author = new TwitterAccount(byBrand ? "1" : "2", "", "", 0);
        GeneratedTweet tweet =
                new GeneratedTweet(
                        tweets.size() + 1,
                        MONDAY_NINE + offset,
                        author,
                        byBrand,
                        "",
                        1,
                        0,
                        null,
                        "",
                        new GeneratedTweet.PublicMetrics(0, 0, 0, 0));
        tweets.add(tweet);
        return tweet;
    }
}
