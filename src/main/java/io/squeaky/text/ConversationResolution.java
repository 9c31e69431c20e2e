package io.squeaky.text;

import io.squeaky.text.ResolutionSignal.Reading;
import java.io.Serializable;

/**
 * Reads a case's resolution from its conversation, one post at a time in event-time order: the rule
 * case assembly applies and ResolutionSignalQualityTest measures. A conversation is resolved
 *
 * <ul>
 *   <li>at the first customer post after a brand reply that reads {@link
 *       Reading#CONFIRMED_BY_CUSTOMER} (before any reply, "it works now" is not an answer to the
 *       brand and usually reports a different, earlier fix), or
 *   <li>at a brand post that reads {@link Reading#CONFIRMED_BY_BRAND}, provided the customer does
 *       not come back after it with anything but a confirmation: any other customer post (a
 *       complaint, a question, a dispute) withdraws it, and a later brand confirmation may take its
 *       place. Until the case closes a brand confirmation is therefore provisional.
 * </ul>
 *
 * The earliest standing confirmation wins: when the customer confirms a brand's action ("we've
 * refunded you" then "got it, thanks, that worked"), the case resolved when the brand acted.
 */
public final class ConversationResolution implements Serializable {

    /** The post that resolves the conversation, and whose word it is. */
    public record Confirmation(String postId, long createdAt, Reading reading)
            implements Serializable {}

    private final ResolutionSignal signal;
    private boolean brandReplied;
    private Confirmation byBrand;
    private Confirmation byCustomer;

    public ConversationResolution(ResolutionSignal signal) {
        this.signal = signal;
    }

    public void add(String postId, long createdAt, String text, boolean byCustomerAccount) {
        add(postId, createdAt, signal.read(text, byCustomerAccount), byCustomerAccount);
    }

    /**
     * The same with the post's reading already taken: the pipeline reads each post when it is
     * parsed, since post text goes no further than the adapters.
     */
    public void add(String postId, long createdAt, Reading reading, boolean byCustomerAccount) {
        if (byCustomer != null) {
            return;
        }
        if (!byCustomerAccount) {
            brandReplied = true;
            if (reading == Reading.CONFIRMED_BY_BRAND && byBrand == null) {
                byBrand = new Confirmation(postId, createdAt, reading);
            }
        } else if (reading == Reading.CONFIRMED_BY_CUSTOMER && brandReplied) {
            byCustomer = new Confirmation(postId, createdAt, reading);
        } else {
            byBrand = null;
        }
    }

    /** The confirmation standing so far, or null: read it when the case closes. */
    public Confirmation confirmation() {
        return byBrand != null ? byBrand : byCustomer;
    }
}
