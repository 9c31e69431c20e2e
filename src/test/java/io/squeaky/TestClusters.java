package io.squeaky;

import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.test.junit5.MiniClusterExtension;

/** The MiniCluster every *ITCase runs on: one TaskManager with two slots, for parallelism 2. */
public final class TestClusters {

    private TestClusters() {}

    public static MiniClusterExtension twoSlots() {
        return slots(2);
    }

    /** One TaskManager with this many slots: for a job rescaled on restore, say. */
    public static MiniClusterExtension slots(int slots) {
        return new MiniClusterExtension(
                new MiniClusterResourceConfiguration.Builder()
                        .setNumberTaskManagers(1)
                        .setNumberSlotsPerTaskManager(slots)
                        .build());
    }
}
