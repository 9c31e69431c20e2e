package io.squeaky.jobs;

import static io.squeaky.jobs.Progress.count;

import io.squeaky.flink.BrandSummaryAccumulator;
import io.squeaky.flink.Counters;
import io.squeaky.report.BrandReplySummary;
import java.io.PrintStream;
import java.util.Map;

/**
 * The summary printed after a batch run. Reply times are among replied cases only and say so: they
 * are conditional on a reply, and unanswered cases are censored, not counted.
 */
record RunSummary(Map<String, Object> counts) {

    void print(PrintStream out) {
        out.println();
        out.printf(
                "Read %,d posts: %,d accepted, %,d rejected, %,d late; %,d duplicates dropped.%n",
                count(counts, Counters.READ),
                count(counts, Counters.ACCEPTED),
                count(counts, Counters.REJECTED),
                count(counts, Counters.LATE),
                count(counts, Counters.DUPLICATES));
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
        Object summary = counts.get(BrandSummaryAccumulator.NAME);
        if (!(summary instanceof BrandReplySummary brands)) {
            return;
        }
        out.println();
        out.printf(
                "%-28s %8s %9s %13s %13s%n",
                "brand", "cases", "replied", "median min*", "p90 min*");
        for (BrandReplySummary.Line line : brands.lines()) {
            out.printf(
                    "%-28s %8d %8.1f%% %13s %13s%n",
                    line.brand(),
                    line.cases(),
                    100.0 * line.replied() / line.cases(),
                    minutes(line.medianMinutes()),
                    minutes(line.p90Minutes()));
        }
        out.println(
                "* minutes to first reply among replied cases only: conditional on a reply;"
                        + " unanswered cases are censored and not in these figures.");
    }

    private static String minutes(double value) {
        return Double.isNaN(value) ? "-" : String.format("%.1f", value);
    }
}
