package dev.strix.ndarray;

import static dev.strix.ndarray.TestSupport.assertClose;
import static dev.strix.ndarray.TestSupport.assertShape;
import static dev.strix.ndarray.TestSupport.assertValues;
import static dev.strix.ndarray.TestSupport.seq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reductions, cumulative operations, norms, and sorting/searching. */
class NdArrayReductionsTest {
    private static final double NAN = Double.NaN;

    @Test
    void sumOverAxesAndKeepDims() {
        NdArray s = seq(2, 3);
        NdArray all = s.sum();
        assertEquals(0, all.ndim());
        assertEquals(15.0, all.item());
        assertValues(s.sum(0), 3, 5, 7);
        assertValues(s.sum(1), 3, 12);
        assertValues(s.sum(-1), 3, 12);
        assertShape(s.sum(1, true), 2, 1);
        assertShape(s.sum(new int[] {0, 1}, true), 1, 1);
        assertShape(s.sum(0, 1), new int[0]);
        NdArray c = seq(2, 3, 4);
        NdArray r = c.sum(new int[] {0, 2}, false);
        assertShape(r, 3);
        // sum over i and k of 12 i + 4 j + k = 8 * 4 j + 4 * 12 + 2 * 6
        assertValues(r, 60, 92, 124);
        assertShape(c.sum(new int[] {0, 2}, true), 1, 3, 1);
        assertEquals(c.sum(0).sum(1), r);
        assertValues(c.transpose().sum(2), c.sum(0).transpose().toDoubleArray());
    }

    @Test
    void sumAndProdTypes() {
        assertEquals(DType.INT64, Nd.ofInts(1, 2).sum().dtype());
        assertEquals(DType.INT64, Nd.ofBools(true, true, false).sum().dtype());
        assertEquals(2, Nd.ofBools(true, true, false).sum().itemLong());
        assertEquals(DType.FLOAT32, Nd.ofFloats(1f, 2f).sum().dtype());
        assertEquals(24, Nd.ofInts(1, 2, 3, 4).prod().itemLong());
        assertValues(seq(2, 3).prod(1), 0, 60);
        assertShape(seq(2, 3).prod(new int[] {1}, true), 2, 1);
        assertValues(Nd.zeros(0, 3).sum(0), 0, 0, 0);
        assertValues(Nd.zeros(0, 3).prod(0), 1, 1, 1);
        assertEquals(0.0, Nd.zeros(0).sum().item());
    }

    @Test
    void pairwiseSummationBeatsNaiveSummation() {
        int n = 1_000_000;
        NdArray v = Nd.full(0.1, n);
        double naive = 0;
        for (int i = 0; i < n; i++) {
            naive += 0.1;
        }
        double exact = 100000.00000000000555; // n * double(0.1)
        double got = v.sum().item();
        assertTrue(Math.abs(naive - exact) > 1e-7, "the naive loop really is inaccurate");
        assertTrue(Math.abs(got - exact) <= 1e-14 * exact, "pairwise sum " + got);
        assertClose(0.1, v.mean().item(), 1e-16);
    }

    @Test
    void meanVarStd() {
        NdArray x = Nd.of(1, 2, 3, 4);
        assertEquals(2.5, x.mean().item());
        assertEquals(1.25, x.var().item());
        assertClose(5.0 / 3, x.var(null, 1, false).item(), 1e-15);
        assertClose(Math.sqrt(1.25), x.std().item(), 1e-15);
        assertClose(Math.sqrt(5.0 / 3), x.std(null, 1, false).item(), 1e-15);
        assertEquals(DType.FLOAT64, Nd.ofInts(1, 2).mean().dtype());
        assertEquals(DType.FLOAT32, Nd.ofFloats(1f, 2f).mean().dtype());
        assertEquals(DType.FLOAT32, Nd.ofFloats(1f, 2f).var().dtype());
        NdArray s = seq(2, 3);
        assertValues(s.mean(0), 1.5, 2.5, 3.5);
        assertShape(s.mean(1, true), 2, 1);
        assertShape(s.mean(new int[] {0, 1}, true), 1, 1);
        assertValues(s.var(1), 2.0 / 3, 2.0 / 3);
        assertShape(s.var(new int[] {1}, 0, true), 2, 1);
        assertShape(s.std(new int[] {0}, 1, true), 1, 3);
        assertValues(s.std(new int[] {0}, 1, false), Math.sqrt(4.5), Math.sqrt(4.5), Math.sqrt(4.5));
        assertValues(Nd.zeros(0).mean(), NAN);
        assertValues(Nd.of(5).var(null, 1, false), NAN);
    }

