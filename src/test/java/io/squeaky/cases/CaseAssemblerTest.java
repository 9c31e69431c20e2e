package io.squeaky.cases;

import static io.squeaky.cases.Posts.answering;
import static io.squeaky.cases.Posts.answeringBrand;
import static io.squeaky.cases.Posts.brandReply;
import static io.squeaky.cases.Posts.complaint;
import static io.squeaky.cases.Posts.followUp;
import static io.squeaky.cases.Posts.handoff;
import static io.squeaky.cases.Posts.hours;
import static io.squeaky.cases.Posts.minutes;
import static io.squeaky.cases.Posts.unlinked;
import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.records.BrandAttribution;
import io.squeaky.records.CaseDraft;
import io.squeaky.records.CaseEventType;
import io.squeaky.records.CaseRecord;
import io.squeaky.records.Channel;
import io.squeaky.records.CloseReason;
import io.squeaky.records.CustomerTimeline;
import io.squeaky.records.ExchangeRecord;
import io.squeaky.records.Outcome;
import io.squeaky.records.OutcomeSource;
import io.squeaky.records.Post;
import io.squeaky.records.ResolutionReading;
import io.squeaky.records.TimelineItem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CaseAssemblerTest {

    private static final String CUSTOMER = "twitter:100";
    private final CaseAssembler assembler =
            Posts.assembler(new CaseRules(Duration.ofHours(72), Duration.ofDays(7)));
    private final CustomerTimeline timeline = CaseAssembler.emptyTimeline();
    private final List<CaseDraft> closed = new ArrayList<>();

    @Test
    void aComplaintAndItsReplyMakeOneRepliedCaseWithOneAnsweredExchange() {
        feed(
                unlinked(complaint("1", "100", minutes(0), "Amazon")),
                answering(brandReply("2", "Amazon", minutes(12), "1"), "100"));
        closeAtEnd();

        CaseRecord row = onlyCase();
        assertThat(row.getBrand()).isEqualTo("Amazon");
        assertThat(row.getBrandAttribution()).isEqualTo(BrandAttribution.BRAND_REPLY);
        assertThat(row.getOpenedAt()).isEqualTo(minutes(0));
        assertThat(row.getFirstReplyAt()).isEqualTo(minutes(12));
        assertThat(row.getSecondsToFirstReply()).isEqualTo(720L);
        assertThat(row.getBusinessSecondsToFirstReply()).isEqualTo(720L);
        assertThat(row.getOpenedInBusinessHours()).isTrue();
        assertThat(row.getRepliedInBusinessHours()).isTrue();
        assertThat(row.getPersistence()).isEqualTo(1);
        assertThat(row.getOutcome()).isEqualTo(Outcome.REPLIED);
        assertThat(row.getPartial()).isFalse();
        assertThat(exchanges())
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.getSecondsToReply()).isEqualTo(720L);
                            assertThat(e.getReplyPrivateHandoff()).isFalse();
                        });
    }

    @Test
    void aComplaintOnFridayEveningAnsweredOnMondayWaitedOneBusinessHour() {
        long friday1630 = hours(3 * 24 + 6) + 30 * 60_000L;
        long monday0930 = hours(6 * 24 - 1) + 30 * 60_000L;
        feed(
                unlinked(complaint("1", "100", friday1630, "Amazon")),
                answering(brandReply("2", "Amazon", monday0930, "1"), "100"));
        closeAtEnd();

        CaseRecord row = onlyCase();
        assertThat(row.getSecondsToFirstReply()).isEqualTo(65 * 3600L);
        assertThat(row.getBusinessSecondsToFirstReply()).isEqualTo(3600L);
        assertThat(row.getOpenedInBusinessHours()).isTrue();
        assertThat(exchanges().get(0).getBusinessSecondsToReply()).isEqualTo(3600L);
    }

    @Test
    void persistenceCountsTheCustomerPostsBeforeTheFirstBrandReply() {
        feed(
                unlinked(complaint("1", "100", minutes(0), "Delta")),
                unlinked(followUp("2", "100", minutes(30), "1")),
                unlinked(followUp("3", "100", minutes(90), "2")),
                answering(brandReply("4", "Delta", minutes(100), "3"), "100"));
        closeAtEnd();

        CaseRecord row = onlyCase();
        assertThat(row.getPersistence()).isEqualTo(3);
        assertThat(row.getCustomerPosts()).isEqualTo(3);
        assertThat(row.getSecondsToFirstReply()).isEqualTo(100 * 60L);
        assertThat(row.getUnansweredExchanges()).isEqualTo(2);
        assertThat(exchanges())
                .extracting(ExchangeRecord::getSecondsToReply)
                .containsExactly(null, null, 600L);
    }

    @Test
    void aHandOffToPrivateMessagesIsItsOwnOutcome() {
        feed(
                unlinked(complaint("1", "100", minutes(0), "Sprint")),
                answering(handoff("2", "Sprint", minutes(5), "1"), "100"),
                answeringBrand(followUp("3", "100", minutes(9), "2"), "Sprint"));
        closeAtEnd();

        CaseRecord row = onlyCase();
        assertThat(row.getOutcome()).isEqualTo(Outcome.HANDED_OFF_PRIVATE);
        assertThat(row.getHandedOffPrivate()).isTrue();
        assertThat(row.getHandedOffAt()).isEqualTo(minutes(5));
        assertThat(row.getSecondsToHandoff()).isEqualTo(300L);
        assertThat(row.getCustomerPosts()).isEqualTo(2);
    }

    @Test
    void anUnansweredComplaintIsKeptAsAnOpenCase() {
        feed(unlinked(complaint("1", "100", minutes(0), "Uber")));
        closeAtEnd();

        CaseRecord row = onlyCase();
        assertThat(row.getOutcome()).isEqualTo(Outcome.OPEN);
        assertThat(row.getFirstReplyAt()).isNull();
        assertThat(row.getSecondsToFirstReply()).isNull();
        assertThat(closed.get(0).getNeedsHorizon()).isTrue();
    }

    @Test
    void aReplyToAPostOutsideTheDataStillMakesACaseFlaggedPartial() {
        feed(
                unlinked(followUp("5", "100", minutes(0), "4-not-in-data")),
                answering(brandReply("6", "Apple", minutes(3), "5"), "100"));
        closeAtEnd();

        assertThat(onlyCase().getPartial()).isTrue();
        assertThat(onlyCase().getBrand()).isEqualTo("Apple");
    }

    @Test
    void aQuietGapClosesTheCaseAndTheNextComplaintOpensAnother() {
        feed(
                unlinked(complaint("1", "100", hours(0), "Amazon")),
                answering(brandReply("2", "Amazon", hours(1), "1"), "100"));
        assertThat(closed).isEmpty();

        feed(unlinked(complaint("3", "100", hours(1 + 72), "Amazon")));
        assertThat(closed).hasSize(1);
        assertThat(closed.get(0).getClosesAt()).isEqualTo(hours(73));
        assertThat(closed.get(0).getNeedsHorizon()).isFalse();

        closeAtEnd();
        assertThat(closed).hasSize(2);
        assertThat(closed.get(1).getCaseRow().getOutcome()).isEqualTo(Outcome.OPEN);
    }

    @Test
    void aConversationThatNeverGoesQuietIsCutAtTheMaximumCaseLengthAndStaysOpen() {
        CaseAssembler shortCases =
                Posts.assembler(
                        new CaseRules(
                                Duration.ofHours(72),
                                Duration.ofDays(7),
                                Duration.ofHours(24),
                                Duration.ofDays(30),
                                Duration.ofDays(10)));
        List<CaseDraft> cut = new ArrayList<>();
        for (int day = 0; day <= 10; day += 2) {
            cut.addAll(
                    shortCases
                            .accept(
                                    CUSTOMER,
                                    timeline,
                                    unlinked(
                                            complaint("c" + day, "100", hours(24 * day), "Amazon")))
                            .drafts());
        }
        assertThat(shortCases.closesAt(timeline))
                .as("the post on day 10 came after the cut and began a new conversation,")
                .as("held open for the reply window of its unanswered post")
                .isEqualTo(hours(24 * 17));
        assertThat(cut).singleElement().satisfies(d -> assertThat(d.getCutAtMaxLength()).isTrue());

        CaseRecord row = Censoring.settle(cut.get(0), hours(24 * 20), Posts.SCHEDULES).getCaseRow();
        assertThat(row.getCensoredAt()).isEqualTo(hours(24 * 10));
        assertThat(row.getSecondsToCensor()).isEqualTo(10 * 86_400L);
        assertThat(row.getClosedBy()).isEqualTo(CloseReason.MAX_LENGTH);
        assertThat(row.getOutcome()).as("still going, not abandoned").isEqualTo(Outcome.OPEN);
        assertThat(row.getPersistence()).isEqualTo(5);
    }

    @Test
    void oneCustomerWritingToTwoBrandsMakesTwoCases() {
        feed(
                unlinked(complaint("1", "100", minutes(0), "Amazon")),
                unlinked(complaint("2", "100", minutes(1), "Apple")),
                answering(brandReply("3", "Apple", minutes(4), "2"), "100"));
        closeAtEnd();

        assertThat(closed)
                .extracting(d -> d.getCaseRow().getBrand() + ":" + d.getCaseRow().getOutcome())
                .containsExactlyInAnyOrder("Amazon:OPEN", "Apple:REPLIED");
    }

    @Test
    void aPostWithoutAnyBrandEvidenceIsNotACase() {
        feed(unlinked(complaint("1", "100", minutes(0), null)));
        CaseAssembler.Closed result = assembler.close(CUSTOMER, timeline, true);

        assertThat(result.drafts()).isEmpty();
        assertThat(result.unattributedPosts()).isEqualTo(1);
    }

    @Test
    void aThreadInheritsTheBrandOfItsEarliestAttributedPost() {
        feed(
                unlinked(complaint("1", "100", minutes(0), null)),
                unlinked(followUp("2", "100", minutes(1), "1")),
                answering(brandReply("3", "Tesco", minutes(20), "2"), "100"));
        closeAtEnd();

        CaseRecord row = onlyCase();
        assertThat(row.getBrand()).isEqualTo("Tesco");
        assertThat(row.getOpenedAt()).isEqualTo(minutes(0));
        assertThat(row.getBrandAttribution()).isEqualTo(BrandAttribution.THREAD);
        assertThat(row.getSecondsToFirstReply()).isEqualTo(20 * 60L);
    }

    @Test
    void censoringStopsAtTheSessionCloseOrTheHorizonWhicheverComesFirst() {
        feed(unlinked(complaint("1", "100", hours(0), "Amazon")));
        closeAtEnd();
        CaseDraft draft = closed.get(0);

        CaseRecord byHorizon = Censoring.settle(draft, hours(10), Posts.SCHEDULES).getCaseRow();
        assertThat(byHorizon.getClosedBy()).isEqualTo(CloseReason.HORIZON);
        assertThat(byHorizon.getSecondsToCensor()).isEqualTo(10 * 3600L);
        assertThat(byHorizon.getBusinessSecondsToCensor())
                .as("Tuesday 10:00 to 20:00")
                .isEqualTo(7 * 3600L);
        assertThat(draft.getExchangeRows().get(0).getSecondsToCensor()).isEqualTo(10 * 3600L);

        CaseRecord byInactivity = Censoring.settle(draft, hours(500), Posts.SCHEDULES).getCaseRow();
        assertThat(byInactivity.getClosedBy()).isEqualTo(CloseReason.INACTIVITY);
        assertThat(byInactivity.getCensoredAt())
                .as("an unanswered post is watched for a reply for the whole 7-day reply window")
                .isEqualTo(hours(7 * 24));
        assertThat(byInactivity.getSecondsToCensor()).isEqualTo(7 * 24 * 3600L);
    }

    @Test
    void aReplyInsideTheReplyWindowCountsAfterTheInactivityGapHasPassed() {
        feed(
                unlinked(complaint("1", "100", hours(0), "Amazon")),
                answering(brandReply("2", "Amazon", hours(100), "1"), "100"));
        assertThat(closed).as("the unanswered post held the case open past the gap").isEmpty();
        assertThat(assembler.closesAt(timeline)).isEqualTo(hours(100 + 72));
        closeAtEnd();

        CaseRecord row = onlyCase();
        assertThat(row.getFirstReplyAt()).isEqualTo(hours(100));
        assertThat(row.getOutcome()).isEqualTo(Outcome.REPLIED);
        assertThat(exchanges())
                .singleElement()
                .satisfies(e -> assertThat(e.getSecondsToReply()).isEqualTo(100 * 3600L));
    }

    @Test
    void aCustomerPostAfterTheGapStillOpensANewCaseWhileTheOldOneWaitsForItsReply() {
        feed(
                unlinked(complaint("1", "100", hours(0), "Amazon")),
                unlinked(complaint("3", "100", hours(80), "Amazon")),
                answering(brandReply("2", "Amazon", hours(100), "1"), "100"));
        closeAtEnd();

        assertThat(closed)
                .extracting(
                        d -> d.getCaseRow().getOpenedAt() + ":" + d.getCaseRow().getFirstReplyAt())
                .containsExactlyInAnyOrder(hours(0) + ":" + hours(100), hours(80) + ":null");
    }

    @Test
    void repliedCasesCarryNoSecondsToCensor() {
        feed(
                unlinked(complaint("1", "100", minutes(0), "Amazon")),
                answering(brandReply("2", "Amazon", minutes(3), "1"), "100"));
        closeAtEnd();

        CaseDraft settled = Censoring.settle(closed.get(0), hours(1), Posts.SCHEDULES);
        assertThat(settled.getCaseRow().getSecondsToCensor()).isNull();
        assertThat(settled.getExchangeRows().get(0).getCensoredAt()).isNull();
    }

    @Test
    void aCustomerConfirmingAfterTheBrandsReplyResolvesTheCaseAtTheirPost() {
        feed(
                unlinked(complaint("1", "100", minutes(0), "Apple")),
                answering(brandReply("2", "Apple", minutes(10), "1"), "100"),
                answeringBrand(
                        reading(followUp("3", "100", minutes(40), "2"), BY_CUSTOMER), "Apple"));
        closeAtEnd();

        CaseRecord row = onlyCase();
        assertThat(row.getOutcome()).isEqualTo(Outcome.RESOLVED);
        assertThat(row.getOutcomeSource()).isEqualTo(OutcomeSource.CUSTOMER_CONFIRMATION);
        assertThat(row.getFirstResolutionAt()).isEqualTo(minutes(40));
        assertThat(row.getFullResolutionAt()).isEqualTo(minutes(40));
        assertThat(row.getSecondsToFirstResolution()).isEqualTo(40 * 60L);
    }

    @Test
    void aBrandsConfirmedActionResolvesTheCaseAtItsPostUnlessTheCustomerComesBack() {
        feed(
                unlinked(complaint("1", "100", minutes(0), "Amazon")),
                answering(reading(brandReply("2", "Amazon", minutes(30), "1"), BY_BRAND), "100"));
        closeAtEnd();
        assertThat(onlyCase().getOutcomeSource()).isEqualTo(OutcomeSource.BRAND_CONFIRMATION);
        assertThat(onlyCase().getFirstResolutionAt()).isEqualTo(minutes(30));

        closed.clear();
        feed(
                unlinked(complaint("1", "100", minutes(0), "Amazon")),
                answering(reading(brandReply("2", "Amazon", minutes(30), "1"), BY_BRAND), "100"),
                answeringBrand(followUp("3", "100", minutes(90), "2"), "Amazon"));
        closeAtEnd();
        assertThat(onlyCase().getOutcome())
                .as("\"nothing on my card yet\": the brand's word is withdrawn")
                .isEqualTo(Outcome.REPLIED);
        assertThat(onlyCase().getFirstResolutionAt()).isNull();
    }

    @Test
    void aTicketsResolutionComesFromItsDeskNotFromTheConversation() {
        feed(
                Posts.event("T1", CaseEventType.OPENED, Channel.PHONE, minutes(0)),
                unlinked(complaint("1", "100", minutes(5), "Amazon")),
                answering(reading(brandReply("2", "Amazon", minutes(30), "1"), BY_BRAND), "100"));
        closeAtEnd();

        assertThat(onlyCase().getTicketId()).isEqualTo("T1");
        assertThat(onlyCase().getFirstResolutionAt()).isNull();
    }

    private static final ResolutionReading BY_CUSTOMER = ResolutionReading.CONFIRMED_BY_CUSTOMER;
    private static final ResolutionReading BY_BRAND = ResolutionReading.CONFIRMED_BY_BRAND;

    /** The post as the adapter would have read a text confirming a resolution. */
    private static Post reading(Post post, ResolutionReading reading) {
        post.setResolutionReading(reading);
        return post;
    }

    @Test
    void customerIdsAreKeyedHashesThatDependOnTheSalt() {
        feed(unlinked(complaint("1", "100", minutes(0), "Amazon")));
        closeAtEnd();
        String id = onlyCase().getCustomerId();

        assertThat(id).hasSize(32).doesNotContain("100");
        assertThat(new Pseudonymizer("test-salt").pseudonym("customer", CUSTOMER)).isEqualTo(id);
        assertThat(new Pseudonymizer("other-salt").pseudonym("customer", CUSTOMER))
                .isNotEqualTo(id);
    }

    private void feed(TimelineItem... posts) {
        for (TimelineItem post : posts) {
            closed.addAll(assembler.accept(CUSTOMER, timeline, post).drafts());
        }
    }

    private void closeAtEnd() {
        closed.addAll(assembler.close(CUSTOMER, timeline, true).drafts());
        assertThat(timeline.getItems()).isEmpty();
    }

    private CaseRecord onlyCase() {
        assertThat(closed).hasSize(1);
        return closed.get(0).getCaseRow();
    }

    private List<ExchangeRecord> exchanges() {
        return closed.get(0).getExchangeRows();
    }
}
