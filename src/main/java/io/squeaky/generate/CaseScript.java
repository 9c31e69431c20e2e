package io.squeaky.generate;

import java.util.List;

/**
 * Everything planted for one ticket: its covariates, its true resolution time, and every desk event
 * and tweet it would produce with no censoring, each list in time order.
 *
 * @param customer the customer's Twitter account, whether or not they tweet in this case
 * @param socialHandle the customer's username as the desk exports it: known once the customer has
 *     tweeted in the case before the data ends, else null
 * @param wouldEscalate the customer of a traditional-channel ticket would go public, if not
 *     resolved by then
 * @param escalated the customer went public: the escalation tweet came before the resolution
 * @param fixedHazardRatio the part of the hazard ratio fixed at the open (reach, storm)
 * @param resolutionSeconds the planted full resolution time, from opening
 */
record CaseScript(
        Arrival arrival,
        String ticketId,
        String customerId,
        TwitterAccount customer,
        String socialHandle,
        DeskChannel firstChannel,
        boolean wouldEscalate,
        boolean escalated,
        boolean offHours,
        double fixedHazardRatio,
        long resolutionSeconds,
        boolean reopened,
        List<DeskEvent> events,
        List<GeneratedTweet> tweets) {}
