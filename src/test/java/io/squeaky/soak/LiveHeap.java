package io.squeaky.soak;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.util.List;
import java.util.Set;
import javax.management.MBeanServerConnection;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * The live heap of another JVM (the TaskManager that runs the job), read over JMX through the
 * attach API: a forced full collection, then what that collection left. Heap used between
 * collections is a sawtooth, and the heap "after the last GC" is after a young collection as often
 * as not, which leaves garbage in the old generation; only a full collection empties it of
 * everything unreachable, so what is left is what the process holds on to.
 */
final class LiveHeap implements AutoCloseable {

    /** The collectors of HotSpot that collect the whole heap (G1, Parallel, Serial). */
    private static final Set<String> FULL_COLLECTORS =
            Set.of("G1 Old Generation", "PS MarkSweep", "MarkSweepCompact");

    private static final int ATTEMPTS = 5;

    private static final ObjectName DIAGNOSTICS = name("com.sun.management:type=DiagnosticCommand");

    private final JMXConnector connector;
    private final MBeanServerConnection server;
    private final MemoryMXBean memory;
    private final GarbageCollectorMXBean full;

    /** What one forced full collection left, and how long it paused the process. */
    record Reading(double liveMb, double committedMb, long pauseMs) {}

    private LiveHeap(JMXConnector connector) throws IOException {
        this.connector = connector;
        this.server = connector.getMBeanServerConnection();
        this.memory =
                ManagementFactory.newPlatformMXBeanProxy(
                        server, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        List<GarbageCollectorMXBean> collectors =
                ManagementFactory.getPlatformMXBeans(server, GarbageCollectorMXBean.class);
        this.full =
                collectors.stream()
                        .filter(c -> FULL_COLLECTORS.contains(c.getName()))
                        .findFirst()
                        .orElseThrow(
                                () ->
                                        new IllegalStateException(
                                                "no full collector among "
                                                        + collectors.stream()
                                                                .map(
                                                                        GarbageCollectorMXBean
                                                                                ::getName)
                                                                .toList()));
    }

    /** Attaches to the JVM with this process id and starts its local JMX agent. */
    static LiveHeap of(long pid) throws Exception {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        String address;
        try {
            address = vm.startLocalManagementAgent();
        } finally {
            vm.detach();
        }
        return new LiveHeap(JMXConnectorFactory.connect(new JMXServiceURL(address)));
    }

    /**
     * Forces a full collection ({@code System.gc()}, which HotSpot's collectors run as a full,
     * stop-the-world one unless told otherwise) and reads the heap that collection left, from the
     * full collector's own record of it, so that nothing allocated after it counts. Refuses to read
     * when the full collector did not run.
     */
    Reading afterFullCollection() throws IOException {
        GcInfo last = null;
        // G1 drops a System.gc() when a young collection slips in between the request and its
        // start (it counts collections to tell), so ask again until the full collector has run.
        for (int attempt = 0; attempt < ATTEMPTS && last == null; attempt++) {
            long before = full.getCollectionCount();
            memory.gc();
            if (full.getCollectionCount() > before) {
                last = full.getLastGcInfo();
            }
        }
        if (last == null) {
            throw new IllegalStateException(
                    full.getName()
                            + " did not run on "
                            + ATTEMPTS
                            + " System.gc() calls: -XX:+DisableExplicitGC or"
                            + " -XX:+ExplicitGCInvokesConcurrent on the TaskManager?");
        }
        long live = 0;
        long committed = 0;
        for (var pool : last.getMemoryUsageAfterGc().entrySet()) {
            if (isHeapPool(pool.getKey())) {
                MemoryUsage usage = pool.getValue();
                live += usage.getUsed();
                committed += usage.getCommitted();
            }
        }
        return new Reading(mb(live), mb(committed), last.getDuration());
    }

    /** The name of the collector that collects the whole heap, e.g. "G1 Old Generation". */
    String fullCollector() {
        return full.getName();
    }

    /** {@code jcmd PID GC.class_histogram}: instances and bytes per class, after a full GC. */
    String classHistogram() throws Exception {
        return (String)
                server.invoke(
                        DIAGNOSTICS,
                        "gcClassHistogram",
                        new Object[] {new String[0]},
                        new String[] {String[].class.getName()});
    }

    /** The heap pools of HotSpot's collectors; the others (metaspace, code cache) are not heap. */
    private static boolean isHeapPool(String pool) {
        return pool.contains("Eden")
                || pool.contains("Survivor")
                || pool.contains("Old Gen")
                || pool.contains("Tenured");
    }

    @Override
    public void close() throws IOException {
        connector.close();
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (javax.management.MalformedObjectNameException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }
}
