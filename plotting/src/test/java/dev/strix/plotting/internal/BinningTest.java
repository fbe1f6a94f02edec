package dev.strix.plotting.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.strix.plotting.BinRule;
import org.junit.jupiter.api.Test;

/** Bin counts as NumPy's np.histogram_bin_edges gives them (values worked out by hand from its formulas). */
class BinningTest {
    private static final double[] ONE_TO_TEN = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

    @Test
    void rulesMatchNumpy() {
        // np.histogram_bin_edges(np.arange(1, 11), r).size - 1
        assertEquals(5, Binning.count(ONE_TO_TEN, BinRule.STURGES)); // ceil(log2(10) + 1)
        assertEquals(3, Binning.count(ONE_TO_TEN, BinRule.FD));      // IQR 4.5, h = 9 / 10^(1/3)
        assertEquals(5, Binning.count(ONE_TO_TEN, BinRule.AUTO));    // min(h_fd, h_sturges) = h_sturges
        assertEquals(5, Binning.count(ONE_TO_TEN, BinRule.RICE));    // ceil(2 * 10^(1/3)) = ceil(4.31)
        assertEquals(4, Binning.count(ONE_TO_TEN, BinRule.SQRT));    // ceil(sqrt(10))
        assertEquals(2, Binning.count(ONE_TO_TEN, BinRule.SCOTT));   // h = (24 sqrt(pi)/10)^(1/3) * 2.872 = 4.65
        assertEquals(1, Binning.count(new double[] {3, 3, 3}, BinRule.FD));
    }

    @Test
    void lastBinIsClosedAndCountsAddUp() {
        double[] e = Binning.edges(ONE_TO_TEN, 3);
        assertArrayEquals(new double[] {1, 4, 7, 10}, e, 1e-12);
        assertArrayEquals(new long[] {3, 3, 4}, Binning.counts(ONE_TO_TEN, e));
        assertArrayEquals(new long[] {1, 0}, Binning.counts(new double[] {0.5, 5}, new double[] {0, 1, 2}));
        assertArrayEquals(new double[] {2.5, 3.5}, Binning.edges(new double[] {3, 3}, 1), 0);
    }

    @Test
    void quantileIsLinear() {
        assertEquals(3.25, Binning.quantile(ONE_TO_TEN, 0.25), 1e-12);
        assertEquals(5.5, Binning.quantile(ONE_TO_TEN, 0.5), 1e-12);
        assertEquals(10, Binning.quantile(ONE_TO_TEN, 1), 0);
    }
}
