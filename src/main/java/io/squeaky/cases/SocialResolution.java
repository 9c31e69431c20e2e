package io.squeaky.cases;

import io.squeaky.records.OutcomeSource;
import io.squeaky.records.Post;
import io.squeaky.records.TimelineItem;
import io.squeaky.text.ConversationResolution;
import io.squeaky.text.ResolutionSignal;
import io.squeaky.text.ResolutionSignal.Reading;
import java.util.ArrayList;
import java.util.List;

/**
 * A social case's resolution as its conversation tells it, by the rule {@link
 * ConversationResolution} states and ResolutionSignalQualityTest measures: at a customer post
 * confirming it after a brand reply, or at a brand post confirming a completed action that the
 * customer does not answer, within the case, with anything but a confirmation. Each post was read
 * when it was parsed, since post text goes no further than the adapters.
 */
final class SocialResolution {

    private static final ResolutionSignal SIGNAL = new ResolutionSignal();

    /** When the conversation resolved the case and on whose word; null when it did not. */
    record Resolved(long at, OutcomeSource source) {}

    private SocialResolution() {}

    static Resolved of(CaseParts parts) {
        List<TimelineItem> conversation = new ArrayList<>(parts.customer);
        conversation.addAll(parts.brandPosts);
        conversation.sort(Timeline.ORDER);
        ConversationResolution reading = new ConversationResolution(SIGNAL);
        for (TimelineItem item : conversation) {
            Post post = item.getPost().getPost();
            reading.add(
                    post.getPostId(),
                    post.getCreatedAt(),
                    Reading.valueOf(post.getResolutionReading().name()),
                    Timeline.isCustomerPost(item));
        }
        ConversationResolution.Confirmation confirmed = reading.confirmation();
        if (confirmed == null) {
            return null;
        }
        return new Resolved(
                confirmed.createdAt(),
                confirmed.reading() == Reading.CONFIRMED_BY_CUSTOMER
                        ? OutcomeSource.CUSTOMER_CONFIRMATION
                        : OutcomeSource.BRAND_CONFIRMATION);
    }
}
