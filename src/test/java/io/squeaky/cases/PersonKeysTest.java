package io.squeaky.cases;

import static io.squeaky.cases.Posts.brandReply;
import static io.squeaky.cases.Posts.complaint;
import static io.squeaky.cases.Posts.event;
import static io.squeaky.cases.Posts.minutes;
import static org.assertj.core.api.Assertions.assertThat;

import io.squeaky.records.CaseEvent;
import io.squeaky.records.CaseEventType;
import io.squeaky.records.Channel;
import io.squeaky.records.LinkedPost;
import io.squeaky.records.Post;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A customer's posts, the replies to them and their tickets meet under one key. */
class PersonKeysTest {

    @Test
    void aPostAndTheBrandsReplyToItShareTheCustomersKey() {
        Post post = complaint("1", "9001", minutes(0), "Amazon");
        post.setAuthorHandle("Cust_One");
        LinkedPost own = new LinkedPost(post, false, null, null, false, null);
        LinkedPost reply =
                new LinkedPost(
                        brandReply("2", "Amazon", minutes(5), "1"),
                        true,
                        "9001",
                        "Cust_One",
                        false,
                        null);

        assertThat(PersonKeys.forPost(own, false)).isEqualTo("twitter:cust_one");
        assertThat(PersonKeys.forPost(reply, false)).isEqualTo("twitter:cust_one");
    }

    @Test
    void withoutAHandleTheAccountIdIsTheKey() {
        LinkedPost own =
                new LinkedPost(
                        complaint("1", "9001", minutes(0), "Amazon"),
                        false,
                        null,
                        null,
                        false,
                        null);

        assertThat(PersonKeys.forPost(own, false)).isEqualTo("twitter:9001");
    }

    @Test
    void aTicketMeetsThePostsThroughItsHandleOrTheIdentityMap() {
        CaseEvent withHandle =
                event("T1", CaseEventType.OPENED, Channel.PHONE, minutes(0)).getCaseEvent();
        withHandle.setSocialHandle("@Cust_One".substring(1));
        CaseEvent withoutHandle =
                event("T2", CaseEventType.OPENED, Channel.PHONE, minutes(0)).getCaseEvent();
        withoutHandle.setSocialHandle(null);
        withoutHandle.setCustomerId("C-77");

        assertThat(PersonKeys.withoutIdentities().forEvent(withHandle))
                .isEqualTo("twitter:cust_one");
        assertThat(PersonKeys.withoutIdentities().forEvent(withoutHandle))
                .isEqualTo("desk:Amazon:C-77");
        assertThat(new PersonKeys(Map.of("C-77", "Cust_Two")).forEvent(withoutHandle))
                .isEqualTo("twitter:cust_two");
    }
}
