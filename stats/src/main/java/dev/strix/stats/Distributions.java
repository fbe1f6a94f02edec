package dev.strix.stats;

import dev.strix.ndarray.NdArray;
import dev.strix.stats.internal.ContinuousAdapter;
import dev.strix.stats.internal.DiscreteAdapter;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.apache.commons.statistics.distribution.BinomialDistribution;
import org.apache.commons.statistics.distribution.CauchyDistribution;
import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.distribution.ContinuousDistribution;
import org.apache.commons.statistics.distribution.DiscreteDistribution;
import org.apache.commons.statistics.distribution.ExponentialDistribution;
import org.apache.commons.statistics.distribution.FDistribution;
import org.apache.commons.statistics.distribution.GammaDistribution;
import org.apache.commons.statistics.distribution.GeometricDistribution;
import org.apache.commons.statistics.distribution.GumbelDistribution;
import org.apache.commons.statistics.distribution.HypergeometricDistribution;
import org.apache.commons.statistics.distribution.LaplaceDistribution;
import org.apache.commons.statistics.distribution.LogNormalDistribution;
import org.apache.commons.statistics.distribution.LogisticDistribution;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.ParetoDistribution;
import org.apache.commons.statistics.distribution.PascalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.apache.commons.statistics.distribution.TDistribution;
import org.apache.commons.statistics.distribution.TriangularDistribution;
import org.apache.commons.statistics.distribution.UniformContinuousDistribution;
import org.apache.commons.statistics.distribution.WeibullDistribution;

/**
 * Factories for the univariate distributions, on Apache Commons Statistics. Parameters are named
 * as in SciPy's {@code scipy.stats} where that is unambiguous; each method says how its
 * parameters map. Invalid parameters (a scale <= 0, a probability outside [0, 1], a NaN...)
 * throw {@link IllegalArgumentException} naming the distribution and the values.
 */
public final class Distributions {
    private Distributions() {
    }

    /** Normal with mean {@code mean} and standard deviation {@code sd} ({@code norm(loc=mean, scale=sd)}). */
    public static Distribution normal(double mean, double sd) {
        String n = name("normal", "mean", mean, "sd", sd);
        finite(n, mean);
        positive(n, "sd", sd);
        return cont(n, () -> NormalDistribution.of(mean, sd));
    }

    /** The standard normal N(0, 1). */
    public static Distribution normal() {
        return normal(0, 1);
    }

    /** Log-normal: log X ~ N(mu, sigma) ({@code lognorm(s=sigma, scale=exp(mu))}). */
    public static Distribution lognormal(double mu, double sigma) {
        String n = name("lognormal", "mu", mu, "sigma", sigma);
        finite(n, mu);
        positive(n, "sigma", sigma);
        return cont(n, () -> LogNormalDistribution.of(mu, sigma));
    }

    /** Uniform on [lo, hi] ({@code uniform(loc=lo, scale=hi-lo)}). */
    public static Distribution uniform(double lo, double hi) {
        String n = name("uniform", "lo", lo, "hi", hi);
        finite(n, lo);
        finite(n, hi);
        if (!(lo < hi)) {
            throw new IllegalArgumentException(n + ": lo must be < hi");
        }
        return cont(n, () -> UniformContinuousDistribution.of(lo, hi));
    }

    /** Exponential with the given scale = mean = 1/rate ({@code expon(scale=scale)}). */
    public static Distribution exponential(double scale) {
        String n = name("exponential", "scale", scale);
        positive(n, "scale", scale);
        return cont(n, () -> ExponentialDistribution.of(scale));
    }

    /** Gamma with shape k and scale theta ({@code gamma(a=shape, scale=scale)}); mean k theta. */
    public static Distribution gamma(double shape, double scale) {
        String n = name("gamma", "shape", shape, "scale", scale);
        positive(n, "shape", shape);
        positive(n, "scale", scale);
        return cont(n, () -> GammaDistribution.of(shape, scale));
    }

