package io.squeaky.jobs;

import static io.squeaky.jobs.Progress.count;

import io.squeaky.flink.Counters;
import io.squeaky.metrics.EffectsTable;
import io.squeaky.records.BrandSummaryLine;
import io.squeaky.records.HazardRatioRow;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The summary printed after a run: what was read, per brand the censoring-aware figures, and the
 * study-level hazard ratios of pressure.
 */
record RunSummary(
        Map<String, Object> counts, List<BrandSummaryLine> brands, List<HazardRatioRow> effects) {

    /** The {@code effects} rows the summary prints: study level, over the whole input. */
    static boolean isStudyOverWholeInput(HazardRatioRow row) {
        return row.getPeriod().equals(EffectsTable.WHOLE_INPUT) && row.getScope().equals("study");
    }

    void print(PrintStream out) {
        out.println();
        long events = count(counts, Counters.EVENTS_READ);
        out.printf(
                "Read %,d %s: %,d accepted, %,d rejected, %,d late, %,d blank rows skipped;"
                        + " %,d duplicate posts%s dropped.%n",
                count(counts, Counters.READ),
                events == 0
                        ? "posts"
                        : String.format(
                                "records (%,d posts, %,d ticket events)",
                                count(counts, Counters.READ)
                                        - events
                                        - count(counts, Counters.BLANK),
                                events),
                count(counts, Counters.ACCEPTED),
                count(counts, Counters.REJECTED),
                count(counts, Counters.LATE),
                count(counts, Counters.BLANK),
                count(counts, Counters.DUPLICATES),
                events == 0
                        ? ""
                        : String.format(
                                " and %,d duplicate ticket events",
                                count(counts, Counters.DUPLICATE_EVENTS)));
        out.printf(
                "Wrote %,d cases and %,d exchanges. Not in any case: %,d retweets, %,d brand posts"
                        + " not answering a customer, %,d customer posts to no known brand,"
                        + " %,d replies to posts outside a case.%n",
                count(counts, Counters.CASES),
                count(counts, Counters.EXCHANGES),
                count(counts, Counters.RETWEETS),
                count(counts, Counters.NOT_CUSTOMER_TRAFFIC),
                count(counts, Counters.UNATTRIBUTED),
                count(counts, Counters.UNPLACED_REPLIES));
        if (count(counts, Counters.CASES) == 0
                && count(counts, Counters.ACCEPTED) > count(counts, Counters.EVENTS_ACCEPTED)) {
            out.println(
                    "No case: none of the posts was addressed to, or answered by, a support"
                            + " account in --brands. General-topic data (a keyword or hashtag"
                            + " collection) holds no complaints to a brand; give --brands with"
                            + " the support accounts it is about.");
        }
        if (count(counts, Counters.MENTION_INFERRED) > 0) {
            out.printf(
                    "Linked %,d brand replies by the @handle they begin with (the export has no"
                            + " reply ids): reply_link = mention_inferred.%n",
                    count(counts, Counters.MENTION_INFERRED));
        }
        out.printf(
                "Statistics for %,d brand-periods in brand_metrics, pressure_effect, equity and"
                        + " brand_hours (%,d cases arrived after their period was written).%n",
                count(counts, Counters.STATISTICS_PERIODS),
                count(counts, Counters.LATE_FOR_STATISTICS));
        printBrands(out);
        StudyHazardRatios.print(effects, out);
    }

    private void printBrands(PrintStream out) {
        if (brands.isEmpty()) {
            return;
        }
        long summarised = brands.stream().mapToLong(BrandSummaryLine::getCases).sum();
        if (summarised != count(counts, Counters.CASES)) {
            out.printf(
                    "warning: the summary below saw %,d of the %,d cases written%n",
                    summarised, count(counts, Counters.CASES));
        }
        out.println();
        out.printf(
                "%-24s %6s %8s %22s %7s %17s %24s%n",
                "brand",
                "cases",
                "replied",
                "median reply min (CI)",
                "<=1h",
                "replied-only p50/p90",
                "escalation ratio (CI)");
        List<BrandSummaryLine> largestFirst = new ArrayList<>(brands);
        largestFirst.sort(
                Comparator.comparingInt(BrandSummaryLine::getCases)
                        .reversed()
                        .thenComparing(BrandSummaryLine::getBrand));
        for (BrandSummaryLine line : largestFirst) {
            String brand = line.getBrand();
            out.printf(
                    "%-24s %6d %7.1f%% %22s %6.1f%% %17s %24s%n",
                    brand.length() > 24 ? brand.substring(0, 24) : brand,
                    line.getCases(),
                    100.0 * line.getReplied() / line.getCases(),
                    number(line.getMedianReplyMinutes())
                            + " ("
                            + number(line.getMedianReplyLowerMinutes())
                            + ", "
                            + number(line.getMedianReplyUpperMinutes())
                            + ")",
                    100 * line.getAnsweredWithinHour(),
                    number(line.getRepliedOnlyMedianMinutes())
                            + "/"
                            + number(line.getRepliedOnlyP90Minutes()),
                    ratio(line));
        }
        out.println(
                "Median reply: Kaplan-Meier over every case, unanswered ones censored where"
                        + " observation ended, 95% Brookmeyer-Crowley interval (log-log); <=1h: share"
                        + " answered within an hour, 1 - S(60 min).");
        out.println(
                "Replied-only p50/p90: among replied cases only, as other tools report (biased"
                        + " low: it drops the unanswered). Escalation ratio: median time to"
                        + " resolution of tickets escalated to a public channel over the others'"
                        + " (Kaplan-Meier), 95% bootstrap interval resampling customers; groups"
                        + " fixed at the open, so subject to immortal-time bias: see the hazard"
                        + " ratios.");
    }

    private static String ratio(BrandSummaryLine line) {
        if (line.getEscalationRatio() == null) {
            return "-";
        }
        return String.format(
                "%.2f (%s, %s)",
                line.getEscalationRatio(),
                two(line.getEscalationRatioLower()),
                two(line.getEscalationRatioUpper()));
    }

    private static String two(double value) {
        return Double.isNaN(value)
                ? "NA"
                : Double.isInfinite(value) ? "inf" : String.format("%.2f", value);
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "NA" : String.format("%.1f", value);
    }
}
