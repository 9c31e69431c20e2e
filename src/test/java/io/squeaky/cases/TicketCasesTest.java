package io.squeaky.cases;

import static io.squeaky.cases.Posts.amplifying;
import static io.squeaky.cases.Posts.answering;
import static io.squeaky.cases.Posts.brandReply;
import static io.squeaky.cases.Posts.complaint;
import static io.squeaky.cases.Posts.event;
import static io.squeaky.cases.Posts.hours;
import static io.squeaky.cases.Posts.minutes;
import static io.squeaky.cases.Posts.statusChange;
import static io.squeaky.cases.Posts.unlinked;
import static io.squeaky.records.CaseEventType.AGENT_REPLY;
import static io.squeaky.records.CaseEventType.CLOSED;
import static io.squeaky.records.CaseEventType.CUSTOMER_CONTACT;
import static io.squeaky.records.CaseEventType.OPENED;
import static io.squeaky.records.CaseEventType.REOPENED;
import static io.squeaky.records.CaseEventType.RESOLVED;
import static io.squeaky.records.Channel.EMAIL;
import static io.squeaky.records.Channel.PHONE;
import static io.squeaky.records.Channel.TWITTER;
import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.records.BrandAttribution;
import io.squeaky.records.CaseDraft;
import io.squeaky.records.CaseRecord;
import io.squeaky.records.CustomerTimeline;
import io.squeaky.records.Outcome;
import io.squeaky.records.OutcomeSource;
import io.squeaky.records.PressureBucket;
import io.squeaky.records.TicketStatus;
import io.squeaky.records.TimelineItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cases that join a service-desk ticket and the customer's posts. */
class TicketCasesTest {

    private static final String CUSTOMER = "twitter:100";
    private static final long HOUR = 3600;
    private final CaseAssembler assembler =
            Posts.assembler(
                    new CaseRules(
                            Duration.ofHours(72),
                            Duration.ofDays(7),
                            Duration.ofHours(24),
                            Duration.ofDays(30),
                            Duration.ofDays(60)));
    private final CustomerTimeline timeline = CaseAssembler.emptyTimeline();
    private final List<CaseDraft> closed = new ArrayList<>();

