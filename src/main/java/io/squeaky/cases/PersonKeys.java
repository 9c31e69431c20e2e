package io.squeaky.cases;

import io.squeaky.records.CaseEvent;
import io.squeaky.records.LinkedPost;
import io.squeaky.records.Post;
import java.io.Serializable;
import java.util.Locale;
import java.util.Map;

/**
 * The key under which everything about one customer meets: their posts, brands' replies to them,
 * others amplifying them, and their tickets. A social account is keyed by its screen name when the
 * source gives one, else by its account id; a desk customer by the social handle the desk knows (on
 * the event or in the identity map), else by brand and desk customer id.
 */
public final class PersonKeys implements Serializable {

    private final Map<String, String> handleByCustomer;

    public PersonKeys(Map<String, String> handleByCustomer) {
        this.handleByCustomer = Map.copyOf(handleByCustomer);
    }

    public static PersonKeys withoutIdentities() {
        return new PersonKeys(Map.of());
    }

    /** The customer a post belongs to: its author, or the customer it answers or amplifies. */
    public static String forPost(LinkedPost linked, boolean amplifies) {
        Post post = linked.getPost();
        if (!post.getAuthorIsBrand() && !amplifies) {
            return social(post.getNetwork(), post.getAuthorHandle(), post.getAuthorId());
        }
        if (linked.getParentKnown() && !linked.getParentIsBrand()) {
            return social(
                    post.getNetwork(), linked.getParentAuthorHandle(), linked.getParentAuthorId());
        }
        return null;
    }

    public String forEvent(CaseEvent event) {
        String handle =
                event.getSocialHandle() != null
                        ? event.getSocialHandle()
                        : handleByCustomer.get(event.getCustomerId());
        return handle != null
                ? "twitter:" + handle.toLowerCase(Locale.ROOT)
                : "desk:" + event.getBrand() + ":" + event.getCustomerId();
    }

    /** The key of a social account: its screen name when known, else its account id. */
    public static String social(String network, String handle, String id) {
        return network + ":" + (handle != null ? handle : id).toLowerCase(Locale.ROOT);
    }
}
