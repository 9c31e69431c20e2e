package io.squeaky.cases;

import io.squeaky.clock.ScheduleBook;
import io.squeaky.ingest.PostFactory;
import io.squeaky.records.LinkedPost;
import io.squeaky.records.Post;
import java.time.Duration;
import java.time.Instant;
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
    public static LinkedPost unlinked(Post post) {
        return new LinkedPost(post, false, null, false, null);
    }

    /** A reply to a customer's post. */
    public static LinkedPost answering(Post post, String customer) {
        return new LinkedPost(post, true, customer, false, null);
    }

    /** A customer's reply to a brand's post. */
    public static LinkedPost answeringBrand(Post post, String brand) {
        return new LinkedPost(post, true, brand + "Help", true, brand);
    }

    private static Post.Builder base(String id, String author, long at) {
        return PostFactory.newPost("twcs").setPostId(id).setAuthorId(author).setCreatedAt(at);
    }
}
