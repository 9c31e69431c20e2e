package io.squeaky.generate;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

/**
 * A fixed number of case openings in time order, without holding them: given the count, the
 * openings of a Poisson process are independent draws from its intensity, and their sorted order
 * can be drawn one after another (the next of k remaining uniforms above u is 1 - (1 - u) V^(1/k)).
 */
final class CaseArrivals implements Iterator<Arrival> {

    private final StormPlan plan;
    private final int cases;
    private final long lastSecond;
    private final SplittableRandom random;
    private int next;
    private double position;

    CaseArrivals(StormPlan plan, int cases, long end, SplittableRandom random) {
        this.plan = plan;
        this.cases = cases;
        this.lastSecond = end - 1;
        this.random = random;
    }

    @Override
    public boolean hasNext() {
        return next < cases;
    }

    @Override
    public Arrival next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int remaining = cases - next;
        position = 1 - (1 - position) * StrictMath.pow(1 - random.nextDouble(), 1.0 / remaining);
        double at = plan.instantAt(position * plan.totalIntensity());
        int brand = plan.brandAt(at, random.nextDouble());
        long second = Math.min((long) Math.floor(at), lastSecond);
        return new Arrival(next++, second, brand, plan.stormAt(brand, second) != null);
    }
}