    /** Beta(a, b) on [0, 1]. */
    public static Distribution beta(double a, double b) {
        String n = name("beta", "a", a, "b", b);
        positive(n, "a", a);
        positive(n, "b", b);
        return cont(n, () -> BetaDistribution.of(a, b));
    }

    /** Chi-squared with {@code df} degrees of freedom (df > 0, need not be an integer). */
    public static Distribution chi2(double df) {
        String n = name("chi2", "df", df);
        positive(n, "df", df);
        return cont(n, () -> ChiSquaredDistribution.of(df));
    }

    /** Student's t with {@code df} degrees of freedom (df > 0). */
    public static Distribution t(double df) {
        String n = name("t", "df", df);
        positive(n, "df", df);
        return cont(n, () -> TDistribution.of(df));
    }

    /** Fisher's F with numerator {@code dfn} and denominator {@code dfd} degrees of freedom. */
    public static Distribution f(double dfn, double dfd) {
        String n = name("f", "dfn", dfn, "dfd", dfd);
        positive(n, "dfn", dfn);
        positive(n, "dfd", dfd);
        return cont(n, () -> FDistribution.of(dfn, dfd));
    }

    /** Cauchy with location and scale (mean and variance undefined: NaN). */
    public static Distribution cauchy(double loc, double scale) {
        String n = name("cauchy", "loc", loc, "scale", scale);
        finite(n, loc);
        positive(n, "scale", scale);
        return cont(n, () -> CauchyDistribution.of(loc, scale));
    }

    /** Laplace (double exponential) with location and scale. */
    public static Distribution laplace(double loc, double scale) {
        String n = name("laplace", "loc", loc, "scale", scale);
        finite(n, loc);
        positive(n, "scale", scale);
        return cont(n, () -> LaplaceDistribution.of(loc, scale));
    }

    /** Logistic with location and scale. */
    public static Distribution logistic(double loc, double scale) {
        String n = name("logistic", "loc", loc, "scale", scale);
        finite(n, loc);
        positive(n, "scale", scale);
        return cont(n, () -> LogisticDistribution.of(loc, scale));
    }

    /** Gumbel for maxima with location and scale ({@code gumbel_r}). */
    public static Distribution gumbel(double loc, double scale) {
        String n = name("gumbel", "loc", loc, "scale", scale);
        finite(n, loc);
        positive(n, "scale", scale);
        return cont(n, () -> GumbelDistribution.of(loc, scale));
    }

    /** Weibull with shape c and scale ({@code weibull_min(c=shape, scale=scale)}). */
    public static Distribution weibull(double shape, double scale) {
        String n = name("weibull", "shape", shape, "scale", scale);
        positive(n, "shape", shape);
        positive(n, "scale", scale);
        return cont(n, () -> WeibullDistribution.of(shape, scale));
    }

    /** Pareto (type I) with shape alpha and scale x_m, support [x_m, inf) ({@code pareto(b=shape, scale=scale)}). */
    public static Distribution pareto(double shape, double scale) {
        String n = name("pareto", "shape", shape, "scale", scale);
        positive(n, "shape", shape);
        positive(n, "scale", scale);
        return cont(n, () -> ParetoDistribution.of(scale, shape));
    }

    /**
     * Rayleigh with scale sigma ({@code rayleigh(scale=sigma)}). Commons Statistics has none; it is
     * exactly Weibull(shape 2, scale sigma sqrt 2).
     */
    public static Distribution rayleigh(double sigma) {
        String n = name("rayleigh", "sigma", sigma);
        positive(n, "sigma", sigma);
        return cont(n, () -> WeibullDistribution.of(2.0, sigma * Math.sqrt(2.0)));
    }

    /** Triangular on [lo, hi] with mode {@code mode} ({@code triang(c=(mode-lo)/(hi-lo), loc=lo, scale=hi-lo)}). */
    public static Distribution triangular(double lo, double mode, double hi) {
        String n = name("triangular", "lo", lo, "mode", mode, "hi", hi);
        finite(n, lo);
        finite(n, hi);
        if (!(lo <= mode && mode <= hi && lo < hi)) {
            throw new IllegalArgumentException(n + ": need lo <= mode <= hi and lo < hi");
        }
        return cont(n, () -> TriangularDistribution.of(lo, mode, hi));
    }