    @Test
    void minMaxAndNanVariants() {
        NdArray x = Nd.of(3, NAN, 1, 5);
        assertValues(x.min(), NAN);
        assertValues(x.max(), NAN);
        assertValues(x.nanMin(), 1);
        assertValues(x.nanMax(), 5);
        assertValues(x.nanSum(), 9);
        assertValues(x.nanMean(), 3);
        assertValues(x.nanProd(), 15);
        assertClose(8.0 / 3, x.nanVar().item(), 1e-15);
        assertClose(Math.sqrt(8.0 / 3), x.nanStd().item(), 1e-15);
        assertClose(4.0, x.nanVar(null, 1, false).item(), 1e-15);
        assertClose(2.0, x.nanStd(null, 1, false).item(), 1e-15);
        NdArray allNan = Nd.of(NAN, NAN);
        assertValues(allNan.nanSum(), 0);
        assertValues(allNan.nanProd(), 1);
        assertValues(allNan.nanMean(), NAN);
        assertValues(allNan.nanMin(), NAN);
        NdArray s = seq(2, 3);
        assertValues(s.min(0), 0, 1, 2);
        assertValues(s.max(1), 2, 5);
        assertShape(s.max(new int[] {1}, true), 2, 1);
        assertShape(s.min(new int[] {0}, true), 1, 3);
        NdArray ints = Nd.ofInts(4, -2, 9);
        assertEquals(DType.INT32, ints.min().dtype());
        assertEquals(-2, ints.min().itemLong());
        assertEquals(9, ints.max().itemLong());
        assertEquals(Long.MIN_VALUE, Nd.ofLongs(Long.MIN_VALUE, 0).min().itemLong());
        NdArray m = TestSupport.m(new double[][] {{1, NAN}, {2, 3}});
        assertValues(m.nanMax(1), 1, 3);
        assertValues(m.nanMean(0), 1.5, 3);
        assertValues(m.nanSum(0), 3, 3);
        assertValues(m.nanMin(1), 1, 2);
    }

    @Test
    void argminArgmax() {
        assertEquals(1, Nd.of(1, 3, 3, 2).argmax().itemLong());
        assertEquals(1, Nd.of(2, 1, 1).argmin().itemLong());
        assertEquals(DType.INT64, Nd.of(1).argmax().dtype());
        assertEquals(0, Nd.of(1).argmax().ndim());
        NdArray withNan = Nd.of(1, NAN, 5, NAN);
        assertEquals(1, withNan.argmax().itemLong());
        assertEquals(1, withNan.argmin().itemLong());
        assertEquals(2, withNan.nanArgmax().itemLong());
        assertEquals(0, withNan.nanArgmin().itemLong());
        NdArray m = TestSupport.m(new double[][] {{1, 5}, {7, 2}});
        assertEquals(2, m.argmax().itemLong());
        assertEquals(0, m.argmin().itemLong());
        assertValues(m.argmax(0), 1, 0);
        assertValues(m.argmax(1), 1, 0);
        assertValues(m.argmin(-1), 0, 1);
        assertShape(m.argmax(1, true), 2, 1);
        assertShape(m.argmin(0, true), 1, 2);
        assertValues(m.transpose().argmax(1), 1, 0);
        assertValues(Nd.ofInts(3, 9, 9, 1).argmax(0), 1);
        NdArray n2 = TestSupport.m(new double[][] {{NAN, 1}, {2, NAN}});
        assertValues(n2.nanArgmax(1), 1, 0);
        assertValues(n2.nanArgmin(0), 1, 0);
    }

    @Test
    void logicalReductions() {
        NdArray b = TestSupport.m(new double[][] {{1, 0, 2}, {3, 4, 5}});
        assertEquals(false, b.all().itemBoolean());
        assertEquals(true, b.any().itemBoolean());
        assertEquals(DType.BOOL, b.all().dtype());
        assertValues(b.all(1), 0, 1);
        assertValues(b.any(0), 1, 1, 1);
        assertValues(b.countNonzero(1), 2, 3);
        assertEquals(5, b.countNonzero().itemLong());
        assertEquals(DType.INT64, b.countNonzero().dtype());
        assertEquals(true, Nd.zeros(0).all().itemBoolean());
        assertEquals(false, Nd.zeros(0).any().itemBoolean());
        assertEquals(1, Nd.of(NAN, 0).countNonzero().itemLong());
    }

    @Test
    void norms() {
        double big = Nd.of(1e200, 1e200).normL2().item();
        assertClose(Math.sqrt(2) * 1e200, big, 1e185);
        double tiny = Nd.of(1e-200, -1e-200).normL2().item();
        assertClose(Math.sqrt(2) * 1e-200, tiny, 1e-214);
        assertEquals(5.0, Nd.of(3, 4).normL2().item());
        assertEquals(6.0, Nd.of(-1, 2, -3).normL1().item());
        assertEquals(7.0, Nd.of(-7, 3).normLinf().item());
        assertEquals(0.0, Nd.zeros(3).normL2().item());
        assertValues(Nd.of(1, Double.POSITIVE_INFINITY).normL2(), Double.POSITIVE_INFINITY);
        assertValues(Nd.of(1, NAN).normL2(), NAN);
        assertValues(TestSupport.m(new double[][] {{3, 4}, {6, 8}}).normL2(1), 5, 10);
        assertValues(TestSupport.m(new double[][] {{3, -4}, {6, 8}}).normL1(0), 9, 12);
        assertValues(TestSupport.m(new double[][] {{3, -4}, {6, 8}}).normLinf(1), 4, 8);
        assertEquals(DType.FLOAT64, Nd.ofInts(3, 4).normL2().dtype());
        assertEquals(5.0, Nd.ofInts(3, 4).normL2().item());
    }

