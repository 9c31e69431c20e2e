package io.squeaky.cases;

import static io.squeaky.cases.Durations.businessSeconds;
import static io.squeaky.cases.Durations.seconds;

import io.squeaky.clock.BusinessSchedule;
import io.squeaky.records.ExchangeRecord;
import io.squeaky.records.Post;
import io.squeaky.records.TimelineItem;
import java.util.ArrayList;
import java.util.List;

/**
 * The exchanges of one case: each customer post with the brand's earliest reply to it; and the
 * persistence (customer posts before the first reply) and unanswered posts they add up to.
 */
final class ExchangeRows {

    final List<ExchangeRecord> rows = new ArrayList<>();
    int persistence;
    int unanswered;

    ExchangeRows(
            CaseParts parts,
            CaseReplies replies,
            BusinessSchedule desk,
            String caseId,
            String customerId,
            long openedAt) {
        for (TimelineItem c : parts.customer) {
            Post post = c.getPost().getPost();
            if (replies.firstReply == null || post.getCreatedAt() < replies.firstReply) {
                persistence++;
            }
            Post reply = replies.replyTo.get(post.getPostId());
            if (reply == null) {
                unanswered++;
            }
            long at = post.getCreatedAt();
            rows.add(
                    ExchangeRecord.newBuilder()
                            .setCaseId(caseId)
                            .setNetwork(post.getNetwork())
                            .setBrand(parts.brand)
                            .setCustomerId(customerId)
                            .setCaseOpenedAt(openedAt)
                            .setSeq(rows.size() + 1)
                            .setPostedAt(at)
                            .setFollowersAtPost(post.getAuthorFollowers())
                            .setRepliedAt(reply == null ? null : reply.getCreatedAt())
                            .setSecondsToReply(
                                    reply == null ? null : seconds(at, reply.getCreatedAt()))
                            .setBusinessSecondsToReply(
                                    reply == null
                                            ? null
                                            : businessSeconds(desk, at, reply.getCreatedAt()))
                            .setReplyPrivateHandoff(
                                    reply == null ? null : reply.getPrivateHandoff())
                            .setReplyLink(reply == null ? null : CaseReplies.link(reply))
                            .build());
        }
    }
}
