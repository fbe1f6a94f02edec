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

/** {@link GaussianKde} against scipy.stats.gaussian_kde (golden/kde.json; 1e-11 relative), resampling, bad input. */
class GaussianKdeTest {
    @TestFactory
    Stream<DynamicTest> scipyCases() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Golden.Case c : Golden.load("kde.json")) {
            NdArray x = c.in("x");
            tests.add(DynamicTest.dynamicTest(c + " shape " + java.util.Arrays.toString(x.shape())
                    + (c.inputs().has("w") ? " weighted" : ""), () -> {
                        GaussianKde k = kde(c);
                        Golden.assertClose(c.out("factor").item(), k.factor(), c.rtol(), 0, c + " factor");
                        NdArray cov = c.out("covariance");
                        Golden.assertClose(cov.reshape(k.dim(), k.dim()), k.covariance(), c.rtol(), 1e-300, c + " cov");
                        Golden.assertClose(c.out("pdf"), k.evaluate(c.in("points")), c.rtol(), c.atol(), c + " pdf");
                        Golden.assertClose(c.out("logpdf"), k.logpdf(c.in("points")), c.rtol(), c.atol(), c + " logpdf");
                        if (c.expected().has("box")) {
                            double[] box = c.out("box").toDoubleArray();
                            Golden.assertClose(box[0], k.integrateBox1d(-1, 2), 1e-12, 1e-15, c + " box");
                            Golden.assertClose(box[1], k.integrateBox1d(Double.NEGATIVE_INFINITY, 0.5), 1e-12, 1e-15, c + " box");
                            Golden.assertClose(box[2], k.integrateBox1d(3, Double.POSITIVE_INFINITY), 1e-12, 1e-15, c + " box");
                        }
                    }));
        }
        return tests.stream();
    }

    private static GaussianKde kde(Golden.Case c) {
        NdArray x = c.in("x");
        String bw = c.params().get("bw").asText();
        if (c.inputs().has("w")) {
            return bw.equals("scott") ? GaussianKde.of(x, c.in("w"), KdeBandwidth.SCOTT)
                    : bw.equals("silverman") ? GaussianKde.of(x, c.in("w"), KdeBandwidth.SILVERMAN)
                    : GaussianKde.of(x, c.in("w"), Double.parseDouble(bw));
        }
        switch (bw) {
            case "scott":
                return GaussianKde.of(x, KdeBandwidth.SCOTT);
            case "silverman":
                return GaussianKde.of(x, KdeBandwidth.SILVERMAN);
            default:
                return GaussianKde.of(x, Double.parseDouble(bw));
        }
    }

    @Test
    void weightedFixedFactorIsNotInTheGoldensButScottIsTheDefault() {
        NdArray x = Nd.of(1, 2, 2.5, 4, 7);
        assertEquals(GaussianKde.of(x, KdeBandwidth.SCOTT).factor(), GaussianKde.of(x).factor());
        assertEquals(Math.pow(5, -0.2), GaussianKde.of(x).factor(), 1e-15);
    }

    /**
     * A resample is a draw from the KDE, a mixture: its mean is the data mean and its variance the
     * data variance (ddof 0) plus the kernel variance. With 20000 draws the standard error of the
     * sample mean is sqrt(var / 20000); the test allows 4 standard errors (the chance that an honest
     * sampler fails is 6e-5 per check), and for the variance 4 sd of the variance estimate, sqrt((m4 -
     * var²) / 20000), bounded using the fourth moment of a normal mixture (at most 3 var² here since
     * the kernels are normal and the data bimodal: m4 <= 3 var² is checked numerically below).
     */
    @Test
    void resampleHasTheMixtureMeanAndVariance() {
        NdArray data = Nd.concat(0, Nd.random(3).normal(0, 1, 300), Nd.random(4).normal(5, 1, 200));
        GaussianKde k = GaussianKde.of(data);
        int size = 20000;
        NdArray s = k.resample(Nd.random(11), size);
        assertArrayEquals(new int[] {size}, s.shape());
        double mean = Stats.mean(data);
        double var = Stats.var(data, 0) + k.covariance().item();
        double se = Math.sqrt(var / size);
        assertTrue(Math.abs(Stats.mean(s) - mean) < 4 * se, () -> "mean " + Stats.mean(s) + " vs " + mean);
        // fourth central moment of the mixture, exactly: mean over data of E[(x_i + e - m)^4], e ~ N(0, h²)
        double h2 = k.covariance().item();
        double m4 = 0;
        for (double xi : data.toDoubleArray()) {
            double c = xi - mean;
            m4 += c * c * c * c + 6 * c * c * h2 + 3 * h2 * h2;
        }
        m4 /= data.size();
        double seVar = Math.sqrt((m4 - var * var) / size);
        assertTrue(Math.abs(Stats.var(s, 0) - var) < 4 * seVar, () -> "var " + Stats.var(s, 0) + " vs " + var);
        // same seed, same draws
        assertEquals(s.toDoubleArray()[123], k.resample(Nd.random(11), size).toDoubleArray()[123]);
        // 2-D shape
        GaussianKde k2 = GaussianKde.of(Nd.random(5).gaussian(50, 2));
        assertArrayEquals(new int[] {7, 2}, k2.resample(Nd.random(1), 7).shape());
    }

    @Test
    void badInput() {
        assertThrows(IllegalArgumentException.class, () -> GaussianKde.of(Nd.of(1)));
        assertThrows(IllegalArgumentException.class, () -> GaussianKde.of(Nd.zeros(0)));
        assertThrows(IllegalArgumentException.class, () -> GaussianKde.of(Nd.of(1, 2, Double.NaN)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GaussianKde.of(Nd.full(2.0, 5)));
        assertTrue(e.getMessage().contains("positive definite"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GaussianKde.of(Nd.of(1, 2, 3), -1.0));
        assertThrows(IllegalArgumentException.class, () -> GaussianKde.of(Nd.of(1, 2, 3), Nd.of(1, -1, 1), KdeBandwidth.SCOTT));
        assertThrows(IllegalArgumentException.class, () -> GaussianKde.of(Nd.of(1, 2, 3), Nd.of(1, 1), KdeBandwidth.SCOTT));
        GaussianKde k2 = GaussianKde.of(Nd.random(5).gaussian(50, 2));
        assertThrows(IllegalArgumentException.class, () -> k2.evaluate(Nd.of(1, 2, 3)));
        assertThrows(IllegalArgumentException.class, () -> k2.evaluate(1.0));
        assertThrows(IllegalArgumentException.class, () -> k2.integrateBox1d(0, 1));
        assertTrue(Double.isNaN(GaussianKde.of(Nd.of(1, 2, 4)).evaluate(Double.NaN)));
    }
}
