package io.squeaky.metrics;

import java.util.Objects;

/**
 * One row of the {@code case_intervals} table: a stretch {@code (start_seconds, stop_seconds]} of
 * one case's follow-up for one endpoint over which the pressure covariates are constant, in the
 * counting-process form of R's {@code Surv(start, stop, event)}. Times are calendar seconds since
 * the case opened.
 *
 * @param event whether the endpoint happened at {@code stopSeconds}
 * @param isPublic the column {@code public}: the case had gone public on Twitter/X by the start
 * @param persistence customer posts so far
 * @param amplification retweets, quotes and replies by others so far
 * @param brandStorm the brand's complaint volume against its own baseline, as of the start
 * @param deskOpen the brand's schedule is open over the whole interval
 * @param followersAtOpen the customer's followers when the case opened, null when unknown
 * @param log10Followers {@code log10(max(followersAtOpen, 1))}, null when unknown
 * @param businessStartSeconds the interval's start on the business clock, null when the interval
 *     takes no business time
 * @param businessEvent the endpoint happened at {@code businessStopSeconds} on the business clock
 */
public record CaseInterval(
        String caseId,
        String customerId,
        String brand,
        Endpoint endpoint,
        long startSeconds,
        long stopSeconds,
        boolean event,
        boolean isPublic,
        int persistence,
        int amplification,
        double brandStorm,
        boolean deskOpen,
        Long followersAtOpen,
        Double log10Followers,
        Long businessStartSeconds,
        Long businessStopSeconds,
        Boolean businessEvent) {

    public CaseInterval {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(brand, "brand");
        Objects.requireNonNull(endpoint, "endpoint");
        if (stopSeconds <= startSeconds) {
            throw new IllegalArgumentException(
                    caseId
                            + ": an interval needs start < stop: ("
                            + startSeconds
                            + ", "
                            + stopSeconds
                            + "]");
        }
    }
}
