package io.squeaky.metrics;

import static io.squeaky.cases.Posts.amplifying;
import static io.squeaky.cases.Posts.answering;
import static io.squeaky.cases.Posts.brandReply;
import static io.squeaky.cases.Posts.complaint;
import static io.squeaky.cases.Posts.event;
import static io.squeaky.cases.Posts.followUp;
import static io.squeaky.cases.Posts.hours;
import static io.squeaky.cases.Posts.unlinked;
import static io.squeaky.records.CaseEventType.AGENT_REPLY;
import static io.squeaky.records.CaseEventType.CLOSED;
import static io.squeaky.records.CaseEventType.OPENED;
import static io.squeaky.records.CaseEventType.RESOLVED;
import static io.squeaky.records.Channel.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.cases.CaseAssembler;
import io.squeaky.cases.CaseRules;
import io.squeaky.cases.Censoring;
import io.squeaky.cases.Posts;
import io.squeaky.records.CaseDraft;
import io.squeaky.records.CaseIntervalRow;
import io.squeaky.records.CustomerTimeline;
import io.squeaky.records.Post;
import io.squeaky.records.TimelineItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cases cut into counting-process intervals. The desk is the bundled Monday-Friday 09:00-17:00 UTC;
 * {@link Posts#T0} is a Tuesday at 10:00, so the desk closes 7 hours after it and opens again 23
 * hours after it.
 */
class CaseIntervalsTest {

    private static final long HOUR = 3600;
    private static final String CUSTOMER = "twitter:100";

    private final CaseAssembler assembler =
            Posts.assembler(
                    new CaseRules(
                            Duration.ofHours(72),
                            Duration.ofDays(7),
                            Duration.ofHours(24),
                            Duration.ofDays(30),
                            Duration.ofDays(60)));
    private final CustomerTimeline timeline = CaseAssembler.emptyTimeline();

    @Test
    void aPhoneTicketGoesPublicAtTheTweetAndIsCutWhereTheDeskOpensAndCloses() {
        List<CaseIntervalRow> rows =
                intervals(
                        hours(200),
                        event("T1", OPENED, PHONE, hours(0)),
                        event("T1", AGENT_REPLY, PHONE, hours(2)),
                        unlinked(complaint("1", "100", hours(30), "Amazon")),
                        answering(brandReply("2", "Amazon", hours(33), "1"), "100"),
                        event("T1", RESOLVED, PHONE, hours(40)),
                        event("T1", CLOSED, PHONE, hours(72)));

        assertThat(rows)
                .filteredOn(r -> r.getEndpoint().equals("first_reply"))
                .extracting(CaseIntervalsTest::describe)
                .containsExactly("(0,2] event private posts=0 open");
        assertThat(rows)
                .filteredOn(r -> r.getEndpoint().equals("resolution"))
                .extracting(CaseIntervalsTest::describe)
                .containsExactly(
                        "(0,7] - private posts=0 open",
                        "(7,23] - private posts=0 closed",
                        "(23,30] - private posts=0 open",
                        "(30,31] - public posts=1 open",
                        "(31,40] event public posts=1 closed");
        // The business clock skips the closed night; the resolution at 02:00 on Thursday, while
        // closed, counts at the business time it follows: the close at 17:00 on Wednesday.
        assertThat(rows)
                .filteredOn(r -> r.getEndpoint().equals("resolution"))
                .extracting(CaseIntervalsTest::business)
                .containsExactly("(0,7] -", "none", "(7,14] -", "(14,15] event", "none");
        assertThat(rows)
                .filteredOn(r -> r.getEndpoint().equals("first_reply"))
                .extracting(CaseIntervalsTest::business)
                .containsExactly("(0,2] event");
        assertThat(rows)
                .allSatisfy(
                        r -> {
                            assertThat(r.getFirstChannel()).isEqualTo("phone");
                            assertThat(r.getFollowersAtOpen()).isNull();
                            assertThat(r.getPeriodStart())
                                    .isEqualTo(StatsPeriod.DAY.startOf(hours(0)));
                        });
    }

    @Test
    void anUnansweredSocialCaseIsPublicFromItsOpenCountsPostsSoFarAndEndsCensored() {
        List<CaseIntervalRow> rows =
                intervals(
                        hours(5),
                        unlinked(complaint("1", "100", hours(0), "Amazon")),
                        amplifying(retweetOfOne("9", "200", hours(1)), "100"),
                        unlinked(followUp("3", "100", hours(3), "1")));

        assertThat(rows)
                .extracting(r -> describe(r) + " amplification=" + r.getAmplification())
                .containsExactly(
                        "(0,1] - public posts=1 open amplification=0",
                        "(1,3] - public posts=1 open amplification=1",
                        "(3,5] - public posts=2 open amplification=1");
        assertThat(rows)
                .extracting(CaseIntervalsTest::business)
                .containsExactly("(0,1] -", "(1,3] -", "(3,5] -");
    }

    @Test
    void reachIsTheLogarithmOfTheFollowersAnAccountWithoutAnyCountingAsOne() {
        assertThat(CaseIntervals.log10Followers(null)).isNull();
        assertThat(CaseIntervals.log10Followers(0L)).isZero();
        assertThat(CaseIntervals.log10Followers(1L)).isZero();
        assertThat(CaseIntervals.log10Followers(1000L)).isEqualTo(3.0);
    }

    @Test
    void aReplyInTheOpeningSecondLeavesNoInterval() {
        List<CaseIntervalRow> rows =
                intervals(
                        hours(5),
                        unlinked(complaint("1", "100", hours(0), "Amazon")),
                        answering(brandReply("2", "Amazon", hours(0) + 400, "1"), "100"));

        assertThat(rows).isEmpty();
    }

    private List<CaseIntervalRow> intervals(long horizon, TimelineItem... items) {
        List<CaseDraft> drafts = new ArrayList<>();
        for (TimelineItem item : items) {
            drafts.addAll(assembler.accept(CUSTOMER, timeline, item).drafts());
        }
        drafts.addAll(assembler.close(CUSTOMER, timeline, true).drafts());
        assertThat(drafts).hasSize(1);
        CaseDraft settled = Censoring.settle(drafts.get(0), horizon, Posts.SCHEDULES);
        return CaseIntervals.of(
                settled, Posts.SCHEDULES.of(settled.getCaseRow().getBrand()), StatsPeriod.DAY);
    }

    private static Post retweetOfOne(String id, String author, long at) {
        Post post = complaint(id, author, at, null);
        post.setRetweetOf("1");
        return post;
    }

    private static String business(CaseIntervalRow row) {
        if (row.getBusinessStopSeconds() == null) {
            assertThat(row.getBusinessStartSeconds()).isNull();
            assertThat(row.getBusinessEvent()).isNull();
            return "none";
        }
        return "("
                + row.getBusinessStartSeconds() / HOUR
                + ","
                + row.getBusinessStopSeconds() / HOUR
                + "] "
                + (row.getBusinessEvent() ? "event" : "-");
    }

    private static String describe(CaseIntervalRow row) {
        return "("
                + row.getStartSeconds() / HOUR
                + ","
                + row.getStopSeconds() / HOUR
                + "] "
                + (row.getEvent() ? "event" : "-")
                + (row.getPublic$() ? " public" : " private")
                + " posts="
                + row.getPersistence()
                + (row.getDeskOpen() ? " open" : " closed");
    }
}
