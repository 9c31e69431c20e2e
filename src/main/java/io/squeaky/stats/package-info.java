/**
 * Survival statistics in plain Java, free of Flink so that the pipeline, reports and tests can all
 * call it: the Kaplan-Meier estimator with Greenwood variance, quantiles with Brookmeyer-Crowley
 * confidence intervals, the log-rank test, a customer-level bootstrap for the ratio of two medians,
 * and the Cox proportional-hazards model for counting-process {@code (start, stop]} data with
 * strata, Efron or Breslow ties and the cluster-robust variance ({@link
 * io.squeaky.stats.CoxModel}).
 *
 * <p>Exponentials and logarithms are {@link StrictMath}'s: {@link Math}'s may differ by an ulp
 * between interpreted and compiled code, and a batch and a streaming run must write the same bits.
 *
 * <p>Conventions follow R's survival package (version 3.5-3), against which the tests check: events
 * at a time come before censorings at that time, a quantile that a curve or band never reaches is
 * {@link Double#NaN} (R's {@code NA}), and a curve flat at exactly {@code 1 - p} gives the midpoint
 * of the flat stretch as its {@code p}-quantile.
 */
package io.squeaky.stats;
