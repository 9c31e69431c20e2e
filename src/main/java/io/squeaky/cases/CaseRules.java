package io.squeaky.cases;

import java.io.Serializable;
import java.time.Duration;

/**
 * The knobs of case assembly. {@code inactivityGap}: a customer's conversation with brands ends
 * when neither they nor a brand replying to them posted for this long. {@code replyWindow}: a reply
 * is linked to its parent only if it comes within this long after it. {@code maxCaseLength}: a
 * conversation still going this long after it began is cut there and its cases censored; it bounds
 * how long a statistics window must wait for the cases opened in it.
 */
public record CaseRules(
        Duration inactivityGap,
        Duration replyWindow,
        Duration linkWindow,
        Duration ticketTimeout,
        Duration maxCaseLength)
        implements Serializable {

    public static final Duration DEFAULT_INACTIVITY_GAP = Duration.ofHours(72);
    public static final Duration DEFAULT_REPLY_WINDOW = Duration.ofDays(7);
    public static final Duration DEFAULT_LINK_WINDOW = Duration.ofHours(24);
    public static final Duration DEFAULT_TICKET_TIMEOUT = Duration.ofDays(30);
    public static final Duration DEFAULT_MAX_CASE_LENGTH = Duration.ofDays(60);

    public CaseRules(Duration inactivityGap, Duration replyWindow) {
        this(
                inactivityGap,
                replyWindow,
                DEFAULT_LINK_WINDOW,
                DEFAULT_TICKET_TIMEOUT,
                DEFAULT_MAX_CASE_LENGTH);
    }

    public CaseRules {
        if (inactivityGap.isNegative() || inactivityGap.isZero()) {
            throw new IllegalArgumentException("inactivity gap must be positive");
        }
        if (replyWindow.isNegative() || replyWindow.isZero()) {
            throw new IllegalArgumentException("reply window must be positive");
        }
        if (linkWindow.isNegative()) {
            throw new IllegalArgumentException("link window must not be negative");
        }
        if (ticketTimeout.compareTo(inactivityGap) < 0) {
            throw new IllegalArgumentException(
                    "ticket timeout must be at least the inactivity gap");
        }
        if (maxCaseLength.compareTo(inactivityGap) < 0) {
            throw new IllegalArgumentException(
                    "maximum case length must be at least the inactivity gap");
        }
    }

    public static CaseRules defaults() {
        return new CaseRules(DEFAULT_INACTIVITY_GAP, DEFAULT_REPLY_WINDOW);
    }

    public long gapMillis() {
        return inactivityGap.toMillis();
    }

    public long linkWindowMillis() {
        return linkWindow.toMillis();
    }

    public long ticketTimeoutMillis() {
        return ticketTimeout.toMillis();
    }

    public long maxCaseLengthMillis() {
        return maxCaseLength.toMillis();
    }

    public long replyWindowMillis() {
        return replyWindow.toMillis();
    }

    /**
     * Whether a reply posted at {@code replyAt} is linked to a parent posted at {@code parentAt}. A
     * parent stamped after its reply (clock skew) is not linked: a streaming run could not have
     * seen it in time, and batch and streaming must agree.
     */
    public boolean linksReply(long parentAt, long replyAt) {
        return parentAt <= replyAt && replyAt - parentAt <= replyWindow.toMillis();
    }
}
