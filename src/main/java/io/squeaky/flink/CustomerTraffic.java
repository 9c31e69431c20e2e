package io.squeaky.flink;

import io.squeaky.records.LinkedPost;
import io.squeaky.records.Post;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps the posts that can belong to a customer's case, and counts the rest: retweets (they
 * amplify, they do not complain) and brand posts that do not answer a customer post (brand
 * announcements, a brand answering itself, replies whose parent is not in the data).
 */
public final class CustomerTraffic extends ProcessFunction<LinkedPost, LinkedPost> {

    private transient Count retweets;
    private transient Count notCustomerTraffic;

    @Override
    public void open(OpenContext openContext) {
        retweets = new Count(getRuntimeContext(), Counters.RETWEETS);
        notCustomerTraffic = new Count(getRuntimeContext(), Counters.NOT_CUSTOMER_TRAFFIC);
    }

    @Override
    public void processElement(LinkedPost post, Context ctx, Collector<LinkedPost> out) {
        if (post.getPost().getRetweetOf() != null) {
            retweets.inc();
        } else if (customerOf(post) == null) {
            notCustomerTraffic.inc();
        } else {
            out.collect(post);
        }
    }

    /** The customer whose case a post belongs to: its author, or the customer a brand answers. */
    static String customerOf(LinkedPost linked) {
        Post post = linked.getPost();
        if (!post.getAuthorIsBrand()) {
            return post.getNetwork() + ":" + post.getAuthorId();
        }
        if (linked.getParentKnown() && !linked.getParentIsBrand()) {
            return post.getNetwork() + ":" + linked.getParentAuthorId();
        }
        return null;
    }

    public static final class ByCustomer implements KeySelector<LinkedPost, String> {
        @Override
        public String getKey(LinkedPost post) {
            return customerOf(post);
        }
    }
}
