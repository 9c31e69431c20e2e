package io.squeaky.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Simulated tickets with a planted escalation effect, clustered by customer. Each customer files
 * one to three tickets and has a frailty (lognormal, mean 1) that scales the hazard of all of them,
 * so tickets of one customer are correlated, as real ones are. A ticket is escalated with
 * probability 0.4, which multiplies its resolution hazard by the planted hazard ratio; times are
 * exponential and independently censored (about a fifth of quiet tickets; fewer escalated ones,
 * which resolve sooner).
 *
 * <p>Escalation then rescales time: S_escalated(t) = S_quiet(hazardRatio * t) for any frailty
 * distribution, so the true ratio of median resolution times, escalated over quiet, is exactly
 * {@code 1 / hazardRatio}.
 *
 * <p>Escalation here is decided at the open and acts from it: the one setting in which a comparison
 * of medians from the open is unbiased, and so the right setting for checking the bootstrap
 * interval itself. Real escalation happens in the middle of a case and that comparison is then
 * biased by immortal time; the pipeline's generator plants it so, and {@code effects} measures it
 * (io.squeaky.crosschannel.PlantedEffectITCase).
 */
final class PlantedTickets {

    private static final double FRAILTY_SIGMA = 0.5;
    private static final double ESCALATION_PROBABILITY = 0.4;
    private static final double CENSORING_RATE = 0.25;

    private PlantedTickets() {}

    record Sample(List<Observation> escalated, List<Observation> quiet) {}

    static Sample draw(int customers, double hazardRatio, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Observation> escalated = new ArrayList<>();
        List<Observation> quiet = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            String customer = "customer-" + c;
            double frailty =
                    Math.exp(
                            FRAILTY_SIGMA * random.nextGaussian()
                                    - FRAILTY_SIGMA * FRAILTY_SIGMA / 2);
            int tickets = 1 + random.nextInt(3);
            for (int t = 0; t < tickets; t++) {
                boolean isEscalated = random.nextDouble() < ESCALATION_PROBABILITY;
                double hazard = frailty * (isEscalated ? hazardRatio : 1);
                double resolution = exponential(random) / hazard;
                double censoring = exponential(random) / CENSORING_RATE;
                Observation ticket =
                        new Observation(
                                Math.min(resolution, censoring), resolution <= censoring, customer);
                (isEscalated ? escalated : quiet).add(ticket);
            }
        }
        return new Sample(escalated, quiet);
    }

    private static double exponential(SplittableRandom random) {
        return -Math.log(1 - random.nextDouble());
    }
}
