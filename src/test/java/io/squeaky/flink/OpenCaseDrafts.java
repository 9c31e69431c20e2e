package io.squeaky.flink;

import io.squeaky.cases.CaseAssembler;
import io.squeaky.cases.CaseRules;
import io.squeaky.cases.Posts;
import io.squeaky.metrics.OpenCaseCensoring;
import io.squeaky.records.CaseDraft;
import io.squeaky.records.CaseFacts;
import io.squeaky.records.CustomerTimeline;
import io.squeaky.records.OpenCase;
import java.time.Duration;

/** Open cases as case assembly sends them: an unanswered complaint's draft, and its versions. */
final class OpenCaseDrafts {

    private static final CaseAssembler ASSEMBLER =
            Posts.assembler(new CaseRules(Duration.ofHours(72), Duration.ofDays(7)));

    private OpenCaseDrafts() {}

    /** The draft of a customer's complaint to a brand, still unanswered. */
    static CaseDraft complaint(String postId, long at, String brand) {
        String customer = "customer-" + postId;
        CustomerTimeline timeline = CaseAssembler.emptyTimeline();
        ASSEMBLER.accept(
                customer, timeline, Posts.unlinked(Posts.complaint(postId, customer, at, brand)));
        return ASSEMBLER.snapshot(customer, timeline).get(0);
    }

    /** The version of an open case holding from {@code asOf} on. */
    static OpenCase version(long asOf, CaseDraft draft) {
        return new OpenCase(
                asOf,
                OpenCaseVersions.key(draft.getCaseRow()),
                draft.getCaseRow().getBrand(),
                draft.getCaseRow().getOpenedAt(),
                draft);
    }

    /** The end, from {@code asOf} on, of an open case. */
    static OpenCase end(long asOf, CaseDraft draft) {
        return new OpenCase(
                asOf,
                OpenCaseVersions.key(draft.getCaseRow()),
                draft.getCaseRow().getBrand(),
                draft.getCaseRow().getOpenedAt(),
                null);
    }

    /** The facts of the case had it closed at {@code closedAt}, unanswered. */
    static CaseFacts closedFacts(CaseDraft draft, long closedAt) {
        return OpenCaseCensoring.facts(draft, closedAt, Posts.SCHEDULES);
    }
}
