package io.squeaky.cases;

import io.squeaky.records.CaseEvent;
import io.squeaky.records.Post;
import java.io.Serializable;

/**
 * What a late post or ticket event keeps of its customer: the same pseudonym the case tables give
 * them, never the raw account id, handle or desk customer id. A brand account is an organisation's
 * public support account and keeps its handle.
 */
public final class LateIdentities implements Serializable {

    private final Pseudonymizer pseudonyms;
    private final PersonKeys personKeys;

    public LateIdentities(Pseudonymizer pseudonyms, PersonKeys personKeys) {
        this.pseudonyms = pseudonyms;
        this.personKeys = personKeys;
    }

    /** Replaces a customer author's id and handle by their pseudonym, in place. */
    public Post pseudonymise(Post post) {
        if (!post.getAuthorIsBrand()) {
            String customer =
                    pseudonyms.pseudonym(
                            "customer",
                            PersonKeys.social(
                                    post.getNetwork(), post.getAuthorHandle(), post.getAuthorId()));
            post.setAuthorId(customer);
            post.setAuthorHandle(null);
        }
        return post;
    }

    /** Replaces a ticket event's desk customer id and social handle by the pseudonym, in place. */
    public CaseEvent pseudonymise(CaseEvent event) {
        event.setCustomerId(pseudonyms.pseudonym("customer", personKeys.forEvent(event)));
        event.setSocialHandle(null);
        return event;
    }
}