    @Test
    void aPhoneCaseThatEscalatesToTwitterCarriesTheChannelSwitchClock() {
        feed(
                event("T1", OPENED, PHONE, hours(0)),
                event("T1", AGENT_REPLY, PHONE, hours(2)),
                unlinked(complaint("1", "100", hours(30), "Amazon")),
                answering(brandReply("2", "Amazon", hours(31), "1"), "100"),
                event("T1", RESOLVED, PHONE, hours(40)),
                event("T1", CLOSED, PHONE, hours(72)));
        closeAtEnd();

        CaseRecord row = onlyCase();
        assertThat(row.getTicketId()).isEqualTo("T1");
        assertThat(row.getBrandAttribution()).isEqualTo(BrandAttribution.SERVICE_DESK);
        assertThat(row.getFirstChannel()).isEqualTo("phone");
        assertThat(row.getOpenedAt()).isEqualTo(hours(0));
        assertThat(row.getEscalated()).isTrue();
        assertThat(row.getEscalatedAt()).isEqualTo(hours(30));
        assertThat(row.getSecondsToFirstReply()).isEqualTo(2 * HOUR);
        assertThat(row.getSecondsWaitedBeforeEscalation()).isEqualTo(30 * HOUR);
        assertThat(row.getSecondsFromEscalationToFirstReply()).isEqualTo(HOUR);
        assertThat(row.getSecondsFromEscalationToResolution()).isEqualTo(10 * HOUR);
        assertThat(row.getSecondsToFirstResolution()).isEqualTo(40 * HOUR);
        assertThat(row.getSecondsToFullResolution()).isEqualTo(40 * HOUR);
        assertThat(row.getRequesterWaitSeconds()).as("new until solved").isEqualTo(40 * HOUR);
        assertThat(row.getReopens()).isZero();
        assertThat(row.getOutcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(row.getOutcomeSource()).isEqualTo(OutcomeSource.SERVICE_DESK);
        assertThat(row.getCustomerPosts()).isEqualTo(1);
        assertThat(row.getBrandReplies()).isEqualTo(1);
        assertThat(row.getPressureBucket()).as("escalated").isEqualTo(PressureBucket.LOW);
        assertThat(closed.get(0).getExchangeRows())
                .singleElement()
                .satisfies(e -> assertThat(e.getSecondsToReply()).isEqualTo(HOUR));
    }

    @Test
    void aCaseThatStartsOnTwitterAndGetsATicketLaterIsOneCaseOpenedByTheTweet() {
        feed(
                unlinked(complaint("1", "100", minutes(0), "Amazon")),
                event("T2", OPENED, TWITTER, minutes(10), "1"),
                answering(brandReply("2", "Amazon", minutes(25), "1"), "100"),
                event("T2", RESOLVED, TWITTER, hours(5)));
        closeAtEnd();

        CaseRecord row = onlyCase();
        assertThat(row.getTicketId()).isEqualTo("T2");
        assertThat(row.getOpenedAt()).isEqualTo(minutes(0));
        assertThat(row.getFirstChannel()).isEqualTo("twitter");
        assertThat(row.getEscalated()).isFalse();
        assertThat(row.getSecondsToFirstReply()).isEqualTo(25 * 60L);
        assertThat(row.getSecondsToFullResolution()).isEqualTo(5 * HOUR);
        assertThat(row.getRequesterWaitSeconds())
                .as("from the ticket's first event")
                .isEqualTo(5 * HOUR - 10 * 60L);
    }

    @Test
    void postsOutsideTheTicketsLifetimeAndLinkWindowStayCasesOfTheirOwn() {
        feed(
                unlinked(complaint("0", "100", hours(0), "Amazon")),
                event("T3", OPENED, EMAIL, hours(30)),
                event("T3", RESOLVED, EMAIL, hours(40)),
                unlinked(complaint("9", "100", hours(100), "Amazon")));
        closeAtEnd();

        assertThat(closed)
                .extracting(d -> d.getCaseRow().getTicketId() + "@" + d.getCaseRow().getOpenedAt())
                .containsExactlyInAnyOrder(
                        "null@" + hours(0), "T3@" + hours(30), "null@" + hours(100));
    }

    @Test
    void aPostWithinTheLinkWindowBeforeTheTicketJoinsIt() {
        feed(
                unlinked(complaint("0", "100", hours(0), "Amazon")),
                event("T4", OPENED, EMAIL, hours(20)),
                event("T4", RESOLVED, EMAIL, hours(26)));
        closeAtEnd();

        CaseRecord row = onlyCase();
        assertThat(row.getOpenedAt()).isEqualTo(hours(0));
        assertThat(row.getFirstChannel()).isEqualTo("twitter");
        assertThat(row.getSecondsToFullResolution()).isEqualTo(26 * HOUR);
    }

    @Test
    void aReopenedTicketHasFirstAndFullResolutionAndCountsItsWait() {
        feed(
                event("T5", OPENED, EMAIL, hours(0)),
                statusChange("T5", TicketStatus.PENDING, hours(1)),
                event("T5", CUSTOMER_CONTACT, EMAIL, hours(1) + 60_000L),
                statusChange("T5", TicketStatus.OPEN, hours(1) + 120_000L),
                event("T5", RESOLVED, EMAIL, hours(2)),
                event("T5", REOPENED, EMAIL, hours(3)),
                event("T5", RESOLVED, EMAIL, hours(5)));
        closeAtEnd();

        CaseRecord row = onlyCase();
        assertThat(row.getSecondsToFirstResolution()).isEqualTo(2 * HOUR);
        assertThat(row.getSecondsToFullResolution()).isEqualTo(5 * HOUR);
        assertThat(row.getReopens()).isEqualTo(1);
        assertThat(row.getRequesterWaitSeconds())
                .as("1h new, 2 min pending, 58 min open, 1h solved, 2h open")
                .isEqualTo(HOUR + (HOUR - 120) + 2 * HOUR);
    }

    @Test
    void anUnresolvedTicketWaitsOnToTheEndOfObservation() {
        feed(event("T6", OPENED, PHONE, hours(0)), event("T6", AGENT_REPLY, PHONE, hours(1)));
        assertThat(assembler.closesAt(timeline))
                .as("an unresolved ticket holds the session for the ticket timeout")
                .isEqualTo(hours(1) + Duration.ofDays(30).toMillis());
        closeAtEnd();

        CaseRecord row = Censoring.settle(closed.get(0), hours(10), Posts.SCHEDULES).getCaseRow();
        assertThat(row.getRequesterWaitSeconds()).isEqualTo(10 * HOUR);
        assertThat(row.getSecondsToFullResolution()).isNull();
        assertThat(row.getOutcome()).isEqualTo(Outcome.REPLIED);
        assertThat(row.getOutcomeSource()).isEqualTo(OutcomeSource.SERVICE_DESK);
    }

    @Test
    void amplificationCountsOthersRepostsBeforeTheBrandsFirstAction() {
        feed(
                unlinked(complaint("1", "100", minutes(0), "Amazon")),
                amplifying(retweetOfOne("7", "200", minutes(5)), "100"),
                amplifying(retweetOfOne("8", "201", minutes(8)), "100"),
                answering(brandReply("2", "Amazon", minutes(10), "1"), "100"),
                amplifying(retweetOfOne("9", "202", minutes(12)), "100"));
        closeAtEnd();

        CaseRecord row = onlyCase();
        assertThat(row.getAmplification()).isEqualTo(2);
        assertThat(row.getPressureBucket()).isEqualTo(PressureBucket.LOW);
    }

    @Test
    void anUnansweredCaseThatWentQuietIsAbandonedAndOneCutByTheHorizonIsOpen() {
        feed(unlinked(complaint("1", "100", hours(0), "Amazon")));
        closeAtEnd();
        CaseDraft draft = closed.get(0);

        assertThat(Censoring.settle(draft, hours(200), Posts.SCHEDULES).getCaseRow().getOutcome())
                .isEqualTo(Outcome.ABANDONED);
        draft.getCaseRow().setOutcome(Outcome.OPEN);
        assertThat(Censoring.settle(draft, hours(10), Posts.SCHEDULES).getCaseRow().getOutcome())
                .isEqualTo(Outcome.OPEN);
    }

    @Test
    void aTicketEventExportedTwiceCountsOnce() {
        CaseAssembler.Closed first =
                assembler.accept(CUSTOMER, timeline, event("T7", OPENED, PHONE, hours(0)));
        CaseAssembler.Closed again =
                assembler.accept(CUSTOMER, timeline, event("T7", OPENED, PHONE, hours(0)));

        assertThat(first.duplicates()).isZero();
        assertThat(again.duplicates()).isEqualTo(1);
        assertThat(timeline.getItems()).hasSize(1);
    }

    private static io.squeaky.records.Post retweetOfOne(String id, String author, long at) {
        io.squeaky.records.Post post = complaint(id, author, at, null);
        post.setRetweetOf("1");
        return post;
    }

    private void feed(TimelineItem... items) {
        for (TimelineItem item : items) {
            closed.addAll(assembler.accept(CUSTOMER, timeline, item).drafts());
        }
    }

    private void closeAtEnd() {
        closed.addAll(assembler.close(CUSTOMER, timeline, true).drafts());
    }

    private CaseRecord onlyCase() {
        assertThat(closed).hasSize(1);
        return closed.get(0).getCaseRow();
    }
}
