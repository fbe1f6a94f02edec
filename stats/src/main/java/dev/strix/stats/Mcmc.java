package dev.strix.stats;

import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.NdRandom;
import dev.strix.ndarray.ShapeMismatchException;
import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/**
 * Markov chain Monte Carlo as in Owl's {@code Stats.metropolis_hastings} and {@code gibbs_sampling}:
 * random-walk Metropolis-Hastings on a user log density and Gibbs sampling from user full
 * conditionals, with burn-in, thinning and an explicit seeded {@link NdRandom}. Chains run
 * {@code burnIn + n * thin} iterations and keep every {@code thin}-th state after the burn-in.
 */
public final class Mcmc {
    private Mcmc() {
    }

    /** An unnormalised log density over a point given as {@code double[]}; -infinity outside the support. */
    @FunctionalInterface
    public interface LogDensity {
        double logDensity(double[] x);
    }

    /** An unnormalised log density over a point given as a 1-D {@link NdArray}. */
    @FunctionalInterface
    public interface NdLogDensity {
        double logDensity(NdArray x);
    }

    /**
     * A draw of coordinate {@code i} from its full conditional given the other coordinates of the
     * current state {@code x} (x[i] holds the previous value and should be ignored).
     */
    @FunctionalInterface
    public interface FullConditional {
        double sample(int i, double[] x, NdRandom rng);
    }

    /**
     * A chain: {@code samples} is n x d (one kept state per row); {@code acceptanceRate} the
     * fraction of accepted proposals over all iterations including the burn-in (1 for Gibbs).
     */
    public record Chain(NdArray samples, double acceptanceRate, int burnIn, int thin) {
        /** Column j of the samples. */
        public NdArray coordinate(int j) {
            return samples.col(j).copy();
        }
    }

    /** {@link #metropolisHastings(LogDensity, double[], double[], int, int, int, NdRandom)} with the same proposal sd in every coordinate. */
    public static Chain metropolisHastings(LogDensity f, double[] init, double step, int n, int burnIn, int thin,
            NdRandom rng) {
        double[] s = new double[init.length];
        Arrays.fill(s, step);
        return metropolisHastings(f, init, s, n, burnIn, thin, rng);
    }

    /** Metropolis-Hastings on a log density over {@link NdArray} points (a 1-D start {@code init}). */
    public static Chain metropolisHastings(NdLogDensity f, NdArray init, double step, int n, int burnIn, int thin,
            NdRandom rng) {
        if (init.ndim() != 1) {
            throw new ShapeMismatchException("metropolisHastings: the start must be 1-D, got shape "
                    + ShapeMismatchException.shapeString(init.shape()));
        }
        int d = init.size();
        return metropolisHastings(x -> f.logDensity(NdArray.wrap(x.clone(), d)), init.toDoubleArray(), step, n,
                burnIn, thin, rng);
    }

    /**
     * Random-walk Metropolis-Hastings: propose x' = x + step ⊙ z with z standard normal, accept with
     * probability min(1, exp(f(x') - f(x))). The start must have a finite log density. Tune
     * {@code step} for an acceptance rate near 0.23 (d large) to 0.44 (d = 1).
     */
    public static Chain metropolisHastings(LogDensity f, double[] init, double[] step, int n, int burnIn, int thin,
            NdRandom rng) {
        int d = init.length;
        checkChain("metropolisHastings", d, n, burnIn, thin);
        if (step.length != d) {
            throw new ShapeMismatchException("metropolisHastings: " + step.length + " proposal sds for a start of length " + d);
        }
        for (double s : step) {
            if (!(s > 0) || Double.isInfinite(s)) {
                throw new IllegalArgumentException("metropolisHastings: proposal sds must be finite and > 0, got " + s);
            }
        }
        double[] x = init.clone();
        double fx = f.logDensity(x.clone());
        if (Double.isNaN(fx) || fx == Double.NEGATIVE_INFINITY || fx == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("metropolisHastings: the log density at the start " + Arrays.toString(init)
                    + " is " + fx + "; start inside the support");
        }
        UniformRandomProvider u = rng.provider();
        ZigguratSampler.NormalizedGaussian g = ZigguratSampler.NormalizedGaussian.of(u);
        double[] out = new double[n * d];
        double[] prop = new double[d];
        long accepted = 0;
        long total = (long) burnIn + (long) n * thin;
        int kept = 0;
        for (long it = 1; it <= total; it++) {
            for (int j = 0; j < d; j++) {
                prop[j] = x[j] + step[j] * g.sample();
            }
            double fp = f.logDensity(prop.clone());
            if (fp - fx >= 0 || Math.log(u.nextDouble()) < fp - fx) {
                System.arraycopy(prop, 0, x, 0, d);
                fx = fp;
                accepted++;
            }
            if (it > burnIn && (it - burnIn) % thin == 0) {
                System.arraycopy(x, 0, out, kept * d, d);
                kept++;
            }
        }
        return new Chain(NdArray.wrap(out, n, d), (double) accepted / total, burnIn, thin);
    }

