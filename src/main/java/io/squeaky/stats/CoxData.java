package io.squeaky.stats;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows a Cox model is fitted to, in columns: the covariates row after row in one array, row
 * {@code i}'s {@code j}-th at {@code x[i * p + j]}, strata and clusters numbered from 0 in order of
 * first appearance. One array rather than one per row: a batch run's fits hold hundreds of
 * thousands of rows at once, and an array per row was most of what its garbage collector copied.
 */
public final class CoxData {

    private final List<String> covariates;
    final double[] start;
    final double[] stop;
    final boolean[] event;
    final double[] x;
    final int p;
    final int[] stratum;
    final int strata;

    /** Null when the rows carry no cluster: the model then has no robust variance. */
    final int[] cluster;

    final int clusters;

    private CoxData(Builder rows) {
        int n = rows.size;
        covariates = rows.covariates;
        // A full builder's columns are taken as they are: its next row would grow them into new
        // arrays, so these are never written again.
        boolean full = n == rows.start.length;
        start = full ? rows.start : Arrays.copyOf(rows.start, n);
        stop = full ? rows.stop : Arrays.copyOf(rows.stop, n);
        event = full ? rows.event : Arrays.copyOf(rows.event, n);
        p = rows.covariates.size();
        x = full ? rows.x : Arrays.copyOf(rows.x, n * p);
        boolean clustered = n > 0 && rows.clustered;
        Numbering strataSeen = new Numbering();
        stratum = strataSeen.renumber(rows.stratum, n);
        strata = strataSeen.count;
        Numbering clustersSeen = new Numbering();
        cluster = clustered ? clustersSeen.renumber(rows.cluster, n) : null;
        clusters = clustersSeen.count;
    }

    public static CoxData of(List<String> covariates, List<CountingProcessRow> rows) {
        if (covariates.isEmpty()) {
            throw new IllegalArgumentException("a Cox model needs at least one covariate");
        }
        Builder builder = builder(covariates);
        rows.forEach(builder::add);
        return new CoxData(builder);
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
        return new Builder(covariates, 16);
    }

    /**
     * As {@link #builder(List)}, with room for {@code rows} rows before its columns grow: a caller
     * that knows how many rows it may add spares the copies of growing them.
     */
    public static Builder builder(List<String> covariates, int rows) {
        return new Builder(covariates, Math.max(rows, 1));
    }

    /**
     * Collects the rows in columns. Callers that fit many models to the same rows (each brand's,
     * each specification's) name strata and clusters by numbers of their own, which {@link
     * #add(double, double, boolean, double[], int, int)} takes without hashing a string per row;
     * the data number them again in order of first appearance, as for named ones.
     */
    public static final class Builder {

        /** The cluster of a row when the rows carry none. */
        public static final int NO_CLUSTER = -1;

        private final List<String> covariates;
        private final Map<String, Integer> strataNamed = new HashMap<>();
        private final Map<String, Integer> clustersNamed = new HashMap<>();
        private int size;
        private double[] start;
        private double[] stop;
        private boolean[] event;
        private double[] x;
        private int[] stratum;
        private int[] cluster;
        private boolean clustered;

        private Builder(List<String> covariates, int capacity) {
            this.covariates = List.copyOf(covariates);
            this.start = new double[capacity];
            this.stop = new double[capacity];
            this.event = new boolean[capacity];
            this.x = new double[capacity * covariates.size()];
            this.stratum = new int[capacity];
            this.cluster = new int[capacity];
        }

        public Builder add(CountingProcessRow row) {
            int named =
                    row.cluster() == null
                            ? NO_CLUSTER
                            : clustersNamed.computeIfAbsent(
                                    row.cluster(), key -> clustersNamed.size());
            return add(
                    row.start(),
                    row.stop(),
                    row.event(),
                    row.covariates(),
                    strataNamed.computeIfAbsent(row.stratum(), key -> strataNamed.size()),
                    named);
        }

        /**
         * A row with the caller's numbers for its stratum and cluster (any non-negative numbers,
         * equal for rows of the same one; {@code cluster} {@link #NO_CLUSTER} when the rows carry
         * none). The builder copies {@code covariates}: the caller may reuse the array for its next
         * row. Rows as {@link CountingProcessRow} would check them.
         */
        public Builder add(
                double start,
                double stop,
                boolean event,
                double[] covariates,
                int stratum,
                int cluster) {
            if (!Double.isFinite(start) || !Double.isFinite(stop) || !(stop > start)) {
                throw new IllegalArgumentException(
                        "need finite start < stop, as R's Surv: (" + start + ", " + stop + "]");
            }
            for (double value : covariates) {
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("covariates must be finite: " + value);
                }
            }
            if (covariates.length != this.covariates.size()) {
                throw new IllegalArgumentException(
                        "row "
                                + size
                                + " has "
                                + covariates.length
                                + " covariates, not "
                                + this.covariates.size());
            }
            if (size == 0) {
                clustered = cluster != NO_CLUSTER;
            } else if ((cluster != NO_CLUSTER) != clustered) {
                throw new IllegalArgumentException(
                        "either every row has a cluster or none has: row " + size);
            }
            if (stratum < 0 || cluster < NO_CLUSTER) {
                throw new IllegalArgumentException(
                        "strata and clusters are numbered from 0: row " + size);
            }
            if (size == this.start.length) {
                int grown = size * 2;
                this.start = Arrays.copyOf(this.start, grown);
                this.stop = Arrays.copyOf(this.stop, grown);
                this.event = Arrays.copyOf(this.event, grown);
                this.x = Arrays.copyOf(this.x, grown * covariates.length);
                this.stratum = Arrays.copyOf(this.stratum, grown);
                this.cluster = Arrays.copyOf(this.cluster, grown);
            }
            this.start[size] = start;
            this.stop[size] = stop;
            this.event[size] = event;
            System.arraycopy(covariates, 0, this.x, size * covariates.length, covariates.length);
            this.stratum[size] = stratum;
            this.cluster[size] = Math.max(cluster, 0);
            size++;
            return this;
        }

        public CoxData build() {
            if (covariates.isEmpty()) {
                throw new IllegalArgumentException("a Cox model needs at least one covariate");
            }
            return new CoxData(this);
        }
    }

    /** The callers' numbers, numbered again from 0 in order of first appearance. */
    private static final class Numbering {
        int count;

        /**
         * A table indexed by the caller's number where the numbers are dense enough; otherwise the
         * distinct numbers sorted, searched for each row. A brand's rows in a fit over a whole
         * input carry customer numbers up to the whole input's count: a table as long as that for
         * each of hundreds of small fits was most of what a batch run's fits allocated.
         */
        int[] renumber(int[] names, int n) {
            int largest = -1;
            for (int i = 0; i < n; i++) {
                largest = Math.max(largest, names[i]);
            }
            int[] distinct = largest < 2 * n ? null : distinct(names, n);
            int[] assigned = new int[distinct == null ? largest + 1 : distinct.length];
            Arrays.fill(assigned, -1);
            int[] numbers = new int[n];
            for (int i = 0; i < n; i++) {
                int at = distinct == null ? names[i] : Arrays.binarySearch(distinct, names[i]);
                if (assigned[at] < 0) {
                    assigned[at] = count++;
                }
                numbers[i] = assigned[at];
            }
            return numbers;
        }

        private static int[] distinct(int[] names, int n) {
            int[] sorted = Arrays.copyOf(names, n);
            Arrays.sort(sorted);
            int kept = 0;
            for (int i = 0; i < n; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[kept++] = sorted[i];
                }
            }
            return Arrays.copyOf(sorted, kept);
        }
    }
}
