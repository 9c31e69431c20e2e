package io.squeaky.flink;

import io.squeaky.cases.CaseRules;
import io.squeaky.cases.LinkTargets;
import io.squeaky.records.LinkMessage;
import io.squeaky.records.LinkRole;
import io.squeaky.records.LinkedPost;
import io.squeaky.records.Post;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.formats.avro.typeutils.AvroTypeInfo;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by post id: tells each reply who wrote the post it answers. The post itself (SELF) is kept
 * for the reply window; its replies (CHILD) wait until event time reaches them, then leave with the
 * parent's author, or as unlinked if the parent never came. Root posts leave from their own key.
 * Every post leaves exactly once, from one key, so duplicates are dropped here.
 *
 * <p>State: the post, until its timestamp plus the reply window; each reply, until its timestamp
 * plus the reply window (to recognise a re-sent copy). Every entry has a timer that removes it.
 */
public final class ReplyLinker extends KeyedProcessFunction<String, LinkMessage, LinkedPost> {

    private final CaseRules rules;

    private transient ValueState<Post> self;
    private transient MapState<String, Post> replies;
    private transient Count duplicates;

    public ReplyLinker(CaseRules rules) {
        this.rules = rules;
    }

    @Override
    public void open(OpenContext openContext) {
        AvroTypeInfo<Post> postType = new AvroTypeInfo<>(Post.class);
        self = getRuntimeContext().getState(new ValueStateDescriptor<>("self", postType));
        replies =
                getRuntimeContext()
                        .getMapState(new MapStateDescriptor<>("replies", Types.STRING, postType));
        duplicates = new Count(getRuntimeContext(), Counters.DUPLICATES);
    }

    @Override
    public void processElement(LinkMessage message, Context ctx, Collector<LinkedPost> out)
            throws Exception {
        Post post = message.getPost();
        long at = post.getCreatedAt();
        if (message.getRole() == LinkRole.SELF) {
            if (self.value() != null) {
                if (LinkTargets.target(post) == null) {
                    duplicates.inc();
                }
                return;
            }
            self.update(post);
            ctx.timerService().registerEventTimeTimer(expiry(at));
            if (LinkTargets.target(post) == null) {
                ctx.timerService().registerEventTimeTimer(at);
            }
        } else {
            if (replies.contains(post.getPostId())) {
                duplicates.inc();
                return;
            }
            replies.put(post.getPostId(), post);
            ctx.timerService().registerEventTimeTimer(at);
            ctx.timerService().registerEventTimeTimer(expiry(at));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<LinkedPost> out)
            throws Exception {
        Post parent = self.value();
        if (parent != null
                && LinkTargets.target(parent) == null
                && parent.getCreatedAt() == timestamp) {
            out.collect(unlinked(parent));
        }
        List<String> expired = new ArrayList<>();
        for (Iterator<Map.Entry<String, Post>> it = replies.iterator(); it.hasNext(); ) {
            Map.Entry<String, Post> entry = it.next();
            long at = entry.getValue().getCreatedAt();
            if (at == timestamp) {
                out.collect(link(entry.getValue(), parent));
            }
            if (expiry(at) <= timestamp) {
                expired.add(entry.getKey());
            }
        }
        for (String id : expired) {
            replies.remove(id);
        }
        if (parent != null && expiry(parent.getCreatedAt()) <= timestamp) {
            self.clear();
        }
    }

    private LinkedPost link(Post reply, Post parent) {
        boolean linked =
                parent != null && rules.linksReply(parent.getCreatedAt(), reply.getCreatedAt());
        return linked
                ? new LinkedPost(
                        reply,
                        true,
                        parent.getAuthorId(),
                        parent.getAuthorHandle(),
                        parent.getAuthorIsBrand(),
                        parent.getBrand())
                : unlinked(reply);
    }

    private static LinkedPost unlinked(Post post) {
        return new LinkedPost(post, false, null, null, false, null);
    }

    private long expiry(long at) {
        return at + rules.replyWindowMillis();
    }
}
