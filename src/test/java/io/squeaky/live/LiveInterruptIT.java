package io.squeaky.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jobs/live} interrupted as Ctrl-C interrupts it (SIGINT to its whole process group): the
 * replay, the streaming job and the broker all end within seconds, the job after a savepoint, and
 * no process it started is left behind. Runs after packaging, under failsafe, so the launcher finds
 * the job jar built.
 */
class LiveInterruptIT {

    private static final Duration START = Duration.ofMinutes(5);
    private static final Duration STOP = Duration.ofSeconds(45);

    @TempDir Path dir;

    @Test
    void ctrlCStopsEveryProcessItStarted() throws Exception {
        Path log = dir.resolve("live.out");
        Process live =
                // A shell cannot trap a signal it was started ignoring, and a build launched
                // in the background (nohup, a CI runner's `&`) hands SIGINT down ignored: a
                // terminal's Ctrl-C reaches jobs/live with it at its default.
                new ProcessBuilder(
                                "env",
                                "--default-signal=INT",
                                "setsid",
                                "bash",
                                "jobs/live",
                                "--out",
                                dir.resolve("live").toString(),
                                "--speedup",
                                "20000")
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
        long group = live.pid();
        try {
            awaitLine(log, "records read", START);
            List<ProcessHandle> started = new ArrayList<>(live.descendants().toList());
            started.add(live.toHandle());
            assertThat(started.stream().map(LiveInterruptIT::command))
                    .as("broker, streaming job and replay are running")
                    .anyMatch(c -> c.contains("kafka.Kafka"))
                    .anyMatch(c -> c.contains("io.squeaky.jobs.StreamingJob"))
                    .anyMatch(c -> c.contains("io.squeaky.replay.ReplayProducer"));

            long interrupted = System.nanoTime();
            signalGroup("INT", group);
            long deadline = interrupted + STOP.toNanos();
            while (System.nanoTime() < deadline
                    && started.stream().anyMatch(ProcessHandle::isAlive)) {
                Thread.sleep(200);
            }
            double seconds = (System.nanoTime() - interrupted) / 1e9;
            String printed = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(
                            started.stream()
                                    .filter(ProcessHandle::isAlive)
                                    .map(LiveInterruptIT::command))
                    .as("processes left %.1f s after Ctrl-C; live printed:%n%s", seconds, printed)
                    .isEmpty();
            assertThat(groupMembers(group)).as("nothing else in its process group").isEmpty();
            assertThat(printed).contains("stopped; savepoint at").contains("stopped.");
            System.out.printf("jobs/live stopped %.1f s after Ctrl-C%n", seconds);
        } finally {
            if (!groupMembers(group).isEmpty()) {
                signalGroup("KILL", group);
            }
        }
    }

    /** The whole command line: Java's process info cuts long ones such as a classpath. */
    private static String command(ProcessHandle process) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc/" + process.pid() + "/cmdline"));
            return new String(raw, StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException gone) {
            return "";
        }
    }

    private static void signalGroup(String signal, long group) throws Exception {
        new ProcessBuilder("kill", "-" + signal, "--", "-" + group).inheritIO().start().waitFor();
    }

    /** Live processes whose process group is {@code group}, read from /proc. */
    private static List<Long> groupMembers(long group) {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .filter(p -> processGroup(p.pid()).filter(g -> g == group).isPresent())
                .map(ProcessHandle::pid)
                .toList();
    }

    private static Optional<Long> processGroup(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // pid (comm) state ppid pgrp ...: comm may hold spaces, so count from its end.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(Long.parseLong(fields[2]));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    private static void awaitLine(Path log, String text, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError(
                "jobs/live printed no '" + text + "' in " + within + ":\n" + Files.readString(log));
    }
}
