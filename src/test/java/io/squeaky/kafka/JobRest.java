package io.squeaky.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.squeaky.flink.Counters;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A running job as Flink's REST API shows it, the way an operator of a deployment reads it. */
final class JobRest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI rest;
    private final String job;
    private final HttpClient http = HttpClient.newHttpClient();

    JobRest(URI rest, String job) {
        this.rest = rest;
        this.job = job;
    }

    /** The largest watermark lag over the subtasks of the operator that reports it. */
    Optional<Long> watermarkLag() {
        try {
            for (JsonNode vertex : get("/jobs/" + job).path("vertices")) {
                String path =
                        "/jobs/" + job + "/vertices/" + vertex.path("id").asText() + "/metrics";
                List<String> ids = new ArrayList<>();
                for (JsonNode metric : get(path)) {
                    String id = metric.path("id").asText();
                    if (id.endsWith("." + Counters.WATERMARK_LAG)) {
                        ids.add(URLEncoder.encode(id, StandardCharsets.UTF_8).replace("+", "%20"));
                    }
                }
                if (!ids.isEmpty()) {
                    long max = 0;
                    for (JsonNode value : get(path + "?get=" + String.join(",", ids))) {
                        max = Math.max(max, value.path("value").asLong());
                    }
                    return Optional.of(max);
                }
            }
        } catch (IOException | InterruptedException unavailable) {
            // A sample missed; the caller samples again.
        }
        return Optional.empty();
    }

    long completedCheckpoints() throws Exception {
        return get("/jobs/" + job + "/checkpoints").path("counts").path("completed").asLong();
    }

    /** Whether the job ever failed over: the time it last entered RESTARTING, and its counter. */
    boolean everRestarted() throws Exception {
        long restartingAt = get("/jobs/" + job).path("timestamps").path("RESTARTING").asLong();
        long restarts =
                get("/jobs/" + job + "/metrics?get=numRestarts").get(0).path("value").asLong();
        return restartingAt > 0 || restarts > 0;
    }

    long recordsRead() throws Exception {
        for (JsonNode accumulator :
                get("/jobs/" + job + "/accumulators").path("user-task-accumulators")) {
            if (accumulator.path("name").asText().equals(Counters.READ)) {
                return accumulator.path("value").asLong();
            }
        }
        return 0;
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response =
                http.send(
                        HttpRequest.newBuilder(rest.resolve(path))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + ": HTTP " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }
}
