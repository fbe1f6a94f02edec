package dev.strix.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import org.junit.jupiter.api.Test;

/**
 * MCMC on a known target: the 2-D Gaussian with unit variances and correlation rho = 0.8. For each
 * of f = x, y, x², y², xy the chain average must lie within 4 Monte-Carlo standard errors of E[f],
 * the standard error being sqrt(Var[f] / ESS_f) with the exact Var[f] (1, 1, 2, 2, 1 + rho²) and
 * ESS_f estimated from the chain by Geyer's initial monotone sequence. Seeds are fixed, so the test
 * is deterministic; the 4-sigma bound is not tuned to them (a correct sampler fails one of the 5
 * checks with probability about 3e-4).
 */
class McmcTest {
    static final double RHO = 0.8;

    static double logDensity(double[] v) {
        double x = v[0];
        double y = v[1];
        return -(x * x - 2 * RHO * x * y + y * y) / (2 * (1 - RHO * RHO));
    }

    static void checkMoments(Mcmc.Chain chain, String what) {
        NdArray x = chain.coordinate(0);
        NdArray y = chain.coordinate(1);
        NdArray[] f = {x, y, x.mul(x), y.mul(y), x.mul(y)};
        double[] expected = {0, 0, 1, 1, RHO};
        double[] var = {1, 1, 2, 2, 1 + RHO * RHO};
        String[] names = {"x", "y", "x²", "y²", "xy"};
        for (int k = 0; k < f.length; k++) {
            double ess = Mcmc.effectiveSampleSize(f[k]);
            double se = Math.sqrt(var[k] / ess);
            double mean = Stats.mean(f[k]);
            int kk = k;
            assertTrue(Math.abs(mean - expected[k]) < 4 * se, () -> what + ": mean of " + names[kk] + " = " + mean
                    + ", expected " + expected[kk] + " +- 4 x " + se + " (ESS " + ess + ")");
            assertTrue(ess > 100, () -> what + ": ESS of " + names[kk] + " only " + ess);
        }
    }

    @Test
    void metropolisHastingsSamplesA2dGaussian() {
        Mcmc.Chain c = Mcmc.metropolisHastings(McmcTest::logDensity, new double[] {3, -3}, 0.9, 30000, 2000, 2,
                Nd.random(17));
        assertArrayEquals(new int[] {30000, 2}, c.samples().shape());
        assertTrue(c.acceptanceRate() > 0.2 && c.acceptanceRate() < 0.7, "acceptance " + c.acceptanceRate());
        checkMoments(c, "Metropolis-Hastings");
        // deterministic for a seed
        Mcmc.Chain again = Mcmc.metropolisHastings(McmcTest::logDensity, new double[] {3, -3}, 0.9, 30000, 2000, 2,
                Nd.random(17));
        assertEquals(c.samples().getDouble(29999, 1), again.samples().getDouble(29999, 1));
        assertEquals(c.acceptanceRate(), again.acceptanceRate());
    }

    @Test
    void metropolisHastingsOnNdArrays() {
        Mcmc.Chain c = Mcmc.metropolisHastings((NdArray v) -> logDensity(v.toDoubleArray()), Nd.of(0, 0), 0.9, 20000,
                1000, 1, Nd.random(5));
        checkMoments(c, "Metropolis-Hastings (NdArray)");
    }

    @Test
    void gibbsSamplesA2dGaussian() {
        // x | y ~ N(rho y, 1 - rho²), and symmetrically
        double sd = Math.sqrt(1 - RHO * RHO);
        Mcmc.Chain c = Mcmc.gibbs((i, v, rng) -> RHO * v[1 - i] + sd * rng.gaussian().item(), new double[] {5, 5},
                20000, 500, 1, Nd.random(99));
        assertEquals(1.0, c.acceptanceRate());
        checkMoments(c, "Gibbs");
        // For systematic-scan Gibbs on this target, x is AR(1) with coefficient rho², so its exact
        // integrated autocorrelation time is (1 + rho²) / (1 - rho²) = 4.56: the ESS estimate must agree to 25%.
        double tau = (1 + RHO * RHO) / (1 - RHO * RHO);
        double ess = Mcmc.effectiveSampleSize(c.coordinate(0));
        assertEquals(20000 / tau, ess, 0.25 * 20000 / tau);
    }

    @Test
    void thinningKeepsEveryThinthState() {
        Mcmc.Chain all = Mcmc.gibbs((i, v, rng) -> v[i] + 1, new double[] {0}, 10, 3, 1, Nd.random(1));
        Mcmc.Chain thin = Mcmc.gibbs((i, v, rng) -> v[i] + 1, new double[] {0}, 5, 3, 2, Nd.random(1));
        assertArrayEquals(new double[] {4, 5, 6, 7, 8, 9, 10, 11, 12, 13}, all.samples().toDoubleArray());
        assertArrayEquals(new double[] {5, 7, 9, 11, 13}, thin.samples().toDoubleArray());
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class,
                () -> Mcmc.metropolisHastings(McmcTest::logDensity, new double[] {0, 0}, 1, 0, 0, 1, Nd.random(1)));
        assertThrows(IllegalArgumentException.class,
                () -> Mcmc.metropolisHastings(McmcTest::logDensity, new double[] {0, 0}, 1, 10, -1, 1, Nd.random(1)));
        assertThrows(IllegalArgumentException.class,
                () -> Mcmc.metropolisHastings(McmcTest::logDensity, new double[] {0, 0}, 1, 10, 0, 0, Nd.random(1)));
        assertThrows(IllegalArgumentException.class,
                () -> Mcmc.metropolisHastings(McmcTest::logDensity, new double[] {0, 0}, -1, 10, 0, 1, Nd.random(1)));
        assertThrows(IllegalArgumentException.class, () -> Mcmc.metropolisHastings(McmcTest::logDensity,
                new double[] {0, 0}, new double[] {1}, 10, 0, 1, Nd.random(1)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Mcmc.metropolisHastings(v -> v[0] < 0 ? Double.NEGATIVE_INFINITY : 0, new double[] {-1}, 1, 10, 0,
                        1, Nd.random(1)));
        assertTrue(e.getMessage().contains("support"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Mcmc.gibbs((i, v, rng) -> Double.NaN, new double[] {0}, 10, 0, 1, Nd.random(1)));
        assertThrows(IllegalArgumentException.class, () -> Mcmc.effectiveSampleSize(Nd.of(1, 2)));
    }
}
