package io.lightswitch.analytics.detection.stats;

/**
 * Two-sided normal-mixture confidence sequence (Howard, Ramdas, McAuliffe, Sekhon 2021; used with a
 * plug-in variance as the asymptotic confidence sequence of Waudby-Smith, Arnold, Wu, Ramdas, Howard).
 * With {@code a = t * rho^2} and the estimator's variance {@code V} at {@code t} units, the interval
 * {@code estimate +- sqrt(V * (1 + a) / a * (2 ln(1/alpha) + ln(1 + a)))} covers the true effect at every
 * look simultaneously with probability at least 1 - alpha. Its complement is the mixture SPRT with a
 * N(0, a V) mixing distribution, whose likelihood ratio is the e-value returned here.
 */
public final class NormalMixtureBoundary {

    private final double targetSamples;

    /** @param targetSamples units at which the boundary is tightest; it is flat around it, so a rough guess will do */
    public NormalMixtureBoundary(double targetSamples) {
        if (!(targetSamples > 0)) {
            throw new IllegalArgumentException("targetSamples must be positive");
        }
        this.targetSamples = targetSamples;
    }

    /** Width parameter a = t * rho^2, with rho chosen to minimise the width at the target (Howard et al., eq. for rho). */
    double mixing(double samples, double alpha) {
        double twoLog = -2 * Math.log(alpha);
        double rhoSquared = (twoLog + Math.log1p(twoLog)) / targetSamples;
        return samples * rhoSquared;
    }

    /** Half-width of the interval for an effect whose estimator has variance {@code variance} at {@code samples} units. */
    public double halfWidth(double variance, double samples, double alpha) {
        double a = mixing(samples, alpha);
        return Math.sqrt(variance * (1 + a) / a * (2 * Math.log(1 / alpha) + Math.log1p(a)));
    }

    /**
     * ln of the mixture likelihood ratio against "no effect"; it reaches ln(1/alpha) exactly when the interval
     * stops covering zero, and compares the strength of evidence across contrasts.
     */
    public double logEValue(double effect, double variance, double samples, double alpha) {
        double a = mixing(samples, alpha);
        return -0.5 * Math.log1p(a) + effect * effect * a / (2 * variance * (1 + a));
    }
}
