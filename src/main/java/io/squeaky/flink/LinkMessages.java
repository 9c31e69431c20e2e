package io.squeaky.flink;

import io.squeaky.cases.LinkTargets;
import io.squeaky.records.LinkMessage;
import io.squeaky.records.LinkRole;
import io.squeaky.records.Post;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.util.Collector;

/**
 * Addresses a post to the reply linker: to its own key, where its replies will look for it, and,
 * when it replies to something, to its parent's key, where it learns who it answers.
 */
public final class LinkMessages implements FlatMapFunction<Post, LinkMessage> {

    @Override
    public void flatMap(Post post, Collector<LinkMessage> out) {
        out.collect(new LinkMessage(LinkRole.SELF, post));
        if (LinkTargets.target(post) != null) {
            out.collect(new LinkMessage(LinkRole.CHILD, post));
        }
    }

    /** The post a message is about: its own id, or the id of the post it replies to. */
    public static final class ByTargetPost implements KeySelector<LinkMessage, String> {
        @Override
        public String getKey(LinkMessage message) {
            Post post = message.getPost();
            String id =
                    message.getRole() == LinkRole.SELF
                            ? post.getPostId()
                            : LinkTargets.target(post);
            return post.getNetwork() + ":" + id;
        }
    }
}
