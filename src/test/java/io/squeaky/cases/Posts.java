package io.squeaky.cases;

import io.squeaky.clock.ScheduleBook;
import io.squeaky.ingest.PostFactory;
import io.squeaky.pressure.PressureThresholds;
import io.squeaky.records.CaseEvent;
import io.squeaky.records.CaseEventType;
import io.squeaky.records.Channel;
import io.squeaky.records.LinkedPost;
import io.squeaky.records.Post;
import io.squeaky.records.TicketStatus;
import io.squeaky.records.TimelineItem;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Posts for tests, at times counted from a fixed start, reading like the story they tell. */
public final class Posts {

    /** A Tuesday, 10:00 UTC: inside the default office hours. */
    public static final Instant T0 = Instant.parse("2017-10-31T10:00:00Z");

    /** The bundled schedules: every brand on Monday-Friday 09:00-17:00, here in UTC. */
    public static final ScheduleBook SCHEDULES = ScheduleBook.bundled(Map.of());

    private Posts() {}

    public static long at(Duration sinceStart) {
        return T0.plus(sinceStart).toEpochMilli();
    }

    public static long minutes(long m) {
        return at(Duration.ofMinutes(m));
    }

    public static long hours(long h) {
        return at(Duration.ofHours(h));
    }

    public static Post complaint(String id, String customer, long at, String addressedBrand) {
        return base(id, customer, at).setAddressedBrand(addressedBrand).build();
    }

    public static Post followUp(String id, String customer, long at, String parent) {
        return base(id, customer, at).setParentPostId(parent).build();
    }

    public static Post brandReply(String id, String brand, long at, String parent) {
        return base(id, brand + "Help", at)
                .setAuthorIsBrand(true)
                .setBrand(brand)
                .setParentPostId(parent)
                .build();
    }

    public static Post handoff(String id, String brand, long at, String parent) {
        Post post = brandReply(id, brand, at, parent);
        post.setPrivateHandoff(true);
        return post;
    }

    /** A root post, or a reply whose parent never reached the linker. */
    public static TimelineItem unlinked(Post post) {
        return item(new LinkedPost(post, false, null, null, false, null));
    }

    /** A reply to a customer's post. */
    public static TimelineItem answering(Post post, String customer) {
        return item(new LinkedPost(post, true, customer, null, false, null));
    }

    /** A customer's reply to a brand's post. */
    public static TimelineItem answeringBrand(Post post, String brand) {
        return item(new LinkedPost(post, true, brand + "Help", brand + "Help", true, brand));
    }

    /** Someone else's retweet, quote or reply of a customer's post. */
    public static TimelineItem amplifying(Post post, String customer) {
        return TimelineItem.newBuilder()
                .setPost(new LinkedPost(post, true, customer, null, false, null))
                .setAmplifies(true)
                .build();
    }

    public static TimelineItem event(
            String ticket, CaseEventType type, Channel channel, long at, String... postIds) {
        return TimelineItem.newBuilder()
                .setCaseEvent(
                        CaseEvent.newBuilder()
                                .setTicketId(ticket)
                                .setBrand("Amazon")
                                .setCustomerId("c-" + ticket)
                                .setSocialHandle("100")
                                .setChannel(channel)
                                .setEventType(type)
                                .setStatus(null)
                                .setOccurredAt(at)
                                .setPostIds(List.of(postIds))
                                .setSourceFormat("service-desk-csv")
                                .setPosition(0)
                                .build())
                .build();
    }

    public static TimelineItem statusChange(String ticket, TicketStatus status, long at) {
        TimelineItem item = event(ticket, CaseEventType.STATUS_CHANGE, Channel.PHONE, at);
        item.getCaseEvent().setStatus(status);
        return item;
    }

    public static CaseAssembler assembler(CaseRules rules) {
        return new CaseAssembler(
                rules, new Pseudonymizer("test-salt"), SCHEDULES, PressureThresholds.bundled());
    }

    private static TimelineItem item(LinkedPost post) {
        return TimelineItem.newBuilder().setPost(post).build();
    }

    private static Post.Builder base(String id, String author, long at) {
        return PostFactory.newPost("twcs").setPostId(id).setAuthorId(author).setCreatedAt(at);
    }
}
