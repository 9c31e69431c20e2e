package io.squeaky.cases;

import static io.squeaky.cases.Durations.earliest;
import static io.squeaky.cases.Durations.seconds;

import io.squeaky.records.CaseEvent;
import io.squeaky.records.CaseEventType;
import io.squeaky.records.Channel;
import io.squeaky.records.Post;
import io.squeaky.records.TimelineItem;
import java.util.HashMap;
import java.util.Map;

/**
 * How the brand answered one case: its first reply on any channel, whether that reply was public,
 * its first hand-off to private messages, the earliest reply to each customer post, and, for a case
 * that began on a traditional channel and went public, when it escalated and how long the first
 * reply took from there.
 */
final class CaseReplies {

    // How a first reply was linked to the case: a post by its reply id or by the mention rule,
    // or an agent reply on the desk. Studies filter on these values, so they are part of the
    // tables' contract.
    static final String BY_REPLY_ID = "reply_id";
    static final String BY_MENTION = "mention_inferred";
    static final String BY_SERVICE_DESK = "service_desk";

    final Long firstReply;
    final boolean repliedPublicly;
    final String firstReplyLink;
    final Post handoff;
    final Map<String, Post> replyTo = new HashMap<>();
    final boolean escalated;
    final Long escalatedAt;
    final Long secondsFromEscalationToReply;

    CaseReplies(CaseParts parts, Channel firstChannel) {
        Post firstPublicPost = null;
        Post firstHandoff = null;
        for (TimelineItem b : parts.brandPosts) {
            Post reply = b.getPost().getPost();
            if (firstPublicPost == null || reply.getCreatedAt() < firstPublicPost.getCreatedAt()) {
                firstPublicPost = reply;
            }
            if (firstHandoff == null && reply.getPrivateHandoff()) {
                firstHandoff = reply;
            }
            replyTo.putIfAbsent(reply.getParentPostId(), reply);
        }
        Long firstAgentReply = null;
        Long publicAt = null;
        for (CaseEvent event : parts.events) {
            if (event.getEventType() == CaseEventType.AGENT_REPLY) {
                firstAgentReply = earliest(firstAgentReply, event.getOccurredAt());
            }
            if (isPublic(event.getChannel())) {
                publicAt = earliest(publicAt, event.getOccurredAt());
            }
        }
        Long firstPublicReply = firstPublicPost == null ? null : firstPublicPost.getCreatedAt();
        repliedPublicly =
                firstPublicReply != null
                        && (firstAgentReply == null || firstPublicReply <= firstAgentReply);
        firstReply = earliest(firstPublicReply, firstAgentReply);
        firstReplyLink =
                firstReply == null
                        ? null
                        : repliedPublicly ? link(firstPublicPost) : BY_SERVICE_DESK;
        handoff = firstHandoff;
        if (!parts.customer.isEmpty()) {
            publicAt = earliest(publicAt, Timeline.time(parts.customer.get(0)));
        }
        escalated = !isPublic(firstChannel) && publicAt != null;
        escalatedAt = escalated ? publicAt : null;
        secondsFromEscalationToReply = escalated ? fromEscalationToReply(parts) : null;
    }

    private Long fromEscalationToReply(CaseParts parts) {
        Long replyAfter = null;
        for (TimelineItem b : parts.brandPosts) {
            long at = Timeline.time(b);
            if (at >= escalatedAt) {
                replyAfter = earliest(replyAfter, at);
            }
        }
        for (CaseEvent event : parts.events) {
            if (event.getEventType() == CaseEventType.AGENT_REPLY
                    && event.getOccurredAt() >= escalatedAt) {
                replyAfter = earliest(replyAfter, event.getOccurredAt());
            }
        }
        return replyAfter == null ? null : seconds(escalatedAt, replyAfter);
    }

    static String link(Post reply) {
        return reply.getParentInferred() ? BY_MENTION : BY_REPLY_ID;
    }

    static boolean isPublic(Channel channel) {
        return channel == Channel.TWITTER || channel == Channel.FACEBOOK;
    }
}