    /**
     * Gibbs sampling with a systematic scan: each iteration draws x_0, x_1, ..., x_(d-1) in turn
     * from {@code conditional}, each given the latest values of the others.
     */
    public static Chain gibbs(FullConditional conditional, double[] init, int n, int burnIn, int thin, NdRandom rng) {
        int d = init.length;
        checkChain("gibbs", d, n, burnIn, thin);
        double[] x = init.clone();
        double[] out = new double[n * d];
        long total = (long) burnIn + (long) n * thin;
        int kept = 0;
        for (long it = 1; it <= total; it++) {
            for (int i = 0; i < d; i++) {
                double v = conditional.sample(i, x, rng);
                if (Double.isNaN(v)) {
                    throw new IllegalArgumentException("gibbs: the full conditional of coordinate " + i + " returned NaN at iteration " + it);
                }
                x[i] = v;
            }
            if (it > burnIn && (it - burnIn) % thin == 0) {
                System.arraycopy(x, 0, out, kept * d, d);
                kept++;
            }
        }
        return new Chain(NdArray.wrap(out, n, d), 1.0, burnIn, thin);
    }

    /**
     * Effective sample size of a 1-D chain, n / tau with the integrated autocorrelation time tau from
     * Geyer's initial monotone sequence estimator (sums of adjacent autocovariance pairs while
     * positive and non-increasing). O(n * lag).
     */
    public static double effectiveSampleSize(NdArray chain) {
        double[] x = chain.toDoubleArray();
        int n = x.length;
        if (n < 4) {
            throw new IllegalArgumentException("effectiveSampleSize: needs at least 4 states, got " + n);
        }
        double m = Arrays.stream(x).sum() / n;
        double[] c = new double[n];
        for (int i = 0; i < n; i++) {
            c[i] = x[i] - m;
        }
        double g0 = autocov(c, 0);
        if (!(g0 > 0)) {
            return Double.NaN;
        }
        double sum = 0;
        double prev = Double.POSITIVE_INFINITY;
        for (int k = 0; 2 * k + 1 < n; k++) {
            double pair = autocov(c, 2 * k) + autocov(c, 2 * k + 1);
            if (pair <= 0) {
                break;
            }
            pair = Math.min(pair, prev);
            sum += pair;
            prev = pair;
        }
        double tau = (-g0 + 2 * sum) / g0;
        return n / Math.max(tau, 1e-12);
    }

    private static double autocov(double[] c, int k) {
        double s = 0;
        for (int i = 0; i + k < c.length; i++) {
            s += c[i] * c[i + k];
        }
        return s / c.length;
    }

    private static void checkChain(String op, int d, int n, int burnIn, int thin) {
        if (d < 1) {
            throw new IllegalArgumentException(op + ": the start must have at least one coordinate");
        }
        if (n < 1 || burnIn < 0 || thin < 1) {
            throw new IllegalArgumentException(op + ": need n >= 1, burnIn >= 0, thin >= 1; got n = " + n
                    + ", burnIn = " + burnIn + ", thin = " + thin);
        }
        if ((long) n * d > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(op + ": n x d = " + (long) n * d + " samples do not fit in one array");
        }
    }
}
