package io.squeaky.generate;

/**
 * A case coming in: its number in opening order, when (epoch second), at which brand, and whether
 * that brand was in a planted storm then.
 */
record Arrival(int index, long openedAt, int brand, boolean storm) {}
