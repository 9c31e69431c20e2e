package io.squeaky.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The highest heap in use and resident set size of this JVM while a step runs, sampled every 50 ms
 * (the job runs in this JVM's MiniCluster). Heap in use includes garbage not yet collected, so it
 * is an upper bound of what the job needs; RSS ({@code VmRSS} of {@code /proc/self/status}, Linux)
 * adds the JVM's own memory, Flink's managed memory and network buffers.
 */
final class PeakMemory implements AutoCloseable {

    private static final Path STATUS = Path.of("/proc/self/status");

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final ScheduledExecutorService sampler =
            Executors.newSingleThreadScheduledExecutor(
                    task -> {
                        Thread thread = new Thread(task, "bench-peak-memory");
                        thread.setDaemon(true);
                        return thread;
                    });
    private volatile long heapBytes;
    private volatile long rssBytes = -1;

    private PeakMemory() {}

    static PeakMemory start() {
        PeakMemory peak = new PeakMemory();
        peak.sample();
        peak.sampler.scheduleAtFixedRate(peak::sample, 50, 50, TimeUnit.MILLISECONDS);
        return peak;
    }

    private void sample() {
        heapBytes = Math.max(heapBytes, memory.getHeapMemoryUsage().getUsed());
        long rss = rss();
        if (rss > rssBytes) {
            rssBytes = rss;
        }
    }

    private static long rss() {
        try {
            for (String line : Files.readAllLines(STATUS)) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // Leaves RSS unknown.
        }
        return -1;
    }

    double heapMegabytes() {
        return heapBytes / (1024.0 * 1024);
    }

    /** NaN where the system does not say. */
    double rssMegabytes() {
        return rssBytes < 0 ? Double.NaN : rssBytes / (1024.0 * 1024);
    }

    @Override
    public void close() {
        sample();
        sampler.shutdownNow();
    }
}
