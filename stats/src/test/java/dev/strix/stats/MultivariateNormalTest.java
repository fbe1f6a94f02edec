package dev.strix.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link MultivariateNormal} against scipy.stats.multivariate_normal (golden/mvn.json): pdf/logpdf
 * at 1e-12 relative; cdf against SciPy's Genz run to abseps 1e-8, at 2e-5 absolute: Strix's
 * target {@link MultivariateNormal#CDF_ABS_ERROR} (1e-5, 3 standard errors, SciPy's default abseps)
 * plus SciPy's 1e-8, with room for the error estimate itself being an estimate.
 */
class MultivariateNormalTest {
    static final double CDF_TOL = 2e-5;

    @TestFactory
    Stream<DynamicTest> scipyCases() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Golden.Case c : Golden.load("mvn.json")) {
            MultivariateNormal mv = MultivariateNormal.of(c.in("mean"), c.in("cov"));
            tests.add(DynamicTest.dynamicTest(c.op() + " d=" + mv.dim(), () -> {
                if (c.op().equals("mvn_pdf")) {
                    Golden.assertClose(c.out("pdf"), mv.pdf(c.in("x")), 1e-12, 1e-300, c + " pdf");
                    Golden.assertClose(c.out("logpdf"), mv.logpdf(c.in("x")), 1e-12, 1e-300, c + " logpdf");
                } else {
                    double[] want = c.out("cdf").toDoubleArray();
                    double[][] pts = c.in("x").toDoubleMatrix();
                    for (int i = 0; i < pts.length; i++) {
                        MultivariateNormal.CdfEstimate e = mv.cdfEstimate(pts[i]);
                        Golden.assertClose(want[i], e.value(), 0, CDF_TOL, "cdf d=" + mv.dim() + " point " + i);
                        assertTrue(e.error() <= MultivariateNormal.CDF_ABS_ERROR, () -> "error estimate " + e);
                    }
                }
            }));
        }
        return tests.stream();
    }

    @Test
    void cdfEdgesAndOneDimension() {
        MultivariateNormal mv = MultivariateNormal.of(Nd.of(0, 0), Nd.of(new double[][] {{1, 0.5}, {0.5, 1}}));
        assertEquals(0.0, mv.cdf(Double.NEGATIVE_INFINITY, 1));
        // both infinite: the whole mass; one infinite: the marginal
        assertEquals(1.0, mv.cdf(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY), CDF_TOL);
        assertEquals(Distributions.normal().cdf(0.3), mv.cdf(0.3, Double.POSITIVE_INFINITY), CDF_TOL);
        // bivariate normal with correlation rho at the origin: 1/4 + asin(rho) / (2 pi)
        assertEquals(0.25 + Math.asin(0.5) / (2 * Math.PI), mv.cdf(0, 0), CDF_TOL);
        assertTrue(Double.isNaN(mv.cdf(Double.NaN, 0)));
        MultivariateNormal one = MultivariateNormal.of(Nd.of(1), Nd.of(new double[][] {{4}}));
        assertEquals(Distributions.normal(1, 2).cdf(2.5), one.cdf(2.5), 1e-15);
        // a scalar-shaped result for one point, (m,) for m points
        assertEquals(0, mv.pdf(Nd.of(0, 0)).ndim());
        assertArrayEquals(new int[] {3}, mv.logpdf(Nd.zeros(3, 2)).shape());
        assertTrue(Distributions.multivariateNormal(Nd.of(0, 0), Nd.eye(2)) != null);
    }

    /**
     * 40000 seeded draws: each sample mean within 4 standard errors sqrt(cov_ii / n), each sample
     * covariance within 4 sd of its estimate, sqrt((cov_ii cov_jj + cov_ij²) / n) for normal data.
     */
    @Test
    void samplesHaveTheMeanAndCovariance() {
        NdArray mean = Nd.of(1, -2, 0.5);
        double[][] c = {{2.0, 0.3, 0.1}, {0.3, 1.0, -0.4}, {0.1, -0.4, 1.5}};
        MultivariateNormal mv = MultivariateNormal.of(mean, Nd.of(c));
        int n = 40000;
        NdArray s = mv.sample(Nd.random(2024), n);
        assertArrayEquals(new int[] {n, 3}, s.shape());
        double[] m = Stats.mean(s, 0).toDoubleArray();
        double[][] cov = Stats.cov(s, 1).toDoubleMatrix();
        for (int i = 0; i < 3; i++) {
            assertTrue(Math.abs(m[i] - mean.getDouble(i)) < 4 * Math.sqrt(c[i][i] / n), "mean " + i);
            for (int j = 0; j < 3; j++) {
                double sd = Math.sqrt((c[i][i] * c[j][j] + c[i][j] * c[i][j]) / n);
                assertTrue(Math.abs(cov[i][j] - c[i][j]) < 4 * sd, "cov " + i + j + ": " + cov[i][j]);
            }
        }
        assertEquals(s.getDouble(5, 1), mv.sample(Nd.random(2024), n).getDouble(5, 1));
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> MultivariateNormal.of(Nd.of(0, 0), Nd.eye(3)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> MultivariateNormal.of(Nd.of(0, 0), Nd.of(new double[][] {{1, 2}, {2, 1}})));
        assertTrue(e.getMessage().contains("positive definite"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> MultivariateNormal.of(Nd.of(0, 0), Nd.of(new double[][] {{1, 0.2}, {0.3, 1}})));
        assertThrows(IllegalArgumentException.class, () -> MultivariateNormal.of(Nd.of(Double.NaN), Nd.eye(1)));
        assertThrows(IllegalArgumentException.class, () -> MultivariateNormal.of(Nd.zeros(0), Nd.zeros(0, 0)));
        MultivariateNormal mv = MultivariateNormal.of(Nd.of(0, 0), Nd.eye(2));
        assertThrows(IllegalArgumentException.class, () -> mv.pdf(1.0, 2.0, 3.0));
        assertThrows(IllegalArgumentException.class, () -> mv.pdf(Nd.zeros(4, 3)));
        assertThrows(IllegalArgumentException.class, () -> mv.sample(Nd.random(1), -1));
    }
}
