package io.squeaky.metrics;

import io.squeaky.clock.BusinessSchedule;
import io.squeaky.records.CaseDraft;
import io.squeaky.records.CaseIntervalRow;
import io.squeaky.records.CaseRecord;
import io.squeaky.records.ExchangeRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

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
        TreeSet<Long> cuts = changes.cutsWithin(stop);
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
            long[] posts =
                    settled.getExchangeRows().stream()
                            .mapToLong(ExchangeRecord::getPostedAt)
                            .map(at -> seconds(opened, at))
                            .sorted()
                            .toArray();
            long[] amplifications =
                    settled.getAmplifiedAt().stream()
                            .mapToLong(at -> seconds(opened, at))
                            .sorted()
                            .toArray();
            long[] deskChanges =
                    desk
                            .changes(
                                    Instant.ofEpochMilli(opened),
                                    Instant.ofEpochMilli(row.getCensoredAt()).plusSeconds(1))
                            .stream()
                            .mapToLong(at -> seconds(opened, at.toEpochMilli()))
                            .toArray();
            return new Changes(
                    publicFrom,
                    posts,
                    amplifications,
                    deskChanges,
                    desk.isOpen(Instant.ofEpochMilli(opened)));
        }

        /** The interval ends in {@code (0, stop]}: every change strictly inside, then stop. */
        TreeSet<Long> cutsWithin(long stop) {
            TreeSet<Long> cuts = new TreeSet<>();
            addInside(cuts, publicFrom, stop);
            for (long[] times : new long[][] {posts, amplifications, desk}) {
                for (long at : times) {
                    addInside(cuts, at, stop);
                }
            }
            cuts.add(stop);
            return cuts;
        }

        private static void addInside(TreeSet<Long> cuts, long at, long stop) {
            if (at > 0 && at < stop) {
                cuts.add(at);
            }
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
