package io.squeaky.flink;

import static io.squeaky.cases.Posts.brandReply;
import static io.squeaky.cases.Posts.complaint;
import static io.squeaky.cases.Posts.followUp;
import static io.squeaky.cases.Posts.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.cases.CaseRules;
import io.squeaky.records.LinkMessage;
import io.squeaky.records.LinkRole;
import io.squeaky.records.LinkedPost;
import io.squeaky.records.Post;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplyLinkerTest {

    private static final Duration WINDOW = Duration.ofDays(7);

    private KeyedOneInputStreamOperatorTestHarness<String, LinkMessage, LinkedPost> harness;

    @BeforeEach
    void startHarness() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new ReplyLinker(new CaseRules(Duration.ofHours(72), WINDOW)),
                        new LinkMessages.ByTargetPost(),
                        Types.STRING);
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    @Test
    void aReplyThatArrivesBeforeItsParentStillLearnsWhoItAnswers() throws Exception {
        Post complaint = complaint("1", "100", minutes(0), "Amazon");
        Post reply = brandReply("2", "Amazon", minutes(12), "1");

        send(reply);
        send(complaint);
        assertThat(harness.extractOutputValues()).isEmpty();
        harness.processWatermark(minutes(12));

        assertThat(harness.extractOutputValues())
                .extracting(
                        l ->
                                l.getPost().getPostId()
                                        + ":"
                                        + l.getParentKnown()
                                        + ":"
                                        + l.getParentAuthorId())
                .containsExactlyInAnyOrder("1:false:null", "2:true:100");
    }

    @Test
    void aReplyWhoseParentNeverCameLeavesUnlinked() throws Exception {
        send(followUp("5", "100", minutes(3), "4"));
        harness.processWatermark(minutes(3));

        assertThat(harness.extractOutputValues())
                .singleElement()
                .satisfies(
                        l -> {
                            assertThat(l.getParentKnown()).isFalse();
                            assertThat(l.getPost().getParentPostId()).isEqualTo("4");
                        });
    }

    @Test
    void aPostReadTwiceLeavesOnce() throws Exception {
        Post complaint = complaint("1", "100", minutes(0), "Amazon");
        Post reply = brandReply("2", "Amazon", minutes(12), "1");
        send(complaint);
        send(reply);
        send(complaint);
        send(reply);
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues()).hasSize(2);
    }

    @Test
    void aReplyLaterThanTheWindowIsNotLinked() throws Exception {
        send(complaint("1", "100", minutes(0), "Amazon"));
        send(brandReply("2", "Amazon", minutes(0) + WINDOW.toMillis() + 1, "1"));
        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues())
                .filteredOn(l -> l.getPost().getPostId().equals("2"))
                .singleElement()
                .satisfies(l -> assertThat(l.getParentKnown()).isFalse());
    }

    @Test
    void stateAndTimersReturnToZeroOnceTheWindowHasPassed() throws Exception {
        send(complaint("1", "100", minutes(0), "Amazon"));
        send(brandReply("2", "Amazon", minutes(12), "1"));
        send(followUp("3", "100", minutes(20), "2"));
        assertThat(harness.numKeyedStateEntries()).isPositive();

        harness.processWatermark(minutes(20) + WINDOW.toMillis());

        assertThat(harness.extractOutputValues()).hasSize(3);
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    private void send(Post post) throws Exception {
        harness.processElement(new LinkMessage(LinkRole.SELF, post), post.getCreatedAt());
        if (post.getParentPostId() != null) {
            harness.processElement(new LinkMessage(LinkRole.CHILD, post), post.getCreatedAt());
        }
    }
}
