package dev.strix.ndarray;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.PermutationSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * A seeded stream of random arrays on Apache Commons RNG (xoshiro256++, ziggurat Gaussian
 * sampling). Streams are explicit objects, never global state: the same seed gives the same arrays
 * on every platform and JDK. Not thread-safe; give each thread its own stream.
 */
public final class NdRandom {
    private final long seed;
    private final UniformRandomProvider rng;
    private final ZigguratSampler.NormalizedGaussian gauss;

    NdRandom(long seed) {
        this.seed = seed;
        this.rng = RandomSource.XO_SHI_RO_256_PP.create(seed);
        this.gauss = ZigguratSampler.NormalizedGaussian.of(rng);
    }

    public long seed() {
        return seed;
    }

    /** The underlying generator, for samplers this class does not offer (Commons RNG / Statistics). */
    public UniformRandomProvider provider() {
        return rng;
    }

    /** Uniform float64 values in [0, 1). */
    public NdArray uniform(int... shape) {
        return uniformRange(0.0, 1.0, shape);
    }

    /** Uniform float64 values in [lo, hi). */
    public NdArray uniformRange(double lo, double hi, int... shape) {
        if (!(lo <= hi) || Double.isInfinite(hi - lo)) {
            throw new IllegalArgumentException("uniformRange: need finite lo <= hi, got [" + lo + ", " + hi + ")");
        }
        NdArray a = Nd.zeros(shape);
        double[] v = (double[]) a.buffer();
        for (int i = 0; i < v.length; i++) {
            double x = lo + (hi - lo) * rng.nextDouble();
            v[i] = x < hi ? x : Math.nextDown(hi); // rounding could reach hi
        }
        if (lo == hi) {
            Arrays.fill(v, lo);
        }
        return a;
    }

    /** Standard normal float64 values. */
    public NdArray gaussian(int... shape) {
        return normal(0.0, 1.0, shape);
    }

    /** Normal float64 values with the given mean and standard deviation. */
    public NdArray normal(double mean, double std, int... shape) {
        if (!(std >= 0) || Double.isInfinite(std)) {
            throw new IllegalArgumentException("normal: standard deviation must be finite and >= 0, got " + std);
        }
        NdArray a = Nd.zeros(shape);
        double[] v = (double[]) a.buffer();
        for (int i = 0; i < v.length; i++) {
            v[i] = mean + std * gauss.sample();
        }
        return a;
    }

    /** Uniform int64 values in [lo, hi). */
    public NdArray integers(long lo, long hi, int... shape) {
        if (lo >= hi) {
            throw new IllegalArgumentException("integers: need lo < hi, got [" + lo + ", " + hi + ")");
        }
        NdArray a = Nd.zeros(DType.INT64, shape);
        long[] v = (long[]) a.buffer();
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextLong(lo, hi);
        }
        return a;
    }

    /** Bool values that are true with probability {@code p}. */
    public NdArray bernoulli(double p, int... shape) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("bernoulli: probability must be in [0, 1], got " + p);
        }
        NdArray a = Nd.zeros(DType.BOOL, shape);
        boolean[] v = (boolean[]) a.buffer();
        for (int i = 0; i < v.length; i++) {
            v[i] = rng.nextDouble() < p;
        }
        return a;
    }

    /** A random permutation of {@code 0..n-1} (int64). */
    public NdArray permutation(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("permutation: n must be >= 0, got " + n);
        }
        int[] p = PermutationSampler.natural(n);
        PermutationSampler.shuffle(rng, p);
        return Nd.ofInts(p).astype(DType.INT64);
    }

    /** A copy of {@code a} with its first axis randomly permuted. */
    public NdArray permutation(NdArray a) {
        if (a.ndim() == 0) {
            throw new IllegalArgumentException("permutation: a 0-d array has no axis to permute");
        }
        return a.take(permutation(a.shape(0)), 0);
    }

    /** Shuffles {@code a} along its first axis, in place. */
    public void shuffle(NdArray a) {
        a.assign(permutation(a));
    }

    /** {@code size} elements drawn from the flattened {@code a}, with or without replacement. */
    public NdArray choice(NdArray a, int size, boolean replace) {
        int n = a.size();
        if (size < 0) {
            throw new IllegalArgumentException("choice: size must be >= 0, got " + size);
        }
        if (n == 0 && size > 0) {
            throw new IllegalArgumentException("choice: cannot draw from an empty array");
        }
        if (!replace && size > n) {
            throw new IllegalArgumentException("choice: cannot take a sample of " + size
                    + " without replacement from " + n + " elements");
        }
        long[] idx = new long[size];
        if (replace) {
            for (int i = 0; i < size; i++) {
                idx[i] = rng.nextInt(n);
            }
        } else {
            int[] p = PermutationSampler.natural(n);
            PermutationSampler.shuffle(rng, p);
            for (int i = 0; i < size; i++) {
                idx[i] = p[i];
            }
        }
        return a.take(NdArray.wrap(idx, size));
    }

    /** {@code size} elements drawn with replacement from the flattened {@code a} with probabilities {@code p}. */
    public NdArray choice(NdArray a, int size, NdArray p) {
        int n = a.size();
        if (p.size() != n) {
            throw new ShapeMismatchException("choice: " + p.size() + " probabilities given for " + n + " elements");
        }
        double[] w = p.toDoubleArray();
        double[] cdf = new double[n];
        double acc = 0;
        for (int i = 0; i < n; i++) {
            if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
                throw new IllegalArgumentException("choice: probabilities must be finite and >= 0; element " + i + " is " + w[i]);
            }
            acc += w[i];
            cdf[i] = acc;
        }
        if (Math.abs(acc - 1.0) > 1e-8) {
            throw new IllegalArgumentException("choice: probabilities must sum to 1, they sum to " + acc);
        }
        long[] idx = new long[size];
        for (int i = 0; i < size; i++) {
            double u = rng.nextDouble() * acc;
            int k = Arrays.binarySearch(cdf, u);
            k = k >= 0 ? k + 1 : -k - 1;
            while (k < n - 1 && w[k] == 0) {
                k++;
            }
            idx[i] = Math.min(k, n - 1);
        }
        return a.take(NdArray.wrap(idx, size));
    }
}
