package io.squeaky.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LargestFitsFirstTest {

    @Test
    void theLargestWaitingFitRunsFirstAndEqualSizesInTheOrderAskedFor() throws Exception {
        ExecutorService pool = LargestFitsFirst.pool(1, Thread::new);
        try {
            CountDownLatch busy = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            List<String> ran = new CopyOnWriteArrayList<>();
            LargestFitsFirst.sized(pool, 1)
                    .execute(
                            () -> {
                                busy.countDown();
                                await(release);
                            });
            assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<?>[] asked = {
                run(pool, 3, "small", ran),
                run(pool, 500_000, "whole input study", ran),
                run(pool, 1, "tiny", ran),
                run(pool, 500_000, "whole input, next model", ran),
                run(pool, 40, "brand", ran)
            };
            release.countDown();
            CompletableFuture.allOf(asked).get(10, TimeUnit.SECONDS);

            assertThat(ran)
                    .containsExactly(
                            "whole input study",
                            "whole input, next model",
                            "brand",
                            "small",
                            "tiny");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anyOtherExecutorRunsTheTasksAsItWould() {
        List<String> ran = new CopyOnWriteArrayList<>();
        run(Runnable::run, 1, "first", ran);
        run(Runnable::run, 9, "second", ran);
        assertThat(ran).containsExactly("first", "second");
    }

    private static CompletableFuture<Void> run(
            Executor fits, long size, String name, List<String> ran) {
        return CompletableFuture.runAsync(() -> ran.add(name), LargestFitsFirst.sized(fits, size));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
