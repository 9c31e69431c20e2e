package io.squeaky.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.squeaky.flink.Counters;
import io.squeaky.flink.KeyedStateGauges;
import io.squeaky.replay.LoopedReplay;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.flink.api.common.JobID;

/**
 * One sample of a soak, read the way an operator would read a deployment: the job's checkpoints,
 * accumulators and its operators' gauges through Flink's REST API, the checkpoint folder on disk,
 * and the live heap and resident memory of the TaskManager that runs every task of the job (its own
 * JVM: the broker and the replay are elsewhere).
 */
final class SoakSampler {

    static final String ELAPSED = "elapsed_s";
    static final String LIVE_HEAP = "live_heap_mb";
    private static final String ENTRIES = "entries: ";
    private static final String TIMERS = "timers: ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI rest;
    private final JobID job;
    private final Path state;
    private final LoopedReplay replay;
    private final long taskManager;
    private final LiveHeap heap;
    private final HttpClient http = HttpClient.newHttpClient();

    SoakSampler(
            URI rest, JobID job, Path state, LoopedReplay replay, long taskManager, LiveHeap heap) {
        this.rest = rest;
        this.job = job;
        this.state = state;
        this.replay = replay;
        this.taskManager = taskManager;
        this.heap = heap;
    }

    /**
     * The series a soak judges flat or growing; the others give context. The live heap is what a
     * full collection leaves in the TaskManager: what would grow if the job leaked.
     */
    static boolean judged(String column) {
        return column.startsWith(ENTRIES)
                || column.startsWith(TIMERS)
                || List.of(
                                "checkpoint_bytes",
                                "checkpoint_dir_bytes",
                                LIVE_HEAP,
                                "rss_mb",
                                "entries_total",
                                "timers_total")
                        .contains(column);
    }

    Map<String, Double> sample(double elapsedSeconds) throws Exception {
        Map<String, Double> sample = new LinkedHashMap<>();
        sample.put(ELAPSED, Math.rint(elapsedSeconds));
        sample.put("messages_sent", (double) replay.sent());
        sample.put("replay_event_day", replay.eventTime() / 86_400_000.0);
        JsonNode accumulators =
                get("/jobs/" + job + "/accumulators").path("user-task-accumulators");
        for (JsonNode accumulator : accumulators) {
            String name = accumulator.path("name").asText();
            if (name.equals(Counters.READ)
                    || name.equals(Counters.EVENTS_READ)
                    || name.equals(Counters.CASES)) {
                sample.put(name.replace('-', '_'), accumulator.path("value").asDouble());
            }
        }
        JsonNode latest = get("/jobs/" + job + "/checkpoints").path("latest").path("completed");
        sample.put("checkpoint_id", latest.path("id").asDouble());
        sample.put("checkpoint_bytes", latest.path("checkpointed_size").asDouble());
        sample.put("checkpoint_dir_bytes", (double) folderBytes(state));
        LiveHeap.Reading live = heap.afterFullCollection();
        sample.put(LIVE_HEAP, live.liveMb());
        sample.put("heap_committed_mb", live.committedMb());
        sample.put("full_gc_pause_ms", (double) live.pauseMs());
        sample.put("rss_mb", mb(residentBytes(taskManager)));
        Map<String, Double> gauges = operatorGauges();
        // Before the job's operators report their gauges there is no reading, not a zero: a
        // zero would count as a warm-up in the totals' trends.
        if (!gauges.isEmpty()) {
            sample.put("entries_total", sum(gauges, ENTRIES));
            sample.put("timers_total", sum(gauges, TIMERS));
        }
        sample.putAll(gauges);
        return sample;
    }

    static String line(Map<String, Double> sample) {
        return String.format(
                Locale.ROOT,
                "%5.0f s  sent %,10.0f  event time %s  checkpoint #%.0f %,9.0f B  live heap %,6.1f MB"
                        + " (full GC %,4.0f ms)  RSS %,5.0f MB  keyed-state entries %,6.0f"
                        + "  timers %,6.0f",
                sample.get(ELAPSED),
                sample.get("messages_sent"),
                Instant.ofEpochMilli((long) (sample.get("replay_event_day") * 86_400_000L))
                        .toString()
                        .substring(0, 10),
                sample.get("checkpoint_id"),
                sample.get("checkpoint_bytes"),
                sample.get(LIVE_HEAP),
                sample.get("full_gc_pause_ms"),
                sample.get("rss_mb"),
                sample.get("entries_total"),
                sample.get("timers_total"));
    }

    /** Each stateful operator's gauges, summed over its subtasks, keyed "entries: NAME". */
    private Map<String, Double> operatorGauges() throws Exception {
        Map<String, Double> gauges = new TreeMap<>();
        for (JsonNode vertex : get("/jobs/" + job).path("vertices")) {
            String path = "/jobs/" + job + "/vertices/" + vertex.path("id").asText() + "/metrics";
            List<String> ids = new ArrayList<>();
            for (JsonNode metric : get(path)) {
                String id = metric.path("id").asText();
                if (id.endsWith("." + KeyedStateGauges.ENTRIES)
                        || id.endsWith("." + KeyedStateGauges.TIMERS)) {
                    ids.add(id);
                }
            }
            if (ids.isEmpty()) {
                continue;
            }
            String query =
                    ids.stream()
                            .map(
                                    id ->
                                            URLEncoder.encode(id, StandardCharsets.UTF_8)
                                                    .replace("+", "%20"))
                            .collect(Collectors.joining(","));
            for (JsonNode metric : get(path + "?get=" + query)) {
                String id = metric.path("id").asText();
                // subtask.operator name.metric: the operator's name may hold dots itself.
                String operator = id.substring(id.indexOf('.') + 1, id.lastIndexOf('.'));
                String kind = id.endsWith(KeyedStateGauges.ENTRIES) ? ENTRIES : TIMERS;
                gauges.merge(kind + operator, metric.path("value").asDouble(), Double::sum);
            }
        }
        return gauges;
    }

    private static double sum(Map<String, Double> gauges, String prefix) {
        return gauges.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .mapToDouble(Map.Entry::getValue)
                .sum();
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(rest.resolve(path))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(
                    "GET " + path + ": HTTP " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static long residentBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    private static long folderBytes(Path dir) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return walkedBytes(dir);
            } catch (UncheckedIOException subsumed) {
                // A checkpoint was deleted under the walk; the next walk sees the new one.
                if (attempt == 3) {
                    throw subsumed.getCause();
                }
            }
        }
    }

    private static long walkedBytes(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(
                            file -> {
                                try {
                                    return Files.size(file);
                                } catch (IOException gone) {
                                    return 0; // a checkpoint subsumed while walking
                                }
                            })
                    .sum();
        }
    }

    private static double mb(long bytes) {
        return bytes / 1024.0 / 1024.0;
    }
}
