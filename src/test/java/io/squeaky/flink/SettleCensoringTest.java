package io.squeaky.flink;

import static io.squeaky.cases.Posts.complaint;
import static io.squeaky.cases.Posts.hours;
import static io.squeaky.cases.Posts.unlinked;
import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.cases.CaseAssembler;
import io.squeaky.cases.CaseRules;
import io.squeaky.cases.Posts;
import io.squeaky.records.CaseDraft;
import io.squeaky.records.CaseRecord;
import io.squeaky.records.CloseReason;
import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.util.KeyedBroadcastOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class SettleCensoringTest {

    private final CaseAssembler assembler =
            Posts.assembler(new CaseRules(Duration.ofHours(72), Duration.ofDays(7)));

    @Test
    void draftsClosedAtTheEndWaitForTheHorizonThenLeaveWithTheirExchanges() throws Exception {
        try (KeyedBroadcastOperatorTestHarness<String, CaseDraft, Long, CaseRecord> harness =
                ProcessFunctionTestHarnesses.forKeyedBroadcastProcessFunction(
                        new SettleCensoring(
                                Posts.SCHEDULES, io.squeaky.metrics.StatsPeriod.DAY, true),
                        d -> d.getCaseRow().getCaseId(),
                        Types.STRING,
                        SettleCensoring.HORIZON)) {
            CaseDraft draft = openCaseClosedAtEnd(hours(0));
            harness.processElement(draft, hours(0));
            assertThat(harness.extractOutputValues()).isEmpty();
            assertThat(keyedStateEntries(harness)).isEqualTo(1);

            harness.processBroadcastElement(hours(5), Long.MAX_VALUE);

            assertThat(harness.extractOutputValues())
                    .singleElement()
                    .satisfies(
                            row -> {
                                assertThat(row.getClosedBy()).isEqualTo(CloseReason.HORIZON);
                                assertThat(row.getSecondsToCensor()).isEqualTo(5 * 3600L);
                            });
            assertThat(harness.getSideOutput(SettleCensoring.EXCHANGES)).hasSize(1);
            assertThat(harness.getSideOutput(SettleCensoring.CASE_INTERVALS))
                    .as("unanswered, censored at the horizon five hours on")
                    .extracting(r -> r.getValue().getStopSeconds() + " " + r.getValue().getEvent())
                    .last()
                    .isEqualTo(5 * 3600L + " false");
            assertThat(keyedStateEntries(harness)).isZero();
        }
    }

    @Test
    void theDataHorizonIsTheLatestEventTimeAndLeavesNoState() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<Integer, Long, Long> harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new DataHorizon(), t -> 0, Types.INT)) {
            for (long t : List.of(hours(3), hours(9), hours(1))) {
                harness.processElement(t, t);
            }
            harness.processWatermark(Long.MAX_VALUE);

            assertThat(harness.extractOutputValues()).containsExactly(hours(9));
            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numEventTimeTimers()).isZero();
        }
    }

    private static int keyedStateEntries(KeyedBroadcastOperatorTestHarness<?, ?, ?, ?> harness) {
        return ((HeapKeyedStateBackend<?>) harness.getOperator().getKeyedStateBackend())
                .numKeyValueStateEntries();
    }

    private CaseDraft openCaseClosedAtEnd(long openedAt) {
        var timeline = CaseAssembler.emptyTimeline();
        assembler.accept(
                "twitter:100", timeline, unlinked(complaint("1", "100", openedAt, "Uber")));
        return assembler.close("twitter:100", timeline, true).drafts().get(0);
    }
}
