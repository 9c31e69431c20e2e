package io.squeaky.generate;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Out-of-order noise: passes items through in the order they come, except that some are held back
 * and written after later ones. A held item goes out just before the first item more than its delay
 * (up to ten minutes) after it, so everything written ahead of it lies within ten minutes of its
 * time, the bound a streaming reader's watermark has to allow for.
 */
final class LateArrivals<T extends Timed> {

    static final long MAX_DELAY_SECONDS = 600;

    private record Held<T>(long releaseAfter, T item) {}

    private final double rate;
    private final SplittableRandom random;
    private final List<Held<T>> held = new ArrayList<>();

    LateArrivals(double rate, SplittableRandom random) {
        this.rate = rate;
        this.random = random;
    }

    void accept(T item, Consumer<T> out) {
        release(item.time(), out);
        if (rate > 0 && Draws.chance(random, rate)) {
            held.add(new Held<>(item.time() + 1 + random.nextLong(MAX_DELAY_SECONDS), item));
        } else {
            out.accept(item);
        }
    }

    /** Writes everything still held, in the order it was held. */
    void flush(Consumer<T> out) {
        release(Long.MAX_VALUE, out);
    }

    private void release(long before, Consumer<T> out) {
        for (Iterator<Held<T>> it = held.iterator(); it.hasNext(); ) {
            Held<T> h = it.next();
            if (h.releaseAfter() < before) {
                it.remove();
                out.accept(h.item());
            }
        }
    }
}
