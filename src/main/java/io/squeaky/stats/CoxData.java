package io.squeaky.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a Cox model is fitted to, in columns: {@code x[row][covariate]}, strata and clusters
 * numbered from 0 in order of first appearance.
 */
public final class CoxData {

    private final List<String> covariates;
    final double[] start;
    final double[] stop;
    final boolean[] event;
    final double[][] x;
    final int[] stratum;
    final int strata;

    /** Null when the rows carry no cluster: the model then has no robust variance. */
    final int[] cluster;

    final int clusters;

    private CoxData(List<String> covariates, List<CountingProcessRow> rows) {
        this.covariates = List.copyOf(covariates);
        int n = rows.size();
        start = new double[n];
        stop = new double[n];
        event = new boolean[n];
        x = new double[n][];
        stratum = new int[n];
        boolean clustered = n > 0 && rows.get(0).cluster() != null;
        cluster = clustered ? new int[n] : null;
        Map<String, Integer> strataSeen = new HashMap<>();
        Map<String, Integer> clustersSeen = new HashMap<>();
        for (int i = 0; i < n; i++) {
            CountingProcessRow row = rows.get(i);
            if (row.covariates().length != covariates.size()) {
                throw new IllegalArgumentException(
                        "row "
                                + i
                                + " has "
                                + row.covariates().length
                                + " covariates, not "
                                + covariates.size());
            }
            if ((row.cluster() != null) != clustered) {
                throw new IllegalArgumentException(
                        "either every row has a cluster or none has: row " + i);
            }
            start[i] = row.start();
            stop[i] = row.stop();
            event[i] = row.event();
            x[i] = row.covariates();
            stratum[i] = strataSeen.computeIfAbsent(row.stratum(), key -> strataSeen.size());
            if (clustered) {
                cluster[i] =
                        clustersSeen.computeIfAbsent(row.cluster(), key -> clustersSeen.size());
            }
        }
        strata = strataSeen.size();
        clusters = clustersSeen.size();
    }

    public static CoxData of(List<String> covariates, List<CountingProcessRow> rows) {
        if (covariates.isEmpty()) {
            throw new IllegalArgumentException("a Cox model needs at least one covariate");
        }
        return new CoxData(covariates, rows);
    }

    public List<String> covariates() {
        return covariates;
    }

    public int rows() {
        return start.length;
    }

    public int events() {
        int events = 0;
        for (boolean happened : event) {
            events += happened ? 1 : 0;
        }
        return events;
    }

    public int strata() {
        return strata;
    }

    /** The number of clusters, 0 when the rows carry none. */
    public int clusters() {
        return clusters;
    }

    public boolean clustered() {
        return cluster != null;
    }

    /** A builder for callers that produce rows one at a time. */
    public static Builder builder(List<String> covariates) {
        return new Builder(covariates);
    }

    public static final class Builder {
        private final List<String> covariates;
        private final List<CountingProcessRow> rows = new ArrayList<>();

        private Builder(List<String> covariates) {
            this.covariates = List.copyOf(covariates);
        }

        public Builder add(CountingProcessRow row) {
            rows.add(row);
            return this;
        }

        public CoxData build() {
            return of(covariates, rows);
        }
    }
}
