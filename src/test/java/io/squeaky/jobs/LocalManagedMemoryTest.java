package io.squeaky.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.junit.jupiter.api.Test;

/**
 * The managed memory a local run's embedded task manager gets, which BATCH's sorts share: 512 MB
 * unless {@code --managed-memory} says otherwise.
 */
class LocalManagedMemoryTest {

    @Test
    void aLocalRunGets512MegabytesByDefault() {
        assertThat(managedMemory("--output", "out")).isEqualTo(MemorySize.parse("512m"));
    }

    @Test
    void theOptionSetsIt() {
        assertThat(managedMemory("--output", "out", "--managed-memory", "1gb"))
                .isEqualTo(MemorySize.parse("1g"));
    }

    @Test
    void somethingNotASizeIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> managedMemory("--output", "out", "--managed-memory", "lots"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--managed-memory");
    }

    private static MemorySize managedMemory(String... args) {
        PipelineConfig pipeline = PipelineConfig.from(Options.parse(args));
        return JobRunner.environment(pipeline)
                .getConfiguration()
                .get(TaskManagerOptions.MANAGED_MEMORY_SIZE);
    }
}
