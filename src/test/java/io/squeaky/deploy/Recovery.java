package io.squeaky.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;

/**
 * How a job on the cluster came back from a failure, from the REST API, in milliseconds after the
 * moment the failure was caused: when the job noticed (it left RUNNING), when it was RUNNING again
 * with every task running, and when its first checkpoint after the restore completed.
 */
record Recovery(
        long noticedMs,
        long runningMs,
        long allTasksMs,
        long checkpointMs,
        long restoredCheckpoint) {

    static Recovery await(StandaloneCluster cluster, String job, long causedAt) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        long noticed = -1;
        long allTasks = -1;
        while (System.nanoTime() < deadline) {
            JsonNode details = cluster.rest("/jobs/" + job);
            long restartedAt = details.path("timestamps").path("RESTARTING").asLong();
            if (noticed < 0 && restartedAt >= causedAt) {
                noticed = restartedAt - causedAt;
            }
            if (noticed >= 0 && allTasks < 0 && TaskManagerLossIT.allTasksRunning(cluster, job)) {
                allTasks = System.currentTimeMillis() - causedAt;
            }
            JsonNode checkpoints = cluster.rest("/jobs/" + job + "/checkpoints");
            JsonNode restored = checkpoints.path("latest").path("restored");
            JsonNode completed = checkpoints.path("latest").path("completed");
            if (allTasks >= 0
                    && !restored.isMissingNode()
                    && !restored.isNull()
                    && completed.path("id").asLong() > restored.path("id").asLong()) {
                long running = details.path("timestamps").path("RUNNING").asLong() - causedAt;
                return new Recovery(
                        noticed,
                        running,
                        allTasks,
                        completed.path("latest_ack_timestamp").asLong() - causedAt,
                        restored.path("id").asLong());
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the job did not recover within 3 minutes:\n" + cluster.logs());
    }

    String describe() {
        return String.format(
                Locale.ROOT,
                "failure noticed after %.1f s, job RUNNING again after %.1f s, every task running"
                        + " after %.1f s, first checkpoint after the restore completed after %.1f s;"
                        + " restored from checkpoint %d",
                noticedMs / 1000.0,
                runningMs / 1000.0,
                allTasksMs / 1000.0,
                checkpointMs / 1000.0,
                restoredCheckpoint);
    }
}
