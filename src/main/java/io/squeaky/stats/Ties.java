package io.squeaky.stats;

/** How the Cox partial likelihood treats events at the same time, as R's {@code ties}. */
public enum Ties {
    /** Efron's approximation, R's default: the tied events leave the risk set a share at a time. */
    EFRON,
    /** Breslow's approximation: every tied event sees the full risk set. */
    BRESLOW
}
