package io.lightswitch.analytics.detection;

import io.lightswitch.analytics.detection.sample.CountSample;
import io.lightswitch.analytics.detection.sample.LogNormalSample;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/**
 * Seeded 10 s buckets of synthetic traffic, drawn as bucket totals rather than per request so thousands
 * of hour-long runs take seconds: error counts are exact binomials, log-latency sums come from the exact
 * joint law of a normal sample's mean and sum of squares.
 */
final class SimulatedTraffic {

    static final double BASE_ERROR_RATE = 0.01;
    static final double MEDIAN_LATENCY_MS = 120;
    static final double LOG_LATENCY_SIGMA = 0.5;

    private final RandomGenerator random;

    SimulatedTraffic(long seed) {
        this.random = new Well19937c(seed);
    }

    CountSample errors(long requests, double errorRate) {
        return new CountSample(requests, binomial(requests, errorRate));
    }

    /** Latencies log-normal with the given median and {@link #LOG_LATENCY_SIGMA}. */
    LogNormalSample latencies(long requests, double medianMs) {
        double mu = Math.log(medianMs);
        double sigma = LOG_LATENCY_SIGMA;
        double mean = mu + sigma * random.nextGaussian() / Math.sqrt(requests);
        double squaresAroundMean = requests < 2 ? 0
                : sigma * sigma * new GammaDistribution(random, (requests - 1) / 2.0, 2).sample();
        return new LogNormalSample(requests, requests * mean, squaresAroundMean + requests * mean * mean);
    }

    double uniform() {
        return random.nextDouble();
    }

    double gaussian() {
        return random.nextGaussian();
    }

    /** Exact binomial by skipping geometric gaps between successes: cost grows with n*p, not n. */
    long binomial(long n, double p) {
        if (p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (p > 0.5) {
            return n - binomial(n, 1 - p);
        }
        double logFailure = Math.log1p(-p);
        long successes = 0;
        long position = 0;
        while (true) {
            position += (long) (Math.log(1 - random.nextDouble()) / logFailure) + 1;
            if (position > n) {
                return successes;
            }
            successes++;
        }
    }
}
