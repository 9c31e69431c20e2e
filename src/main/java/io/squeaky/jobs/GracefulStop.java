package io.squeaky.jobs;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import sun.misc.Signal;

/**
 * Stops a running streaming job with a savepoint when the process is told to stop (Ctrl-C,
 * SIGTERM), instead of letting the JVM die under it: the savepoint commits the files in progress
 * and records the Kafka offsets and open cases, so {@code --resume} continues without loss. A
 * second signal stops at once; the last checkpoint then remains to resume from.
 */
public final class GracefulStop {

    private static final long SAVEPOINT_TIMEOUT_SECONDS = 120;

    private final JobClient job;
    private final String savepoints;
    private final PrintStream report;
    private static final long SECOND_SIGNAL_NANOS = 2_000_000_000L;

    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile long firstRequest;

    public GracefulStop(JobClient job, String savepoints, PrintStream report) {
        this.job = job;
        this.savepoints = savepoints;
        this.report = report;
    }

    boolean requested() {
        return requested.get();
    }

    /** Takes over SIGINT and SIGTERM; a signal the shell set to be ignored stays ignored. */
    void onSignals() {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> requestStop());
            } catch (IllegalArgumentException unavailable) {
                // Not every platform has every signal; the JVM's default handling remains.
            }
        }
    }

    private void requestStop() {
        if (!requested.compareAndSet(false, true)) {
            // A signal to the whole process group and one from a supervisor arrive together:
            // only a second request a moment later means "now".
            if (System.nanoTime() - firstRequest > SECOND_SIGNAL_NANOS) {
                report.println("stopping at once, without a savepoint");
                Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
            }
            return;
        }
        firstRequest = System.nanoTime();
        Thread stopper = new Thread(this::stop, "squeaky-stop-with-savepoint");
        stopper.setDaemon(true);
        stopper.start();
    }

    /** Stops the job with a savepoint and says where it is; cancels it when that fails. */
    public void stop() {
        requested.set(true);
        report.println("stopping with a savepoint (again to stop at once)...");
        try {
            String savepoint =
                    job.stopWithSavepoint(false, savepoints, SavepointFormatType.CANONICAL)
                            .get(SAVEPOINT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            report.println(
                    "stopped; savepoint at "
                            + savepoint
                            + ". Continue with the same command and --resume.");
        } catch (Exception e) {
            report.println(
                    "no savepoint ("
                            + Locations.firstLine(e)
                            + "); cancelling. --resume continues from the last checkpoint.");
            try {
                job.cancel().get(30, TimeUnit.SECONDS);
            } catch (Exception cancelFailed) {
                report.println("cancelling failed: " + Locations.firstLine(cancelFailed));
                Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
            }
        }
    }
}
