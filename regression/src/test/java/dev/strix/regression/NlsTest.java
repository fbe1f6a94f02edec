package dev.strix.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.ndarray.NdArray;
import org.junit.jupiter.api.Test;

class NlsTest {
    static final NdArray X = NdArray.wrap(new double[] {1, 2, 3, 5, 7, 10}, 6, 1);
    static final NdArray Y = NdArray.wrap(new double[] {109, 149, 149, 191, 213, 224}, 6); // BoxBOD

    @Test
    void analyticJacobianAgreesWithFiniteDifferences() {
        Nls.Model m = (x, b) -> b[0] * (1 - Math.exp(-b[1] * x[0]));
        Nls.Gradient g = (x, b, out) -> {
            out[0] = 1 - Math.exp(-b[1] * x[0]);
            out[1] = b[0] * x[0] * Math.exp(-b[1] * x[0]);
        };
        NlsFit a = Nls.fit(m, g, X, Y, new double[] {100, 0.75}).orElseThrow();
        NlsFit f = Nls.fit(m, X, Y, new double[] {100, 0.75}).orElseThrow();
        // NIST certified: b1 = 213.80940889, b2 = 0.54723748542
        assertEquals(213.80940889, a.params().getDouble(0), 1e-6);
        assertEquals(0.54723748542, a.params().getDouble(1), 1e-9);
        assertEquals(a.params().getDouble(0), f.params().getDouble(0), 1e-6);
        assertEquals(1.1680088766E+03, a.rss(), 1e-5);
    }

    @Test
    void degenerateStopIsReportedNotReturnedAsAnswer() {
        Nls.Model m = (x, b) -> b[0] * (1 - Math.exp(-b[1] * x[0]));
        NlsFit f = Nls.fit(m, X, Y, new double[] {1, 1}); // NIST start 1 runs to b2 -> infinity
        assertFalse(f.converged());
        assertTrue(f.message().contains("not identified"), f.message());
        IllegalStateException e = assertThrows(IllegalStateException.class, f::orElseThrow);
        assertTrue(e.getMessage().contains("did not converge"));
    }

    @Test
    void badInput() {
        Nls.Model m = (x, b) -> b[0] * x[0];
        assertThrows(IllegalArgumentException.class, () -> Nls.fit(m, X, Y, new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class,
                () -> Nls.fit((x, b) -> Math.log(-b[0]), X, Y, new double[] {1}));
    }
}
