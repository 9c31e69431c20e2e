package io.squeaky.flink;

import io.squeaky.cases.CaseRules;
import io.squeaky.cases.MentionRule;
import io.squeaky.records.Post;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.java.functions.KeySelector;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by account handle: links brand replies of exports without reply ids by the {@link
 * MentionRule}. An account's own posts pass at once and are remembered for the reply window; a
 * brand post addressing the account waits until event time reaches it, when every post of the
 * account before it has arrived, then leaves with the parent the rule finds (or none). Other posts
 * pass untouched.
 *
 * <p>State: the account's posts, each until its time plus the reply window; the waiting brand
 * posts, until their time. Every entry has a timer that removes it.
 */
public final class InferMentionReplies extends KeyedProcessFunction<String, Post, Post> {

    private final CaseRules rules;
    private final MentionRule rule;

    private transient MapState<String, Post> accountPosts;
    private transient MapState<Long, List<Post>> waiting;
    private transient Count inferred;

    public InferMentionReplies(CaseRules rules) {
        this.rules = rules;
        this.rule = new MentionRule(rules);
    }

    @Override
    public void open(OpenContext openContext) {
        AvroTypeInfo<Post> postType = new AvroTypeInfo<>(Post.class);
        accountPosts =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>("account-posts", Types.STRING, postType));
        waiting =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "waiting-replies", Types.LONG, Types.LIST(postType)));
        inferred = new Count(getRuntimeContext(), Counters.MENTION_INFERRED);
    }

    @Override
    public void processElement(Post post, Context ctx, Collector<Post> out) throws Exception {
        long at = post.getCreatedAt();
        if (post.getAddressedHandle() != null && post.getParentPostId() == null) {
            List<Post> due = waiting.get(at);
            if (due == null) {
                due = new ArrayList<>(1);
            }
            due.add(post);
            waiting.put(at, due);
            ctx.timerService().registerEventTimeTimer(at);
            return;
        }
        out.collect(post);
        if (MentionRule.answerable(post)) {
            accountPosts.put(post.getPostId(), post);
            ctx.timerService().registerEventTimeTimer(at + rules.replyWindowMillis());
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Post> out) throws Exception {
        List<Post> due = waiting.get(timestamp);
        if (due != null) {
            waiting.remove(timestamp);
            for (Post reply : due) {
                Post parent = rule.parent(accountPosts.values(), reply);
                if (parent != null) {
                    reply.setParentPostId(parent.getPostId());
                    reply.setParentInferred(true);
                    inferred.inc();
                }
                out.collect(reply);
            }
        }
        // After the replies of this instant: a reply exactly one window after a post still links.
        List<String> expired = new ArrayList<>();
        for (Iterator<Map.Entry<String, Post>> it = accountPosts.iterator(); it.hasNext(); ) {
            Map.Entry<String, Post> entry = it.next();
            if (entry.getValue().getCreatedAt() + rules.replyWindowMillis() <= timestamp) {
                expired.add(entry.getKey());
            }
        }
        for (String id : expired) {
            accountPosts.remove(id);
        }
    }

    /** The account a post speaks for: the one a brand post addresses, else its author. */
    public static final class ByAccount implements KeySelector<Post, String> {
        @Override
        public String getKey(Post post) {
            String account =
                    post.getAddressedHandle() != null
                            ? post.getAddressedHandle()
                            : post.getAuthorHandle() != null
                                    ? post.getAuthorHandle()
                                    : post.getAuthorId();
            return post.getNetwork() + ":" + account.toLowerCase(Locale.ROOT);
        }
    }
}
