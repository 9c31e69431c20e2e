package io.squeaky.metrics;

import io.squeaky.clock.BusinessSchedule;
import io.squeaky.records.CaseDraft;
import io.squeaky.records.CaseIntervalRow;
import io.squeaky.records.CaseRecord;
import io.squeaky.records.ExchangeRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A settled case cut into its {@code case_intervals} rows: for each endpoint it is followed for,
 * the stretches of its follow-up over which the pressure covariates stay constant, with no
 * look-ahead. A covariate that changes at second {@code s} (the escalation post, another customer
 * post, an amplification, the desk opening or closing) ends one interval at {@code s} and takes
 * effect in the next, so an event at {@code s} is counted under the value before the change, as R
 * reads counting-process data. The last interval ends where {@code cases} ends the follow-up: at
 * the event, or at censoring.
 *
 * <p>Times are whole calendar seconds since the open, floored as every {@code seconds_*} column of
 * {@code cases} is. A follow-up of zero seconds (a reply in the opening second) has no interval:
 * R's {@code Surv} cannot hold {@code (0, 0]} and {@code coxph} drops such rows too.
 */
public final class CaseIntervals {

    private CaseIntervals() {}

    public static List<CaseIntervalRow> of(
            CaseDraft settled, BusinessSchedule desk, StatsPeriod period) {
        CaseRecord row = settled.getCaseRow();
        if (row.getCensoredAt() == null) {
            throw new IllegalArgumentException("case " + row.getCaseId() + " is not settled");
        }
        Changes changes = Changes.of(settled, desk);
        List<CaseIntervalRow> rows = new ArrayList<>();
        boolean replied = row.getFirstReplyAt() != null;
        long toReply = replied ? row.getSecondsToFirstReply() : row.getSecondsToCensor();
        Long businessToReply =
                replied ? row.getBusinessSecondsToFirstReply() : row.getBusinessSecondsToCensor();
        List<CaseIntervalRow> replyRows = new ArrayList<>();
        follow(row, Endpoint.FIRST_REPLY, toReply, replied, changes, period, replyRows);
        BusinessClock.onto(replyRows, row.getOpenedAt(), businessToReply, desk);
        rows.addAll(replyRows);
        if (row.getTicketId() != null) {
            // As Endpoint.applies: only a ticket has a resolution to wait for.
            boolean resolved = row.getFullResolutionAt() != null;
            long toResolution =
                    resolved
                            ? row.getSecondsToFullResolution()
                            : seconds(row.getOpenedAt(), row.getCensoredAt());
            Long businessToResolution =
                    resolved
                            ? row.getBusinessSecondsToFullResolution()
                            : row.getBusinessSecondsToCensor();
            List<CaseIntervalRow> resolutionRows = new ArrayList<>();
            follow(
                    row,
                    Endpoint.RESOLUTION,
                    toResolution,
                    resolved,
                    changes,
                    period,
                    resolutionRows);
            BusinessClock.onto(resolutionRows, row.getOpenedAt(), businessToResolution, desk);
            rows.addAll(resolutionRows);
        }
        return rows;
    }

    /** The intervals of one endpoint's follow-up, {@code (0, stop]}. */
    private static void follow(
            CaseRecord row,
            Endpoint endpoint,
            long stop,
            boolean event,
            Changes changes,
            StatsPeriod period,
            List<CaseIntervalRow> out) {
        if (stop <= 0) {
            return;
        }
        long[] cuts = changes.cutsWithin(stop);
        long start = 0;
        for (long end : cuts) {
            out.add(interval(row, endpoint, start, end, event && end == stop, changes, period));
            start = end;
        }
    }

    private static CaseIntervalRow interval(
            CaseRecord row,
            Endpoint endpoint,
            long start,
            long stop,
            boolean event,
            Changes changes,
            StatsPeriod period) {
        return CaseIntervalRow.newBuilder()
                .setCaseId(row.getCaseId())
                .setCustomerId(row.getCustomerId())
                .setBrand(row.getBrand())
                .setEndpoint(endpoint.label())
                .setStartSeconds(start)
                .setStopSeconds(stop)
                .setEvent(event)
                .setPublic$(changes.publicAt(start))
                .setPersistence(changes.postsBy(start))
                .setAmplification(changes.amplificationsBy(start))
                .setBrandStorm(row.getBrandStorm())
                .setDeskOpen(changes.deskOpenAt(start))
                .setFollowersAtOpen(row.getFollowersAtOpen())
                .setLog10Followers(log10Followers(row.getFollowersAtOpen()))
                .setFirstChannel(row.getFirstChannel())
                .setOpenedAt(row.getOpenedAt())
                .setPeriodStart(period.startOf(row.getOpenedAt()))
                .build();
    }

