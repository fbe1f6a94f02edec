package dev.strix.plotting.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarchingSquaresTest {
    @Test
    void circleLevelLiesOnTheCircle() {
        int n = 81;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = -2 + 4.0 * i / (n - 1);
        }
        double[][] z = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                z[i][j] = Math.hypot(g[j], g[i]);
            }
        }
        MarchingSquares.Segments s = MarchingSquares.contour(g, g, z, 1.0);
        assertTrue(s.count > 50, "segments: " + s.count);
        int breaks = 0;
        for (int k = 0; k < s.x.length; k++) {
            if (Double.isNaN(s.x[k])) {
                breaks++;
                continue;
            }
            // z is exactly linear along grid lines only approximately: error O(h^2) with h = 0.05.
            assertEquals(1.0, Math.hypot(s.x[k], s.y[k]), 2e-3);
        }
        assertEquals(1, breaks, "the circle is joined into one closed polyline");
        assertEquals(s.x[0], s.x[s.x.length - 2], 0);
        assertEquals(s.y[0], s.y[s.y.length - 2], 0);
    }

    @Test
    void nanCellsAreSkippedAndSaddlesGiveTwoSegments() {
        double[] x = {0, 1};
        double[][] saddle = {{1, 0}, {0, 1}};
        assertEquals(2, MarchingSquares.contour(x, x, saddle, 0.5).count);
        double[][] nan = {{1, Double.NaN}, {0, 1}};
        assertEquals(0, MarchingSquares.contour(x, x, nan, 0.5).count);
    }

    @Test
    void niceLevelsAreRound() {
        assertArrayEquals(new double[] {0.2, 0.4, 0.6, 0.8}, MarchingSquares.niceLevels(0, 1, 4), 1e-12);
    }
}
