package io.squeaky.jobs;

import io.squeaky.flink.Counters;
import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.core.execution.JobClient;

/** Waits for a job, printing its counts every few seconds so a long run shows it is moving. */
final class Progress {

    private static final long INTERVAL_SECONDS = 3;

    private Progress() {}

    /**
     * Waits until {@code collected} is done, then for the job's result. A local run's cluster shuts
     * down once the result is asked for, so whatever the client still collects from the job must be
     * in first.
     */
    static JobExecutionResult follow(
            JobClient job, CompletableFuture<?> collected, PrintStream report) throws Exception {
        long started = System.nanoTime();
        while (true) {
            try {
                collected.get(INTERVAL_SECONDS, TimeUnit.SECONDS);
                return job.getJobExecutionResult().get();
            } catch (ExecutionException collectingFailed) {
                // The job's own failure says more than the collector's: report that one.
                return job.getJobExecutionResult().get();
            } catch (TimeoutException stillRunning) {
                Map<String, Object> counts =
                        job.getAccumulators().get(INTERVAL_SECONDS, TimeUnit.SECONDS);
                report.printf(
                        "  %4ds: %,d posts read, %,d cases written%n",
                        (System.nanoTime() - started) / 1_000_000_000L,
                        count(counts, Counters.READ),
                        count(counts, Counters.CASES));
            }
        }
    }

    static long count(Map<String, Object> accumulators, String name) {
        Object value = accumulators.get(name);
        return value instanceof Number n ? n.longValue() : 0L;
    }
}