    /** The model's view of a row, for {@link PressureHazardRatios}. */
    public static CaseInterval forModel(CaseIntervalRow row) {
        return new CaseInterval(
                row.getCaseId(),
                row.getCustomerId(),
                row.getBrand(),
                Endpoint.valueOf(row.getEndpoint().toUpperCase(Locale.ROOT)),
                row.getStartSeconds(),
                row.getStopSeconds(),
                row.getEvent(),
                row.getPublic$(),
                row.getPersistence(),
                row.getAmplification(),
                row.getBrandStorm() == null ? Double.NaN : row.getBrandStorm(),
                row.getDeskOpen(),
                row.getFollowersAtOpen(),
                row.getLog10Followers(),
                row.getBusinessStartSeconds(),
                row.getBusinessStopSeconds(),
                row.getBusinessEvent());
    }

    /**
     * Reach as the model takes it, per tenfold of followers; an account with no followers counts as
     * one, so that the logarithm is defined and such accounts sit with the smallest.
     */
    static Double log10Followers(Long followers) {
        return followers == null ? null : StrictMath.log10(Math.max(followers, 1L));
    }

    static long seconds(long fromMillis, long toMillis) {
        return Math.floorDiv(toMillis - fromMillis, 1000L);
    }

    /** When each covariate of one case changes, in seconds since the open. */
    private record Changes(
            long publicFrom, long[] posts, long[] amplifications, long[] desk, boolean openAtOpen) {

        static Changes of(CaseDraft settled, BusinessSchedule desk) {
            CaseRecord row = settled.getCaseRow();
            long opened = row.getOpenedAt();
            String channel = row.getFirstChannel();
            boolean publicFromOpen = channel.equals("twitter") || channel.equals("facebook");
            long publicFrom =
                    publicFromOpen
                            ? 0
                            : row.getEscalatedAt() == null
                                    ? Long.MAX_VALUE
                                    : Math.max(0, seconds(opened, row.getEscalatedAt()));
            List<ExchangeRecord> exchanges = settled.getExchangeRows();
            long[] posts = new long[exchanges.size()];
            for (int k = 0; k < posts.length; k++) {
                posts[k] = seconds(opened, exchanges.get(k).getPostedAt());
            }
            Arrays.sort(posts);
            List<Long> amplified = settled.getAmplifiedAt();
            long[] amplifications = new long[amplified.size()];
            for (int k = 0; k < amplifications.length; k++) {
                amplifications[k] = seconds(opened, amplified.get(k));
            }
            Arrays.sort(amplifications);
            List<Instant> deskTimes =
                    desk.changes(
                            Instant.ofEpochMilli(opened),
                            Instant.ofEpochMilli(row.getCensoredAt()).plusSeconds(1));
            long[] deskChanges = new long[deskTimes.size()];
            for (int k = 0; k < deskChanges.length; k++) {
                deskChanges[k] = seconds(opened, deskTimes.get(k).toEpochMilli());
            }
            return new Changes(
                    publicFrom,
                    posts,
                    amplifications,
                    deskChanges,
                    desk.isOpen(Instant.ofEpochMilli(opened)));
        }

        /**
         * The interval ends in {@code (0, stop]}, ascending: every change strictly inside, once,
         * then stop.
         */
        long[] cutsWithin(long stop) {
            long[] cuts = new long[2 + posts.length + amplifications.length + desk.length];
            int n = addInside(cuts, 0, publicFrom, stop);
            for (long[] times : new long[][] {posts, amplifications, desk}) {
                for (long at : times) {
                    n = addInside(cuts, n, at, stop);
                }
            }
            cuts[n++] = stop;
            Arrays.sort(cuts, 0, n);
            int distinct = 0;
            for (int k = 0; k < n; k++) {
                if (distinct == 0 || cuts[k] != cuts[distinct - 1]) {
                    cuts[distinct++] = cuts[k];
                }
            }
            return Arrays.copyOf(cuts, distinct);
        }

        private static int addInside(long[] cuts, int n, long at, long stop) {
            if (at > 0 && at < stop) {
                cuts[n++] = at;
            }
            return n;
        }

        boolean publicAt(long second) {
            return publicFrom <= second;
        }

        int postsBy(long second) {
            return countUpTo(posts, second);
        }

        int amplificationsBy(long second) {
            return countUpTo(amplifications, second);
        }

        /** The desk alternates at each change; a change at the open itself counts from the open. */
        boolean deskOpenAt(long second) {
            return (countUpTo(desk, second) % 2 == 0) == openAtOpen;
        }

        private static int countUpTo(long[] sorted, long second) {
            int n = 0;
            while (n < sorted.length && sorted[n] <= second) {
                n++;
            }
            return n;
        }
    }
}
