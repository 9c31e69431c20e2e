package io.squeaky.flink;

import static io.squeaky.cases.Posts.complaint;
import static io.squeaky.cases.Posts.hours;
import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.cases.LateIdentities;
import io.squeaky.cases.PersonKeys;
import io.squeaky.cases.Pseudonymizer;
import io.squeaky.records.LateRecord;
import io.squeaky.records.Post;
import io.squeaky.records.SourceRecord;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobWatermarkGateTest {

    private OneInputStreamOperatorTestHarness<SourceRecord, Post> harness;

    @BeforeEach
    void open() throws Exception {
        harness =
                new OneInputStreamOperatorTestHarness<>(
                        new JobWatermarkGate(
                                new AdmitPosts(
                                        new LateIdentities(
                                                new Pseudonymizer("test-salt"),
                                                PersonKeys.withoutIdentities()))));
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void anIdleInputNeverTurnsTheGatesOutputIdle() throws Exception {
        send("1", hours(1));
        harness.processWatermark(hours(1));
        harness.processWatermarkStatus(WatermarkStatus.IDLE);
        harness.processWatermarkStatus(WatermarkStatus.ACTIVE);
        send("2", hours(2));
        harness.processWatermark(hours(2));

        assertThat(harness.getOutput())
                .as("records and watermarks in the order they came, and no status at all")
                .extracting(JobWatermarkGateTest::describe)
                .containsExactly(
                        "post 1", "watermark " + hours(1), "post 2", "watermark " + hours(2));
    }

    @Test
    void aPostBehindTheGatesWatermarkIsLateAndKept() throws Exception {
        harness.processWatermark(hours(5));
        send("3", hours(4));

        assertThat(harness.extractOutputValues()).isEmpty();
        assertThat(harness.getSideOutput(AdmitPosts.LATE))
                .singleElement()
                .satisfies(
                        row -> {
                            LateRecord late = row.getValue();
                            assertThat(late.getRecordId()).isEqualTo("twitter:3");
                            assertThat(late.getLatenessSeconds()).isEqualTo(3600L);
                            assertThat(late.getReason()).contains("--idleness");
                            assertThat(late.getPost().getAuthorId()).isNotEqualTo("cust3");
                        });
    }

    private void send(String id, long at) throws Exception {
        SourceRecord record =
                SourceRecord.newBuilder().setPost(complaint(id, "cust" + id, at, "Amazon")).build();
        harness.processElement(new StreamRecord<>(record, at));
    }

    private static String describe(Object element) {
        if (element instanceof StreamRecord<?> record) {
            return "post " + ((Post) record.getValue()).getPostId();
        }
        if (element instanceof Watermark mark) {
            return "watermark " + mark.getTimestamp();
        }
        return element.toString();
    }
}
