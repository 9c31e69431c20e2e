package io.squeaky.stats;

/**
 * A quantile of a survival distribution with its confidence limits. Any of the three is {@link
 * Double#NaN} where R reports {@code NA}: the curve (or band) never falls to {@code 1 - p} within
 * follow-up, so the data put no bound there. An undefined upper limit usually means "later than
 * anything observed", not "unknown".
 */
public record QuantileEstimate(double point, double lower, double upper) {}
