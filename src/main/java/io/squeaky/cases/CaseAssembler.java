package io.squeaky.cases;

import io.squeaky.clock.ScheduleBook;
import io.squeaky.records.CaseDraft;
import io.squeaky.records.CustomerTimeline;
import io.squeaky.records.LinkedPost;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Case assembly for one customer, fed with their posts (and brands' replies to them) in event-time
 * order. A session of activity closes when it has been quiet for the inactivity gap, or at the end
 * of the input; closing it yields that session's cases. The caller keeps the timeline between
 * calls, which lets a Flink operator keep it in keyed state.
 */
public final class CaseAssembler implements Serializable {

    private final CaseRules rules;
    private final Pseudonymizer pseudonyms;
    private final ScheduleBook schedules;

    public CaseAssembler(CaseRules rules, Pseudonymizer pseudonyms, ScheduleBook schedules) {
        this.rules = rules;
        this.pseudonyms = pseudonyms;
        this.schedules = schedules;
    }

    /** Cases closed by a step, and the posts that step could not place in a case. */
    public record Closed(List<CaseDraft> drafts, int unattributedPosts, int unplacedReplies) {

        static final Closed NOTHING = new Closed(List.of(), 0, 0);

        Closed plus(Closed other) {
            if (other.drafts.isEmpty()
                    && other.unattributedPosts == 0
                    && other.unplacedReplies == 0) {
                return this;
            }
            List<CaseDraft> all = new ArrayList<>(drafts);
            all.addAll(other.drafts);
            return new Closed(
                    all,
                    unattributedPosts + other.unattributedPosts,
                    unplacedReplies + other.unplacedReplies);
        }
    }

    public static CustomerTimeline emptyTimeline() {
        return CustomerTimeline.newBuilder()
                .setPosts(new ArrayList<>())
                .setLastActivity(Long.MIN_VALUE)
                .build();
    }

    /** Adds a post; first closes the session if the post comes after the inactivity gap. */
    public Closed accept(String customerKey, CustomerTimeline timeline, LinkedPost post) {
        long at = post.getPost().getCreatedAt();
        Closed closed = closeIfQuiet(customerKey, timeline, at, false);
        for (LinkedPost seen : timeline.getPosts()) {
            if (seen.getPost().getPostId().equals(post.getPost().getPostId())) {
                return closed;
            }
        }
        timeline.getPosts().add(post);
        timeline.setLastActivity(Math.max(timeline.getLastActivity(), at));
        return closed;
    }

    /**
     * Closes the session if event time has reached its last activity plus the gap. {@code atEnd}
     * says the time comes from the end of the input rather than from the data.
     */
    public Closed closeIfQuiet(
            String customerKey, CustomerTimeline timeline, long eventTime, boolean atEnd) {
        if (timeline.getPosts().isEmpty() || eventTime < closesAt(timeline)) {
            return Closed.NOTHING;
        }
        return close(customerKey, timeline, atEnd);
    }

    /** Closes the session whatever the time: at the end of the input. */
    public Closed close(String customerKey, CustomerTimeline timeline, boolean atEnd) {
        if (timeline.getPosts().isEmpty()) {
            return Closed.NOTHING;
        }
        SessionCases.Result result =
                new SessionCases(rules, pseudonyms, schedules)
                        .build(customerKey, timeline.getPosts(), closesAt(timeline), atEnd);
        timeline.setPosts(new ArrayList<>());
        timeline.setLastActivity(Long.MIN_VALUE);
        return new Closed(result.drafts(), result.unattributedPosts(), result.unplacedReplies());
    }

    /** When the session closes if nothing more happens; Long.MAX_VALUE for an empty timeline. */
    public long closesAt(CustomerTimeline timeline) {
        return timeline.getPosts().isEmpty()
                ? Long.MAX_VALUE
                : timeline.getLastActivity() + rules.gapMillis();
    }
}
