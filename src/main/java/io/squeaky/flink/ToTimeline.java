package io.squeaky.flink;

import io.squeaky.cases.PersonKeys;
import io.squeaky.records.LinkedPost;
import io.squeaky.records.Post;
import io.squeaky.records.TimelineItem;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Turns linked posts into what customers' timelines hold: their own posts, brands' replies to them,
 * and amplifications of their posts by others (retweets, quotes, replies). Counts the rest:
 * retweets of no customer's post and brand posts that answer no customer.
 */
public final class ToTimeline extends ProcessFunction<LinkedPost, TimelineItem> {

    private transient Count retweets;
    private transient Count notCustomerTraffic;

    @Override
    public void open(OpenContext openContext) {
        retweets = new Count(getRuntimeContext(), Counters.RETWEETS);
        notCustomerTraffic = new Count(getRuntimeContext(), Counters.NOT_CUSTOMER_TRAFFIC);
    }

    @Override
    public void processElement(LinkedPost linked, Context ctx, Collector<TimelineItem> out) {
        Post post = linked.getPost();
        boolean targetIsCustomerPost = linked.getParentKnown() && !linked.getParentIsBrand();
        if (post.getParentPostId() == null
                && (post.getRetweetOf() != null || post.getQuoteOf() != null)) {
            if (targetIsCustomerPost && !post.getAuthorIsBrand()) {
                out.collect(item(linked, true));
            } else if (post.getRetweetOf() != null) {
                retweets.inc();
            } else {
                out.collect(item(linked, false));
            }
            return;
        }
        if (post.getAuthorIsBrand()) {
            if (targetIsCustomerPost) {
                out.collect(item(linked, false));
            } else {
                notCustomerTraffic.inc();
            }
            return;
        }
        out.collect(item(linked, false));
        if (targetIsCustomerPost && !post.getAuthorId().equals(linked.getParentAuthorId())) {
            out.collect(item(linked, true));
        }
    }

    private static TimelineItem item(LinkedPost post, boolean amplifies) {
        return TimelineItem.newBuilder().setPost(post).setAmplifies(amplifies).build();
    }

    /** The customer whose timeline an item belongs to. */
    public static final class ByPerson implements KeySelector<TimelineItem, String> {

        private final PersonKeys keys;

        public ByPerson(PersonKeys keys) {
            this.keys = keys;
        }

        @Override
        public String getKey(TimelineItem item) {
            return item.getPost() != null
                    ? PersonKeys.forPost(item.getPost(), item.getAmplifies())
                    : keys.forEvent(item.getCaseEvent());
        }
    }
}
