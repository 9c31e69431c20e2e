package io.squeaky.cases;

import io.squeaky.records.Post;
import java.io.Serializable;
import java.util.Comparator;

/**
 * How a brand reply is linked when the export lost its reply ids: a brand post that begins with
 * {@code @handle} answers that account's latest post before it, within the reply window, that is
 * not addressed to another brand (whose first brand mention, if any, is this brand). Measured on
 * TWCS with its reply ids hidden, the rule finds the parent the ids name for about 97% of brand
 * replies; the links it makes are marked so that a study can leave them out.
 */
public final class MentionRule implements Serializable {

    /** Later posts first; at the same instant the larger id, as Twitter's ids grow with time. */
    private static final Comparator<Post> LATEST =
            Comparator.comparingLong(Post::getCreatedAt)
                    .thenComparing(p -> p.getPostId().length())
                    .thenComparing(Post::getPostId);

    private final CaseRules rules;

    public MentionRule(CaseRules rules) {
        this.rules = rules;
    }

    /** Whether a post can be answered through the rule: an account's own post, not a retweet. */
    public static boolean answerable(Post post) {
        return !post.getAuthorIsBrand() && post.getRetweetOf() == null;
    }

    /**
     * The post {@code reply} answers among {@code accountPosts} (the posts of the account it
     * addresses), or null.
     */
    public Post parent(Iterable<Post> accountPosts, Post reply) {
        Post best = null;
        for (Post candidate : accountPosts) {
            boolean eligible =
                    answerable(candidate)
                            && rules.linksReply(candidate.getCreatedAt(), reply.getCreatedAt())
                            && (candidate.getAddressedBrand() == null
                                    || candidate.getAddressedBrand().equals(reply.getBrand()));
            if (eligible && (best == null || LATEST.compare(candidate, best) > 0)) {
                best = candidate;
            }
        }
        return best;
    }
}
