package io.squeaky.flink;

import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.records.BrandSummaryLine;
import io.squeaky.records.CaseOutcome;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.Test;

class SummariseBrandsTest {

    @Test
    void eachBrandGetsOneLineAtTheEndOfTheInputAndNoStateIsLeft() throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<String, CaseOutcome, BrandSummaryLine> harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new SummariseBrands(), CaseOutcome::getBrand, Types.STRING)) {
            send(harness, outcome("Amazon", "a", 60, true));
            send(harness, outcome("Amazon", "b", 180, true));
            send(harness, outcome("Amazon", "c", 600, false));
            send(harness, outcome("Delta", "d", 120, true));
            harness.processWatermark(1_000_000L);
            assertThat(harness.extractOutputValues()).isEmpty();

            harness.processWatermark(Long.MAX_VALUE);

            assertThat(harness.extractOutputValues())
                    .extracting(
                            line ->
                                    line.getBrand()
                                            + " "
                                            + line.getCases()
                                            + " "
                                            + line.getReplied()
                                            + " "
                                            + line.getRepliedOnlyMedianMinutes())
                    .containsExactlyInAnyOrder("Amazon 3 2 2.0", "Delta 1 1 2.0");
            assertThat(harness.numKeyedStateEntries()).isZero();
            assertThat(harness.numEventTimeTimers()).isZero();
        }
    }

    private static void send(
            KeyedOneInputStreamOperatorTestHarness<String, CaseOutcome, BrandSummaryLine> harness,
            CaseOutcome outcome)
            throws Exception {
        harness.processElement(new StreamRecord<>(outcome, 0L));
    }

    private static CaseOutcome outcome(
            String brand, String customer, long replySeconds, boolean replied) {
        return CaseOutcome.newBuilder()
                .setBrand(brand)
                .setCustomerId(customer)
                .setReplied(replied)
                .setReplySeconds(replySeconds)
                .setTicket(false)
                .setResolved(false)
                .setEscalated(false)
                .build();
    }
}
