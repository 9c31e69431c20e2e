package io.squeaky.soak;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LiveHeapTest {

    private static final int HELD_MB = 64;

    /**
     * A JVM that holds {@value #HELD_MB} MB and throws away ten times as much, then waits. In
     * arrays of 64 KB: G1 gives an array of half a region or more regions of its own, and counts
     * them whole.
     */
    public static final class Holder {
        private static final int ARRAYS = HELD_MB * 16;
        static final byte[][] HELD = new byte[ARRAYS][];

        public static void main(String[] args) throws Exception {
            for (int i = 0; i < ARRAYS; i++) {
                HELD[i] = new byte[64 * 1024];
                for (int j = 0; j < 10; j++) {
                    byte[] garbage = new byte[64 * 1024];
                    garbage[j] = 1;
                }
            }
            System.out.println("holding");
            System.out.flush();
            Thread.sleep(TimeUnit.MINUTES.toMillis(2));
        }
    }

    @Test
    void readsWhatAnotherJvmHoldsAfterAFullCollectionAndNamesItsClasses() throws Exception {
        Process holder =
                new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                                "-Xmx512m",
                                "-Xms512m",
                                "-cp",
                                System.getProperty("java.class.path"),
                                Holder.class.getName())
                        .redirectErrorStream(true)
                        .start();
        try {
            BufferedReader out =
                    new BufferedReader(
                            new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("holding");
            try (LiveHeap heap = LiveHeap.of(holder.pid())) {
                LiveHeap.Reading reading = heap.afterFullCollection();
                // The held arrays and the JVM's own few MB; none of the garbage.
                assertThat(reading.liveMb()).isBetween((double) HELD_MB, HELD_MB + 40.0);
                assertThat(reading.committedMb()).isGreaterThanOrEqualTo(reading.liveMb());
                ClassHistogram histogram = ClassHistogram.parse(heap.classHistogram());
                assertThat(histogram.classes().get("[B").bytes())
                        .isGreaterThanOrEqualTo(HELD_MB * 1024L * 1024);
            }
        } finally {
            holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
