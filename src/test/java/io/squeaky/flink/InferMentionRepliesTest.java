package io.squeaky.flink;

import static io.squeaky.cases.Posts.complaint;
import static io.squeaky.cases.Posts.hours;
import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.cases.CaseRules;
import io.squeaky.records.Post;
import java.time.Duration;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InferMentionRepliesTest {

    private static final Duration WINDOW = Duration.ofDays(7);

    private KeyedOneInputStreamOperatorTestHarness<String, Post, Post> harness;

    @BeforeEach
    void startHarness() throws Exception {
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        new InferMentionReplies(new CaseRules(Duration.ofHours(72), WINDOW)),
                        new InferMentionReplies.ByAccount(),
                        Types.STRING);
    }

    @AfterEach
    void closeHarness() throws Exception {
        harness.close();
    }

    @Test
    void aBrandPostAddressingAnAccountAnswersItsLatestPostEvenArrivingFirst() throws Exception {
        send(brandPost("9", hours(5), "maria"));
        send(customer("1", "Maria", hours(0), "Citibanamex"));
        send(customer("2", "Maria", hours(4), null));
        send(customer("3", "Maria", hours(6), "Citibanamex"));
        assertThat(harness.extractOutputValues())
                .as("the account's own posts pass at once")
                .extracting(Post::getPostId)
                .containsExactly("1", "2", "3");

        harness.processWatermark(hours(5));

        assertThat(harness.extractOutputValues())
                .filteredOn(p -> p.getPostId().equals("9"))
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.getParentPostId())
                                    .as("the latest before it, not the later one")
                                    .isEqualTo("2");
                            assertThat(p.getParentInferred()).isTrue();
                        });
    }

    @Test
    void aPostToAnotherBrandOrOutsideTheWindowIsNotAnswered() throws Exception {
        send(customer("1", "maria", hours(0), "Citibanamex"));
        send(customer("2", "maria", hours(1), "Amazon"));
        send(brandPost("9", hours(2), "maria"));
        send(brandPost("10", hours(24 * 8), "maria"));
        send(brandPost("11", hours(3), "nobody"));

        harness.processWatermark(Long.MAX_VALUE);

        assertThat(harness.extractOutputValues())
                .filteredOn(p -> p.getAuthorIsBrand())
                .extracting(p -> p.getPostId() + ":" + p.getParentPostId())
                .containsExactlyInAnyOrder("9:1", "10:null", "11:null");
        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    @Test
    void stateAndTimersReturnToZeroOnceTheReplyWindowHasPassed() throws Exception {
        send(customer("1", "maria", hours(0), "Citibanamex"));
        send(brandPost("9", hours(1), "maria"));
        harness.processWatermark(hours(1));
        assertThat(harness.numKeyedStateEntries()).isPositive();

        harness.processWatermark(hours(0) + WINDOW.toMillis());

        assertThat(harness.numKeyedStateEntries()).isZero();
        assertThat(harness.numEventTimeTimers()).isZero();
    }

    private static Post customer(String id, String handle, long at, String brand) {
        Post post = complaint(id, "u-" + handle, at, brand);
        post.setAuthorHandle(handle);
        post.setSourceFormat("rtweet");
        return post;
    }

    private static Post brandPost(String id, long at, String addressed) {
        Post post = complaint(id, "92367652", at, null);
        post.setAuthorHandle("Citibanamex");
        post.setAuthorIsBrand(true);
        post.setBrand("Citibanamex");
        post.setAddressedHandle(addressed);
        post.setSourceFormat("rtweet");
        return post;
    }

    private void send(Post post) throws Exception {
        harness.processElement(post, post.getCreatedAt());
    }
}
