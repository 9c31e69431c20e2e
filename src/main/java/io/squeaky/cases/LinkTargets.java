package io.squeaky.cases;

import io.squeaky.records.Post;

/** The post a post points at: the one it replies to, else the one it quotes or retweets. */
public final class LinkTargets {

    private LinkTargets() {}

    public static String target(Post post) {
        if (post.getParentPostId() != null) {
            return post.getParentPostId();
        }
        return post.getQuoteOf() != null ? post.getQuoteOf() : post.getRetweetOf();
    }
}
