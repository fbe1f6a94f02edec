package dev.strix.plotting.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The normal quantile against tabulated values (R's qnorm, 16 digits). */
class NormalTest {
    @Test
    void matchesTabulatedQuantiles() {
        assertEquals(0, Normal.quantile(0.5), 0);
        assertEquals(1.959963984540054, Normal.quantile(0.975), 1e-14);
        assertEquals(-1.959963984540054, Normal.quantile(0.025), 1e-14);
        assertEquals(1.0, Normal.quantile(0.8413447460685429), 1e-14);
        assertEquals(-0.6744897501960817, Normal.quantile(0.25), 1e-14);
        assertEquals(-6.361340902404056, Normal.quantile(1e-10), 1e-13);
        assertEquals(Double.NEGATIVE_INFINITY, Normal.quantile(0), 0);
        assertThrows(IllegalArgumentException.class, () -> Normal.quantile(1.5));
    }

    /** Round trip through the normal CDF (Commons Numbers' erfc, a few ulp): relative error in p. */
    @Test
    void roundTripsThroughTheCdfIntoTheFarTail() {
        for (double p : new double[] {1e-300, 1e-100, 1e-20, 1e-8, 1e-3, 0.1, 0.3, 0.5, 0.7, 0.9, 0.999, 1 - 1e-12}) {
            double q = Normal.quantile(p);
            double back = 0.5 * org.apache.commons.numbers.gamma.Erfc.value(-q / Math.sqrt(2));
            // dp/p = q * dq near the tails: allow for the conditioning of the CDF there.
            // The CDF amplifies an error dq by |q| dq in relative terms: allow 1e-14 * max(1, q^2).
            assertEquals(1, back / p, 1e-14 * Math.max(1, q * q), "p = " + p);
        }
    }

    @Test
    void plottingPositionsAreRsPpoints() {
        // R: qnorm(ppoints(5)) uses a = 3/8: (i - 3/8) / 5.25
        double[] q = Normal.plottingPositions(5);
        assertEquals(Normal.quantile(0.625 / 5.25), q[0], 0);
        assertEquals(0, q[2], 1e-15);
        double[] q20 = Normal.plottingPositions(20);
        assertEquals(Normal.quantile(0.5 / 20), q20[0], 0);
    }
}
