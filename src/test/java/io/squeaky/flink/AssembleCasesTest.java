package io.squeaky.flink;

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

import io.squeaky.cases.CaseRules;
import io.squeaky.cases.PersonKeys;
import io.squeaky.cases.Posts;
import io.squeaky.cases.Timeline;
import io.squeaky.metrics.ProvisionalSchedule;
import io.squeaky.records.CaseDraft;
import io.squeaky.records.OpenCase;
import io.squeaky.records.Outcome;
import io.squeaky.records.TimelineItem;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AssembleCasesTest {

    private static final Duration GAP = Duration.ofHours(72);
    private static final Duration REPLY_WINDOW = Duration.ofDays(7);

    private KeyedOneInputStreamOperatorTestHarness<String, TimelineItem, CaseDraft> harness;

    @BeforeEach
    void startHarness() throws Exception {
        harness = harness(ProvisionalSchedule.OFF);
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    @Test
    void postsArrivingOutOfOrderAreAssembledInEventTimeOrder() throws Exception {
        send(answering(brandReply("3", "Delta", minutes(40), "2"), "100"));
        send(unlinked(followUp("2", "100", minutes(30), "1")));
        send(unlinked(complaint("1", "100", minutes(0), "Delta")));
        harness.processWatermark(minutes(40));
        assertThat(harness.extractOutputValues()).isEmpty();

        harness.processWatermark(minutes(40) + GAP.toMillis());
        assertThat(harness.extractOutputValues())
                .as("the unanswered complaint waits for its reply window")
                .isEmpty();

        harness.processWatermark(minutes(0) + REPLY_WINDOW.toMillis());

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(
                        draft -> {
                            assertThat(draft.getCaseRow().getOpenedAt()).isEqualTo(minutes(0));
                            assertThat(draft.getCaseRow().getPersistence()).isEqualTo(2);
                            assertThat(draft.getCaseRow().getSecondsToFirstReply())
                                    .isEqualTo(40 * 60L);
                            assertThat(draft.getNeedsHorizon()).isFalse();
                        });
    }

    @Test
    void theInactivityGapClosesTheCaseAndClearsStateAndTimers() throws Exception {
        send(unlinked(complaint("1", "100", hours(0), "Amazon")));
        send(answering(brandReply("2", "Amazon", hours(1), "1"), "100"));
        harness.processWatermark(hours(1) + GAP.toMillis() - 1);
        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.numKeyedStateEntries()).isPositive();

        harness.processWatermark(hours(1) + GAP.toMillis());

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(
                        draft ->
                                assertThat(draft.getClosesAt())
                                        .isEqualTo(hours(1) + GAP.toMillis()));
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aLateReplyInsideTheReplyWindowJoinsTheCaseAndLeavesNoTimerBehind() throws Exception {
        send(unlinked(complaint("1", "100", hours(0), "Amazon")));
        harness.processWatermark(hours(0));
        send(answering(brandReply("2", "Amazon", hours(100), "1"), "100"));
        harness.processWatermark(hours(100) + GAP.toMillis());

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(
                        draft -> {
                            assertThat(draft.getCaseRow().getFirstReplyAt()).isEqualTo(hours(100));
                            assertThat(draft.getClosesAt()).isEqualTo(hours(100) + GAP.toMillis());
                        });
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers())
                .as("the timer for the reply window it no longer waits for is gone")
                .isZero();
    }

    @Test
    void theEndOfInputClosesWhatIsOpenForCensoringAtTheHorizon() throws Exception {
        send(unlinked(complaint("1", "100", hours(0), "Uber")));
        send(unlinked(complaint("7", "200", hours(2), "Uber")));
        harness.processWatermark(hours(3));

        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues())
                .hasSize(2)
                .allSatisfy(
                        draft -> {
                            assertThat(draft.getNeedsHorizon()).isTrue();
                            assertThat(draft.getCaseRow().getOutcome()).isEqualTo(Outcome.OPEN);
                        });
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void anOpenSessionSendsAVersionOfItsCasesWhenItChangedAndTheirEndWhenItCloses()
            throws Exception {
        provisionalEveryHour();
        send(unlinked(complaint("1", "100", minutes(30), "Amazon")));
        send(answering(brandReply("2", "Amazon", minutes(150), "1"), "100"));
        harness.processWatermark(hours(3));

        assertThat(harness.extractOutputValues()).as("the case is still open").isEmpty();
        assertThat(harness.getSideOutput(AssembleCases.OPEN_CASES))
                .extracting(StreamRecord::getValue)
                .as(
                        "a version at the first whole hour, none at two (nothing changed), one at three")
                .extracting(OpenCase::getAsOf)
                .containsExactly(hours(1), hours(3));
        assertThat(harness.getSideOutput(AssembleCases.OPEN_CASES))
                .extracting(record -> record.getValue().getDraft().getCaseRow())
                .satisfiesExactly(
                        asOfOne -> assertThat(asOfOne.getFirstReplyAt()).isNull(),
                        asOfThree ->
                                assertThat(asOfThree.getFirstReplyAt()).isEqualTo(minutes(150)));
        assertThat(harness.numEventTimeTimers())
                .as("the closing timer only: an unchanged session waits for no instant")
                .isOne();
        int versions = harness.getSideOutput(AssembleCases.OPEN_CASES).size();

        harness.processWatermark(minutes(150) + GAP.toMillis());

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(draft -> assertThat(draft.getNeedsHorizon()).isFalse());
        assertThat(harness.getSideOutput(AssembleCases.OPEN_CASES))
                .extracting(StreamRecord::getValue)
                .as("the case's end as an open case, from the first instant after it closed")
                .hasSize(versions + 1)
                .last()
                .satisfies(
                        end -> {
                            assertThat(end.getDraft()).isNull();
                            assertThat(end.getAsOf()).isEqualTo(hours(3) + GAP.toMillis());
                        });
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers())
                .as("no provisional timer outlives the session")
                .isZero();
    }

    @Test
    void aSessionThatChangesAfterQuietInstantsSendsAVersionAtTheNextInstant() throws Exception {
        provisionalEveryHour();
        send(unlinked(complaint("1", "100", minutes(30), "Amazon")));
        send(answering(brandReply("2", "Amazon", minutes(50), "1"), "100"));
        harness.processWatermark(hours(10));
        send(answeringBrand(followUp("3", "100", minutes(620), "2"), "Amazon"));
        harness.processWatermark(hours(13));

        assertThat(harness.getSideOutput(AssembleCases.OPEN_CASES))
                .extracting(record -> record.getValue().getAsOf())
                .as("nothing at the quiet instants from two to ten, one after the follow-up")
                .containsExactly(hours(1), hours(11));
        assertThat(harness.getSideOutput(AssembleCases.OPEN_CASES))
                .last()
                .satisfies(
                        version ->
                                assertThat(
                                                version.getValue()
                                                        .getDraft()
                                                        .getCaseRow()
                                                        .getCustomerPosts())
                                        .isEqualTo(2));

        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void aBrandAskingToContinueInPrivateIsDetectedAsAHandOff() throws Exception {
        send(unlinked(complaint("1", "100", minutes(0), "Sprint")));
        send(answering(handoff("2", "Sprint", minutes(2), "1"), "100"));
        send(answeringBrand(followUp("3", "100", minutes(5), "2"), "Sprint"));
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(
                        draft -> {
                            assertThat(draft.getCaseRow().getOutcome())
                                    .isEqualTo(Outcome.HANDED_OFF_PRIVATE);
                            assertThat(draft.getCaseRow().getSecondsToHandoff()).isEqualTo(120L);
                        });
        assertThat(harness.numKeyedStateEntries()).isZero();
    }

    private void provisionalEveryHour() throws Exception {
        harness.close();
        harness = harness(ProvisionalSchedule.every(Duration.ofHours(1)));
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, TimelineItem, CaseDraft> harness(
            ProvisionalSchedule provisional) throws Exception {
        return ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                new AssembleCases(Posts.assembler(new CaseRules(GAP, REPLY_WINDOW)), provisional),
                new ToTimeline.ByPerson(PersonKeys.withoutIdentities()),
                Types.STRING);
    }

    private void send(TimelineItem item) throws Exception {
        harness.processElement(item, Timeline.time(item));
    }
}
