package io.squeaky.generate;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Generates the two inputs of a cross-channel study, service-desk events and Twitter API v2 pages,
 * for cases whose clocks are known: each case's resolution time is drawn from a
 * proportional-hazards model with planted effects, and its true clocks are written beside the data.
 * Deterministic from the seed; streams, holding only the cases still open.
 */
public final class CrossChannelGenerator {

    private CrossChannelGenerator() {}

    /** What a run wrote, for the speed report. */
    public record Result(long tickets, long deskRows, long tweets, int peakQueued) {

        /** Desk rows and tweets written, repeats included, garbage lines not. */
        public long events() {
            return deskRows + tweets;
        }
    }

    public static void main(String[] args) throws IOException {
        CrossChannelSettings settings;
        try {
            settings = CrossChannelSettings.fromArgs(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (settings == null) {
            System.out.print(CrossChannelSettings.USAGE);
            return;
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long began = System.nanoTime();
        long cpuBefore = threads.getCurrentThreadCpuTime();
        Result result = run(settings);
        double seconds = (System.nanoTime() - began) / 1e9;
        // On a shared machine wall time depends on the neighbours; the thread's CPU time does not.
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%d tickets: %d desk rows and %d tweets (%d events) in %.2f s, %.0f events/s"
                        + " (%.2f s CPU on the generating thread, %.0f events per CPU second);"
                        + " at most %d cases queued%n",
                result.tickets(),
                result.deskRows(),
                result.tweets(),
                result.events(),
                seconds,
                result.events() / seconds,
                cpuSeconds,
                result.events() / cpuSeconds,
                result.peakQueued());
    }

    public static Result run(CrossChannelSettings settings) throws IOException {
        Path root = settings.output();
        OutputFiles.prepare(root);
        BrandSetup brands = BrandSetup.write(settings, root.resolve(OutputFiles.TRUTH));
        // One stream per concern, so that changing a noise rate changes no case.
        SplittableRandom seeds = new SplittableRandom(settings.seed());
        SplittableRandom stormRandom = seeds.split();
        SplittableRandom arrivalRandom = seeds.split();
        SplittableRandom caseRandom = seeds.split();
        SplittableRandom deskNoise = seeds.split();
        SplittableRandom postNoise = seeds.split();

        long start = settings.start().getEpochSecond();
        long end = settings.dataEnd();
        long observationEnd = settings.censoring() ? end : Long.MAX_VALUE;
        StormPlan storms = StormPlan.plant(brands.brands(), start, end, stormRandom);
        CaseArrivals arrivals = new CaseArrivals(storms, settings.cases(), end, arrivalRandom);
        CasePlanner planner = new CasePlanner(brands, settings, caseRandom);
        TimeOrderedQueue queue = new TimeOrderedQueue(start);
        CaseTally tally = new CaseTally();

        DeskEventWriter desk =
                new DeskEventWriter(root.resolve(OutputFiles.EVENTS), settings, deskNoise);
        PostPageWriter posts =
                new PostPageWriter(root.resolve(OutputFiles.POSTS), settings, postNoise);
        try (desk;
                posts;
                TruthWriter truth = new TruthWriter(root.resolve(OutputFiles.CASES))) {
            Consumer<Timed> write =
                    item -> {
                        if (item instanceof DeskEvent event) {
                            desk.write(event);
                        } else {
                            posts.write((GeneratedTweet) item);
                        }
                    };
            while (arrivals.hasNext()) {
                Arrival arrival = arrivals.next();
                queue.releaseBefore(arrival.openedAt(), write);
                CaseScript script = planner.plan(arrival);
                List<DeskEvent> events = observed(script.events(), observationEnd);
                List<GeneratedTweet> tweets = observed(script.tweets(), observationEnd);
                CaseClocks clocks =
                        TruthClocks.measure(
                                events, tweets, brands.clock(arrival.brand()), observationEnd);
                boolean censored =
                        arrival.openedAt() + script.resolutionSeconds() >= observationEnd;
                truth.write(
                        script,
                        brands.brand(arrival.brand()),
                        clocks,
                        events.size(),
                        tweets.size(),
                        censored);
                tally.add(script, clocks, censored);
                queue.add(events, tweets);
            }
            queue.releaseAll(write);
        }
        ParametersFile.write(
                root.resolve(OutputFiles.PARAMETERS), settings, brands, storms, tally, desk, posts);
        return new Result(tally.tickets(), desk.rows(), posts.placed(), queue.peak());
    }

    /** What the data shows of a case: everything before its end. */
    private static <T extends Timed> List<T> observed(List<T> items, long observationEnd) {
        if (items.isEmpty() || items.get(items.size() - 1).time() < observationEnd) {
            return items;
        }
        List<T> seen = new ArrayList<>(items.size());
        for (T item : items) {
            if (item.time() < observationEnd) {
                seen.add(item);
            }
        }
        return seen;
    }
}
