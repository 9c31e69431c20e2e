package io.squeaky.stats;

import java.util.List;

/**
 * Weeks of remission in the 6-mercaptopurine trial of Freireich et al. (Blood 21, 1963, 699-716),
 * as tabulated in Cox and Oakes, Analysis of Survival Data (1984), Table 1.1, and shipped in R as
 * {@code MASS::gehan}.
 *
 * <p>The reference values in the tests come from R 4.2.2 with survival 3.5-3 (Debian bookworm's
 * r-base-core and r-cran-survival), run on this data as
 *
 * <pre>
 * library(survival); library(MASS)
 * mp &lt;- subset(gehan, treat == "6-MP"); pl &lt;- subset(gehan, treat == "control")
 * f &lt;- survfit(Surv(time, cens) ~ 1, data = mp, conf.type = "log-log")  # and "log"
 * data.frame(f$time, f$n.risk, f$n.event, f$surv, f$surv * f$std.err, f$lower, f$upper)
 * quantile(f, probs = c(0.1, 0.25, 0.5, 0.75))
 * survdiff(Surv(time, cens) ~ treat, data = gehan)
 * </pre>
 *
 * printed with {@code options(digits = 15)}. They agree with the textbook tables to the digits
 * those print (6-MP: S(6) = 0.857, se 0.0764; ... S(23) = 0.448, se 0.1346; log-rank 16.8).
 */
final class Freireich {

    static final List<Observation> SIX_MP =
            Samples.of("6 6 6 6+ 7 9+ 10 10+ 11+ 13 16 17+ 19+ 20+ 22 23 25+ 32+ 32+ 34+ 35+");

    static final List<Observation> PLACEBO =
            Samples.of("1 1 2 2 3 4 4 5 5 8 8 8 8 11 11 12 12 15 17 22 23");

    private Freireich() {}
}
