package io.squeaky.cases;

import io.squeaky.records.BrandAttribution;
import io.squeaky.records.LinkedPost;
import io.squeaky.records.Post;
import io.squeaky.records.TimelineItem;
import java.util.HashMap;
import java.util.Map;

/**
 * Which brand each customer post of a session is addressed to, by the strongest evidence: it
 * replies to the brand's post; the brand replied to it; it mentions the brand; it continues the
 * customer's own thread whose earliest attributed post was attributed.
 */
final class BrandAttributions {

    /** A post's brand and the evidence for it. */
    record Attribution(String brand, BrandAttribution how) {}

    private BrandAttributions() {}

    /**
     * @param customerPosts the session's customer posts by id, in timeline order
     * @param earliestReply the earliest brand reply to each post id
     */
    static Map<String, Attribution> of(
            Map<String, TimelineItem> customerPosts, Map<String, TimelineItem> earliestReply) {
        Map<String, Attribution> result = direct(customerPosts, earliestReply);
        // A customer's own thread shares the brand of its earliest attributed post.
        Map<String, String> threadRoot = new HashMap<>();
        Map<String, Attribution> threadBrand = new HashMap<>();
        for (TimelineItem item : customerPosts.values()) {
            String id = item.getPost().getPost().getPostId();
            String parent = item.getPost().getPost().getParentPostId();
            String root =
                    parent != null && customerPosts.containsKey(parent)
                            ? threadRoot.getOrDefault(parent, parent)
                            : id;
            threadRoot.put(id, root);
            Attribution a = result.get(id);
            if (a != null) {
                threadBrand.putIfAbsent(root, a);
            }
        }
        for (TimelineItem item : customerPosts.values()) {
            String id = item.getPost().getPost().getPostId();
            Attribution inherited = threadBrand.get(threadRoot.get(id));
            if (!result.containsKey(id) && inherited != null) {
                result.put(id, new Attribution(inherited.brand(), BrandAttribution.THREAD));
            }
        }
        return result;
    }

    private static Map<String, Attribution> direct(
            Map<String, TimelineItem> customerPosts, Map<String, TimelineItem> earliestReply) {
        Map<String, Attribution> direct = new HashMap<>();
        for (TimelineItem item : customerPosts.values()) {
            LinkedPost p = item.getPost();
            Post post = p.getPost();
            TimelineItem reply = earliestReply.get(post.getPostId());
            if (p.getParentKnown() && p.getParentIsBrand()) {
                direct.put(
                        post.getPostId(),
                        new Attribution(p.getParentBrand(), BrandAttribution.REPLY_TO_BRAND));
            } else if (reply != null) {
                direct.put(
                        post.getPostId(),
                        new Attribution(
                                reply.getPost().getPost().getBrand(),
                                BrandAttribution.BRAND_REPLY));
            } else if (post.getAddressedBrand() != null) {
                direct.put(
                        post.getPostId(),
                        new Attribution(post.getAddressedBrand(), BrandAttribution.MENTION));
            }
        }
        return direct;
    }
}
