package io.squeaky.stats;

/**
 * The scale on which a pointwise confidence interval for S(t) is symmetric, with R's formulas
 * ({@code survival:::survfit_confint}). Where a transform is undefined (log of 0; log-log of 0 or
 * 1) the bounds are {@link Double#NaN}, R's {@code NA}, and quantile searches skip them.
 */
public enum BandTransform {
    /** R's default {@code conf.type = "log"}: symmetric in log S, the upper bound capped at 1. */
    LOG {
        @Override
        double lower(double survival, double logSurvivalSe, double z) {
            return survival == 0
                    ? Double.NaN
                    : StrictMath.exp(StrictMath.log(survival) - z * logSurvivalSe);
        }

        @Override
        double upper(double survival, double logSurvivalSe, double z) {
            return survival == 0
                    ? Double.NaN
                    : Math.min(StrictMath.exp(StrictMath.log(survival) + z * logSurvivalSe), 1);
        }
    },

    /**
     * {@code conf.type = "log-log"}: symmetric in log(-log S), so the bounds stay inside (0, 1) and
     * behave better in small samples than the log band.
     */
    LOG_LOG {
        @Override
        double lower(double survival, double logSurvivalSe, double z) {
            return logLog(survival, -z * logSurvivalSe);
        }

        @Override
        double upper(double survival, double logSurvivalSe, double z) {
            return logLog(survival, z * logSurvivalSe);
        }

        private static double logLog(double survival, double shift) {
            if (survival == 0 || survival == 1) {
                return Double.NaN;
            }
            double logSurvival = StrictMath.log(survival);
            return StrictMath.exp(
                    -StrictMath.exp(StrictMath.log(-logSurvival) + shift / logSurvival));
        }
    };

    abstract double lower(double survival, double logSurvivalSe, double z);

    abstract double upper(double survival, double logSurvivalSe, double z);
}
