package io.squeaky.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.flink.configuration.Configuration;
import org.junit.jupiter.api.Test;

/**
 * An operator upgrade restarts the streaming job with its usual arguments and the savepoint in the
 * cluster's configuration: that continues the run in the output folder instead of being refused.
 */
class ClusterRestoreTest {

    @Test
    void aSavepointNamedByTheClusterCountsAsResumingAndItsAbsenceDoesNot() {
        assertThat(
                        StreamingJob.restoredByCluster(
                                Configuration.fromMap(
                                        Map.of(
                                                "execution.state-recovery.path",
                                                "s3://squeaky/tables/stream/_state/savepoints/sp-1"))))
                .isTrue();
        assertThat(StreamingJob.restoredByCluster(new Configuration())).isFalse();
    }
}