    @Test
    void cumulative() {
        assertValues(Nd.of(1, 2, 3).cumsum(), 1, 3, 6);
        assertValues(Nd.of(1, 2, 3).cumprod(), 1, 2, 6);
        NdArray s = seq(2, 3);
        assertValues(s.cumsum(0), 0, 1, 2, 3, 5, 7);
        assertValues(s.cumsum(1), 0, 1, 3, 3, 7, 12);
        assertValues(s.cumsum(-1), 0, 1, 3, 3, 7, 12);
        NdArray flat = s.cumsum();
        assertShape(flat, 6);
        assertValues(flat, 0, 1, 3, 6, 10, 15);
        assertValues(s.add(1.0).cumprod(1), 1, 2, 6, 4, 20, 120);
        assertValues(s.transpose().cumsum(1), 0, 3, 1, 5, 2, 7);
        assertEquals(DType.INT64, Nd.ofInts(1, 2).cumsum().dtype());
        assertEquals(DType.INT64, Nd.ofBools(true, true).cumsum().dtype());
        assertValues(Nd.ofBools(true, false, true).cumsum(), 1, 1, 2);
        assertEquals(DType.FLOAT32, Nd.ofFloats(1f).cumsum().dtype());
        assertShape(Nd.zeros(2, 0).cumsum(1), 2, 0);
        assertValues(Nd.of(1, NAN, 2).cumsum(), 1, NAN, NAN);
    }

    @Test
    void sortAndArgsortAlongAxes() {
        NdArray m = TestSupport.m(new double[][] {{3, 1, 2}, {0, 5, 4}});
        assertValues(m.sort(), 1, 2, 3, 0, 4, 5);
        assertValues(m.sort(1), 1, 2, 3, 0, 4, 5);
        assertValues(m.sort(0), 0, 1, 2, 3, 5, 4);
        assertValues(m.argsort(), 1, 2, 0, 0, 2, 1);
        assertValues(m.argsort(0), 1, 0, 0, 0, 1, 1);
        assertValues(Nd.of(NAN, 2, -1, NAN, 0).sort(), -1, 0, 2, NAN, NAN);
        assertValues(Nd.of(NAN, 2, -1, NAN, 0).argsort(), 2, 4, 1, 0, 3);
        assertValues(Nd.ofBools(true, false, true).sort(), 0, 1, 1);
        assertEquals(DType.INT32, Nd.ofInts(3, 1).sort().dtype());
        assertEquals(DType.INT64, Nd.ofInts(3, 1).argsort().dtype());
        assertValues(Nd.of(2, 1, 2, 1).argsort(), 1, 3, 0, 2);
        assertShape(Nd.zeros(0, 3).sort(0), 0, 3);
    }

    @Test
    void uniqueSearchSortedTopK() {
        NdArray.Unique u = Nd.of(3, 1, 3, NAN, 1, NAN, 2).unique();
        assertValues(u.values(), 1, 2, 3, NAN);
        assertValues(u.counts(), 2, 1, 2, 2);
        assertEquals(DType.INT64, u.counts().dtype());
        NdArray.Unique ui = Nd.ofInts(5, 5, 5).reshape(1, 3).unique();
        assertEquals(DType.INT32, ui.values().dtype());
        assertValues(ui.values(), 5);
        assertValues(ui.counts(), 3);
        assertEquals(0, Nd.zeros(0).unique().values().size());
        NdArray sorted = Nd.of(1, 2, 2, 3);
        NdArray vals = Nd.of(2, 0, 4, 2.5);
        assertValues(sorted.searchSorted(vals), 1, 0, 4, 3);
        assertValues(sorted.searchSorted(vals, true), 3, 0, 4, 3);
        assertShape(sorted.searchSorted(Nd.of(1, 2, 3, 4).reshape(2, 2)), 2, 2);
        assertValues(Nd.of(1, 2, NAN).searchSorted(Nd.of(NAN, 5)), 2, 2);
        NdArray.TopK t = Nd.of(1, 5, 3, 5, 2).topK(2);
        assertValues(t.values(), 5, 5);
        assertValues(t.indices(), 1, 3);
        NdArray.TopK b = Nd.of(1, 5, 3, 5, 2).bottomK(2);
        assertValues(b.values(), 1, 2);
        assertValues(b.indices(), 0, 4);
        NdArray.TopK c = TestSupport.m(new double[][] {{1, 9}, {7, 3}, {5, 5}}).topK(2, 0);
        assertShape(c.values(), 2, 2);
        assertValues(c.values(), 7, 9, 5, 5);
        assertValues(c.indices(), 1, 0, 2, 2);
        NdArray.TopK ti = Nd.ofInts(4, 8, 6).topK(1);
        assertEquals(DType.INT32, ti.values().dtype());
        assertValues(ti.values(), 8);
        assertEquals(0, Nd.of(1, 2).topK(0).values().size());
    }
}
