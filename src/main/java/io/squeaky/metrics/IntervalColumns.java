package io.squeaky.metrics;

import java.util.List;

/**
 * The {@code case_intervals} columns the Cox models read, one array per column, times as the fits
 * take them (seconds as doubles). Every interval is read by a dozen fits (each model's study and
 * brand fit, over the whole input and its period): reading it from arrays in order, rather than
 * from hundreds of thousands of objects spread over the heap, is what keeps those passes from
 * waiting on memory.
 */
final class IntervalColumns {

    final double[] start;
    final double[] stop;
    final boolean[] event;

    /** NaN where the interval takes no business time, as {@code businessStop}. */
    final double[] businessStart;

    final double[] businessStop;
    final boolean[] businessEvent;
    final boolean[] isPublic;
    final int[] persistence;
    final boolean[] deskOpen;

    /** NaN where the followers are unknown. */
    final double[] log10Followers;

    private IntervalColumns(int n) {
        start = new double[n];
        stop = new double[n];
        event = new boolean[n];
        businessStart = new double[n];
        businessStop = new double[n];
        businessEvent = new boolean[n];
        isPublic = new boolean[n];
        persistence = new int[n];
        deskOpen = new boolean[n];
        log10Followers = new double[n];
    }

    static IntervalColumns of(List<CaseInterval> intervals) {
        IntervalColumns columns = new IntervalColumns(intervals.size());
        for (int i = 0; i < intervals.size(); i++) {
            CaseInterval interval = intervals.get(i);
            columns.start[i] = interval.startSeconds();
            columns.stop[i] = interval.stopSeconds();
            columns.event[i] = interval.event();
            boolean business = interval.businessStopSeconds() != null;
            columns.businessStart[i] = business ? interval.businessStartSeconds() : Double.NaN;
            columns.businessStop[i] = business ? interval.businessStopSeconds() : Double.NaN;
            columns.businessEvent[i] = business && interval.businessEvent();
            columns.isPublic[i] = interval.isPublic();
            columns.persistence[i] = interval.persistence();
            columns.deskOpen[i] = interval.deskOpen();
            Double followers = interval.log10Followers();
            columns.log10Followers[i] = followers == null ? Double.NaN : followers;
        }
        return columns;
    }

    int size() {
        return start.length;
    }

    /** The rows at {@code positions}, in that order. */
    IntervalColumns at(int[] positions) {
        IntervalColumns part = new IntervalColumns(positions.length);
        for (int k = 0; k < positions.length; k++) {
            int i = positions[k];
            part.start[k] = start[i];
            part.stop[k] = stop[i];
            part.event[k] = event[i];
            part.businessStart[k] = businessStart[i];
            part.businessStop[k] = businessStop[i];
            part.businessEvent[k] = businessEvent[i];
            part.isPublic[k] = isPublic[i];
            part.persistence[k] = persistence[i];
            part.deskOpen[k] = deskOpen[i];
            part.log10Followers[k] = log10Followers[i];
        }
        return part;
    }
}