    /** Binomial: successes in {@code n} trials with success probability {@code p}. */
    public static Distribution binomial(int n, double p) {
        String nm = name("binomial", "n", n, "p", p);
        if (n < 0) {
            throw new IllegalArgumentException(nm + ": n must be >= 0");
        }
        probability(nm, p);
        return disc(nm, () -> BinomialDistribution.of(n, p), 0);
    }

    /** Bernoulli(p) on {0, 1}. */
    public static Distribution bernoulli(double p) {
        String nm = name("bernoulli", "p", p);
        probability(nm, p);
        return disc(nm, () -> BinomialDistribution.of(1, p), 0);
    }

    /** Poisson with mean {@code mu} > 0. */
    public static Distribution poisson(double mu) {
        String nm = name("poisson", "mu", mu);
        positive(nm, "mu", mu);
        return disc(nm, () -> PoissonDistribution.of(mu), 0);
    }

    /**
     * Geometric: the number of trials up to and including the first success, k = 1, 2, ...
     * ({@code scipy.stats.geom(p)}, NumPy's {@code geometric}). Commons Statistics counts failures
     * (k = 0, 1, ...); this shifts it by one.
     */
    public static Distribution geometric(double p) {
        String nm = name("geometric", "p", p);
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException(nm + ": p must be in (0, 1]");
        }
        return disc(nm, () -> GeometricDistribution.of(p), 1);
    }

    /** Negative binomial: failures before the {@code r}-th success, success probability p ({@code nbinom(n=r, p)}). */
    public static Distribution negativeBinomial(int r, double p) {
        String nm = name("negativeBinomial", "r", r, "p", p);
        if (r < 1) {
            throw new IllegalArgumentException(nm + ": r must be >= 1");
        }
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException(nm + ": p must be in (0, 1]");
        }
        return disc(nm, () -> PascalDistribution.of(r, p), 0);
    }

    /** Multivariate normal N(mean, cov) ({@code scipy.stats.multivariate_normal}); see {@link MultivariateNormal}. */
    public static MultivariateNormal multivariateNormal(NdArray mean, NdArray cov) {
        return MultivariateNormal.of(mean, cov);
    }

    /**
     * Hypergeometric: successes in {@code draws} draws without replacement from a population of
     * {@code population} holding {@code successes} successes ({@code hypergeom(M=population, n=successes, N=draws)}).
     */
    public static Distribution hypergeometric(int population, int successes, int draws) {
        String nm = name("hypergeometric", "population", population, "successes", successes, "draws", draws);
        if (population < 0 || successes < 0 || draws < 0 || successes > population || draws > population) {
            throw new IllegalArgumentException(nm + ": need 0 <= successes <= population and 0 <= draws <= population");
        }
        return disc(nm, () -> HypergeometricDistribution.of(population, successes, draws), 0);
    }

    // ------------------------------------------------------------------ helpers

    private static Distribution cont(String name, Supplier<ContinuousDistribution> make) {
        try {
            return new ContinuousAdapter(name, make.get());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static Distribution disc(String name, Supplier<DiscreteDistribution> make, int shift) {
        try {
            return new DiscreteAdapter(name, make.get(), shift);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
        }
    }

    private static String name(String dist, Object... kv) {
        StringBuilder b = new StringBuilder(dist).append('(');
        for (int i = 0; i < kv.length; i += 2) {
            if (i > 0) {
                b.append(", ");
            }
            b.append(kv[i]).append('=').append(String.format(Locale.ROOT, "%s", kv[i + 1]));
        }
        return b.append(')').toString();
    }

    private static void finite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + ": parameters must be finite");
        }
    }

    private static void positive(String name, String param, double v) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + ": " + param + " must be finite and > 0");
        }
    }

    private static void probability(String name, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException(name + ": p must be in [0, 1]");
        }
    }
}
