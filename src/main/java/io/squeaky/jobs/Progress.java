package io.squeaky.jobs;

import io.squeaky.flink.Counters;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;

/** Waits for a job, printing its counts every few seconds so a long run shows it is moving. */
final class Progress {

    private Progress() {}

    /**
     * Waits until {@code collected} is done, then for the job's result. A local run's cluster shuts
     * down once the result is asked for, so whatever the client still collects from the job must be
     * in first.
     */
    static JobExecutionResult follow(
            JobClient job,
            CompletableFuture<?> collected,
            PrintStream report,
            long intervalSeconds,
            Duration outOfOrderness)
            throws Exception {
        long started = System.nanoTime();
        while (true) {
            try {
                collected.get(intervalSeconds, TimeUnit.SECONDS);
                return job.getJobExecutionResult().get();
            } catch (ExecutionException collectingFailed) {
                // The job's own failure says more than the collector's: report that one.
                return job.getJobExecutionResult().get();
            } catch (TimeoutException stillRunning) {
                Map<String, Object> counts;
                try {
                    counts = job.getAccumulators().get(intervalSeconds, TimeUnit.SECONDS);
                } catch (TimeoutException | ExecutionException busy) {
                    // A job between attempts has no accumulators to give; the next round will.
                    continue;
                }
                report.println(
                        line(
                                (System.nanoTime() - started) / 1_000_000_000L,
                                counts,
                                outOfOrderness));
            }
        }
    }

    /**
     * One progress line. The event time reached is the newest accepted post or ticket event; the
     * watermark trails it by the out-of-order bound, which is what lets cases close. Without a
     * bound (a BATCH run) the line leaves event time out.
     */
    static String line(long seconds, Map<String, Object> counts, Duration outOfOrderness) {
        StringBuilder line =
                new StringBuilder(
                        String.format(
                                "  %4ds: %,d records read, %,d cases written, %,d brand-periods"
                                        + " of statistics",
                                seconds,
                                count(counts, Counters.READ),
                                count(counts, Counters.CASES),
                                count(counts, Counters.STATISTICS_PERIODS)));
        long provisional = count(counts, Counters.PROVISIONAL_PERIODS);
        if (provisional > 0 && counts.get(Counters.PROVISIONAL_AS_OF) instanceof Number asOf) {
            line.append(
                    String.format(
                            ", %,d provisional (latest as of %s)",
                            provisional, MINUTES.format(Instant.ofEpochMilli(asOf.longValue()))));
        }
        Object reached = counts.get(Counters.EVENT_TIME_REACHED);
        if (outOfOrderness != null
                && reached instanceof Number n
                && n.longValue() != Long.MIN_VALUE) {
            Instant eventTime = Instant.ofEpochMilli(n.longValue());
            line.append(", event time ")
                    .append(MINUTES.format(eventTime))
                    .append(" (watermark about ")
                    .append(MINUTES.format(eventTime.minus(outOfOrderness)))
                    .append(")");
        }
        return line.toString();
    }

    private static final DateTimeFormatter MINUTES =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm'Z'").withZone(ZoneOffset.UTC);

    static long count(Map<String, Object> accumulators, String name) {
        Object value = accumulators.get(name);
        return value instanceof Number n ? n.longValue() : 0L;
    }
}
