package io.squeaky.metrics;

import java.util.Comparator;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A pool for the hazard-ratio fits that runs the largest waiting fit first. A batch run's fits
 * range from the whole input's study models, hundreds of thousands of intervals each, to brands
 * with a handful in one period: started in the order they were asked for, a large one can be left
 * to run alone at the end while the other thread idles. Largest first keeps both busy to the end.
 * The order the fits run in changes no row: their rows are collected in the order they were asked
 * for.
 */
public final class LargestFitsFirst {

    private static final Comparator<Runnable> ORDER =
            Comparator.comparingLong((Runnable task) -> ((Sized) task).size)
                    .reversed()
                    .thenComparingLong(task -> ((Sized) task).sequence);

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private LargestFitsFirst() {}

    /** A pool of {@code threads} threads; tasks must come through {@link #sized}. */
    public static ExecutorService pool(int threads, ThreadFactory threadFactory) {
        return new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.MILLISECONDS,
                new PriorityBlockingQueue<>(64, ORDER),
                threadFactory);
    }

    /**
     * {@code fits}, each task it is given ranked by {@code size} (the rows it reads) in a pool of
     * {@link #pool}; any other executor runs the tasks as it would.
     */
    static Executor sized(Executor fits, long size) {
        return task -> fits.execute(new Sized(size, SEQUENCE.getAndIncrement(), task));
    }

    private record Sized(long size, long sequence, Runnable task) implements Runnable {
        @Override
        public void run() {
            task.run();
        }
    }
}
