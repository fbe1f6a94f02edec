package dev.strix.ndarray;

import static dev.strix.ndarray.TestSupport.assertClose;
import static dev.strix.ndarray.TestSupport.assertShape;
import static dev.strix.ndarray.TestSupport.assertThrowsWith;
import static dev.strix.ndarray.TestSupport.assertValues;
import static dev.strix.ndarray.TestSupport.seq;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Element-wise arithmetic, unary maths, comparisons: values, dtypes and in-place forms. */
class NdArrayElementwiseTest {
    private static final double NAN = Double.NaN;
    private static final double INF = Double.POSITIVE_INFINITY;

    @Test
    void promotionTable() {
        assertEquals(DType.FLOAT64, Nd.ofInts(1).add(Nd.ofFloats(1f)).dtype());
        assertEquals(DType.FLOAT64, Nd.ofLongs(1).add(Nd.ofFloats(1f)).dtype());
        assertEquals(DType.FLOAT32, Nd.ofBools(true).add(Nd.ofFloats(1f)).dtype());
        assertEquals(DType.FLOAT64, Nd.ofFloats(1f).add(Nd.of(1)).dtype());
        assertEquals(DType.INT64, Nd.ofInts(1).add(Nd.ofLongs(1)).dtype());
        assertEquals(DType.INT32, Nd.ofBools(true).add(Nd.ofInts(1)).dtype());
        NdArray bb = Nd.ofBools(true, true, false).add(Nd.ofBools(true, false, false));
        assertEquals(DType.INT64, bb.dtype(), "bool + bool counts (documented Strix choice)");
        assertValues(bb, 2, 1, 0);
        NdArray q = Nd.ofInts(1, 2, 3).div(Nd.ofInts(2, 4, 0));
        assertEquals(DType.FLOAT64, q.dtype());
        assertValues(q, 0.5, 0.5, INF);
        assertEquals(DType.FLOAT64, Nd.ofLongs(4).div(2).dtype());
    }

    @Test
    void scalarOperandsFollowNumPysPythonScalarRules() {
        NdArray i = Nd.ofInts(1, 2);
        NdArray il = i.add(2L);
        assertEquals(DType.INT32, il.dtype());
        assertValues(il, 3, 4);
        assertEquals(DType.INT32, i.add(2).dtype(), "an int literal picks add(long)");
        NdArray id = i.add(0.5);
        assertEquals(DType.FLOAT64, id.dtype());
        assertValues(id, 1.5, 2.5);
        assertEquals(DType.FLOAT32, Nd.ofFloats(1f).add(0.5).dtype());
        assertEquals(DType.FLOAT32, Nd.ofFloats(1f).mul(3L).dtype());
        assertEquals(DType.INT64, Nd.ofBools(true).add(1L).dtype());
        assertEquals(DType.INT64, Nd.ofLongs(7).sub(9L).dtype());
        assertValues(Nd.ofLongs(7).sub(9L), -2);
        assertValues(Nd.ofLongs(7).mul(3L), 21);
        assertValues(Nd.of(1, 2).sub(1.0).mul(2.0).div(4.0), 0, 0.5);
    }

    @Test
    void integerArithmeticWraps() {
        NdArray big = Nd.ofInts(Integer.MAX_VALUE).add(1L);
        assertEquals(DType.INT32, big.dtype());
        assertEquals(Integer.MIN_VALUE, big.getLong(0));
        assertEquals(Long.MIN_VALUE, Nd.ofLongs(Long.MAX_VALUE).add(1L).getLong(0));
    }

    @Test
    void floorDivModAndPow() {
        assertValues(Nd.ofLongs(-7, 7, 7, -7).floorDiv(Nd.ofLongs(2, 2, -2, -2)), -4, 3, -4, 3);
        assertValues(Nd.ofLongs(-7, 7).mod(Nd.ofLongs(3, -3)), 2, -2);
        assertValues(Nd.ofLongs(5, -5).floorDiv(0L), 0, 0);
        assertValues(Nd.ofLongs(5).mod(0L), 0);
        assertEquals(DType.INT64, Nd.ofLongs(5).floorDiv(2L).dtype());
        assertValues(Nd.of(-7, 7, 5.5).floorDiv(2.0), -4, 3, 2);
        assertValues(Nd.of(5.5, -5.5, 6).mod(-2.0), -0.5, -1.5, -0.0);
        assertValues(Nd.of(1, -1).floorDiv(0.0), INF, -INF);
        NdArray p = Nd.ofInts(2, 3, -2).pow(3L);
        assertEquals(DType.INT32, p.dtype());
        assertValues(p, 8, 27, -8);
        assertValues(Nd.ofLongs(3).pow(0L), 1);
        assertValues(Nd.ofLongs(2, 3).pow(Nd.ofLongs(10, 2)), 1024, 9);
        assertValues(Nd.of(4, 2).pow(0.5), 2, Math.sqrt(2));
        // the fast exponents keep pow's special values: -0.0^0.5 = 0.0, -inf^0.5 = inf
        NdArray half = Nd.of(-0.0, Double.NEGATIVE_INFINITY, NAN, -1, 0.25).pow(0.5);
        assertEquals(0L, Double.doubleToRawLongBits(half.getDouble(0)));
        assertValues(half, 0, INF, NAN, NAN, 0.5);
        assertValues(Nd.of(-3, 1.5, NAN).pow(2.0), 9, 2.25, NAN);
        assertValues(Nd.of(-3, 1.5, -0.0).pow(1.0), -3, 1.5, -0.0);
        assertValues(Nd.of(-4, 0.0, -0.0).pow(-1.0), -0.25, INF, -INF);
        assertEquals(DType.FLOAT32, Nd.ofFloats(2f).pow(0.5).dtype());
        assertValues(Nd.of(Double.NEGATIVE_INFINITY, 9).pow(0.5), INF, 3); // -inf as the minimum, no NaN
        assertEquals(0, Nd.zeros(0).pow(0.5).size());
        // and every other exponent goes through pow, within 1 ulp of Math.pow's (exact values: VectorMathTest)
        NdArray bases = Nd.of(0.3, 1.7, 12.5, 1e-5, 3e7);
        NdArray powered = bases.pow(Nd.of(2.2, -3.1, 0.75, 1.5, -2.5));
        double[] ex = {Math.pow(0.3, 2.2), Math.pow(1.7, -3.1), Math.pow(12.5, 0.75), Math.pow(1e-5, 1.5), Math.pow(3e7, -2.5)};
        for (int i = 0; i < ex.length; i++) {
            assertEquals(ex[i], powered.getDouble(i), 2 * Math.ulp(ex[i]), "pow element " + i);
        }
        assertValues(Nd.ofInts(4).pow(-1.0), 0.25);
        assertValues(Nd.of(2).pow(-1L), 0.5);
    }

    @Test
    void minimumMaximumPropagateNaN() {
        NdArray x = Nd.of(1, NAN, 3, -0.0);
        NdArray y = Nd.of(2, 0, NAN, 0.0);
        assertValues(x.minimum(y), 1, NAN, NAN, -0.0);
        assertValues(x.maximum(y), 2, NAN, NAN, 0.0);
        assertValues(Nd.ofInts(1, 5).maximum(Nd.ofInts(3, 2)), 3, 5);
        assertEquals(DType.INT32, Nd.ofInts(1, 5).maximum(Nd.ofInts(3, 2)).dtype());
        assertValues(Nd.of(-1, 4).minimum(0.0), -1, 0);
    }

    @Test
    void inPlaceOperations() {
        NdArray a = seq(2, 3);
        NdArray r = a.addInPlace(Nd.of(1, 2, 3));
        assertSame(a, r);
        assertValues(a, 1, 3, 5, 4, 6, 8);
        a.subInPlace(1.0).mulInPlace(2.0).divInPlace(Nd.of(2.0));
        assertValues(a, 0, 2, 4, 3, 5, 7);
        NdArray f = Nd.ofFloats(1f, 2f);
        f.mulInPlace(0.5);
        assertEquals(DType.FLOAT32, f.dtype());
        assertValues(f, 0.5, 1);
        NdArray i = Nd.ofInts(1, 2, 3);
        i.addInPlace(Nd.ofLongs(10, 20, 30));
        assertEquals(DType.INT32, i.dtype());
        assertValues(i, 11, 22, 33);
        // aliasing: the operand is read before it is overwritten
        NdArray s = seq(3);
        s.addInPlace(s.flip());
        assertValues(s, 2, 2, 2);
        // in place through a view
        NdArray b = Nd.zeros(3, 3);
        b.get("1:, 1:").addInPlace(5.0);
        assertValues(b, 0, 0, 0, 0, 5, 5, 0, 5, 5);
    }

    @Test
    void inPlaceRefusesToStoreFloatsInInts() {
        NdArray i = Nd.ofInts(1, 2);
        assertThrowsWith(IllegalArgumentException.class, () -> i.addInPlace(1.5), "add", "float64", "int32");
        assertThrowsWith(IllegalArgumentException.class, () -> i.divInPlace(Nd.ofInts(1, 1)), "div", "int32");
        assertThrowsWith(IllegalArgumentException.class, () -> i.mulInPlace(Nd.ofFloats(1f, 1f)), "mul", "int32");
        assertValues(i, 1, 2);
        assertThrowsWith(ShapeMismatchException.class, () -> Nd.zeros(3).addInPlace(Nd.zeros(2, 3)), "add", "(3,)", "(2, 3)");
    }

    @Test
    void clipAndRound() {
        assertValues(Nd.of(-2, 0.5, 3, NAN).clip(0, 1), 0, 0.5, 1, NAN);
        NdArray ci = Nd.ofInts(-5, 5).clip(-1, 1);
        assertValues(ci, -1, 1);
        assertEquals(DType.FLOAT32, Nd.ofFloats(3f).clip(0, 1).dtype());
        assertValues(Nd.of(0.5, 1.5, 2.5, -0.5, -2.5).round(), 0, 2, 2, -0.0, -2);
        assertValues(Nd.of(1.25, 1.35, -1.25).round(1), 1.2, 1.4, -1.2);
        assertValues(Nd.of(0.125).round(2), 0.12);
        assertValues(Nd.of(125, 135, 1234).round(-1), 120, 140, 1230);
        assertValues(Nd.of(1234.5).round(-2), 1200);
        NdArray ri = Nd.ofLongs(17, 25).round(1);
        assertEquals(DType.INT64, ri.dtype());
        assertValues(ri, 17, 25);
        assertValues(Nd.of(-1.5, 1.5, -0.2).floor(), -2, 1, -1);
        assertValues(Nd.of(-1.5, 1.5, -0.2).ceil(), -1, 2, -0.0);
        assertValues(Nd.of(-1.5, 1.5).trunc(), -1, 1);
        assertEquals(DType.INT32, Nd.ofInts(3).floor().dtype());
    }

    @Test
    void sigmoidReluErf() {
        NdArray s = Nd.of(-1000, -745, -40, 0, 40, 1000, 1e308, -1e308).sigmoid();
        for (double v : s.toDoubleArray()) {
            assertTrue(v >= 0 && v <= 1, "sigmoid in [0, 1], got " + v);
        }
        assertEquals(0.0, s.getDouble(0));
        assertEquals(0.5, s.getDouble(3));
        assertEquals(1.0, s.getDouble(5));
        assertClose(Math.exp(-40), s.getDouble(2), 1e-30);
        assertClose(1 / (1 + Math.exp(-1.0)), Nd.of(1).sigmoid().item(), 1e-16);
        assertValues(Nd.of(NAN).sigmoid(), NAN);
        assertValues(Nd.of(-1, 0, 2, NAN, -INF).relu(), 0, 0, 2, NAN, 0);
        NdArray ri = Nd.ofInts(-3, 4).relu();
        assertEquals(DType.INT32, ri.dtype());
        assertValues(ri, 0, 4);
        NdArray e = Nd.of(0, 0.5, 1, -1, INF, -INF).erf();
        assertEquals(0.0, e.getDouble(0));
        assertClose(0.5204998778130465, e.getDouble(1), 1e-15);
        assertClose(0.8427007929497149, e.getDouble(2), 1e-15);
        assertClose(-0.8427007929497149, e.getDouble(3), 1e-15);
        assertEquals(1.0, e.getDouble(4));
        assertEquals(-1.0, e.getDouble(5));
        assertClose(1 - 0.8427007929497149, Nd.of(1).erfc().item(), 1e-15);
        assertClose(1.5374597944280349e-12, Nd.of(5).erfc().item(), 1e-25);
    }

    @Test
    void unaryMathsAndDtypes() {
        assertEquals(DType.FLOAT64, Nd.ofInts(1).exp().dtype());
        assertEquals(DType.FLOAT32, Nd.ofFloats(1f).exp().dtype());
        assertEquals(DType.INT32, Nd.ofInts(-2).neg().dtype());
        assertValues(Nd.ofInts(-2, 3).neg(), 2, -3);
        assertValues(Nd.ofLongs(-2, 3).abs(), 2, 3);
        assertValues(Nd.of(-3, 0, 2, NAN).sign(), -1, 0, 1, NAN);
        assertValues(Nd.ofInts(-3, 0, 2).sign(), -1, 0, 1);
        assertValues(Nd.ofInts(-3, 4).square(), 9, 16);
        NdArray rec = Nd.ofInts(2, 0).reciprocal();
        assertEquals(DType.FLOAT64, rec.dtype());
        assertValues(rec, 0.5, INF);
        assertValues(Nd.of(-1, 0, 4).sqrt(), NAN, 0, 2);
        assertValues(Nd.of(0, 1, -1).log(), -INF, 0, NAN);
        assertValues(Nd.of(8, 1024, 0.5, 0x1p-1074).log2(), 3, 10, -1, -1074);
        assertValues(Nd.of(1000, 0.001).log10(), 3, -3);
        assertValues(Nd.of(3, -1).exp2(), 8, 0.5);
        assertValues(Nd.of(-27, 8).cbrt(), -3, 2);
        assertValues(Nd.of(0).expm1(), 0);
        assertClose(1e-20, Nd.of(1e-20).expm1().item(), 1e-35);
        assertClose(1e-20, Nd.of(1e-20).log1p().item(), 1e-35);
        assertClose(Math.PI / 4, Nd.of(1).atan().item(), 1e-16);
        assertClose(Math.PI / 2, Nd.of(1).asin().item(), 1e-15);
        assertClose(0, Nd.of(1).acos().item(), 1e-16);
        assertClose(0.5493061443340549, Nd.of(0.5).atanh().item(), 1e-15);
        assertValues(Nd.of(1, 2).atanh(), INF, NAN);
        assertValues(Nd.of(1, 0.5).acosh(), 0, NAN);
        assertClose(0.881373587019543, Nd.of(1).asinh().item(), 1e-15);
        assertClose(-0.881373587019543, Nd.of(-1).asinh().item(), 1e-15);
        assertClose(Math.log(2e10) + Math.log(2) - Math.log(2), Nd.of(1e10).asinh().item(), 1e-9);
        assertClose(1.1752011936438014, Nd.of(1).sinh().item(), 1e-15);
        assertClose(1.5430806348152437, Nd.of(1).cosh().item(), 1e-15);
        assertClose(0.7615941559557649, Nd.of(1).tanh().item(), 1e-16);
        assertClose(0, Nd.of(Math.PI).sin().item(), 1e-15);
        assertClose(-1, Nd.of(Math.PI).cos().item(), 1e-15);
        assertClose(1, Nd.of(Math.PI / 4).tan().item(), 1e-15);
        assertValues(Nd.of(3).hypot(Nd.of(4)), 5);
        assertClose(Math.PI / 4, Nd.of(1).atan2(Nd.of(1)).item(), 1e-16);
        assertClose(-3 * Math.PI / 4, Nd.of(-1).atan2(Nd.of(-1)).item(), 1e-15);
        assertEquals(DType.FLOAT64, Nd.ofInts(1).atan2(Nd.ofInts(1)).dtype());
        // results of a view are laid out like a fresh array
        NdArray v = seq(3, 3).transpose().exp();
        assertTrue(v.isContiguous());
        assertClose(Math.exp(3), v.getDouble(0, 1), 1e-12);
    }

    @Test
    void comparisonsAndLogic() {
        NdArray x = Nd.of(1, 2, NAN, 4);
        NdArray y = Nd.of(2, 2, NAN, 3);
        assertEquals(DType.BOOL, x.eq(y).dtype());
        assertValues(x.eq(y), 0, 1, 0, 0);
        assertValues(x.ne(y), 1, 0, 1, 1);
        assertValues(x.lt(y), 1, 0, 0, 0);
        assertValues(x.le(y), 1, 1, 0, 0);
        assertValues(x.gt(y), 0, 0, 0, 1);
        assertValues(x.ge(y), 0, 1, 0, 1);
        assertValues(x.gt(1.5), 0, 1, 0, 1);
        assertValues(x.eq(2), 0, 1, 0, 0);
        assertValues(Nd.ofLongs(Long.MAX_VALUE).eq(Nd.ofLongs(Long.MAX_VALUE - 1)), 0);
        NdArray p = Nd.ofBools(true, true, false, false);
        NdArray q = Nd.ofBools(true, false, true, false);
        assertValues(p.and(q), 1, 0, 0, 0);
        assertValues(p.or(q), 1, 1, 1, 0);
        assertValues(p.xor(q), 0, 1, 1, 0);
        assertValues(p.not(), 0, 0, 1, 1);
        assertValues(Nd.of(0, 2, NAN).not(), 1, 0, 0);
        assertValues(Nd.of(0.5, 0).and(Nd.ofInts(3, 3)), 1, 0);
        NdArray s = Nd.of(1, NAN, INF, -INF);
        assertValues(s.isNaN(), 0, 1, 0, 0);
        assertValues(s.isInf(), 0, 0, 1, 1);
        assertValues(s.isFinite(), 1, 0, 0, 0);
        assertValues(Nd.ofInts(3).isFinite(), 1);
        assertShape(seq(2, 1).lt(seq(3)), 2, 3);
    }

    @Test
    void allClose() {
        assertTrue(Nd.of(1, 1 + 1e-9).allClose(Nd.of(1, 1)));
        assertFalse(Nd.of(1).allClose(Nd.of(1.1)));
        assertTrue(Nd.of(1).allClose(Nd.of(1.1), 0.2, 0));
        assertTrue(Nd.of(NAN, INF).allClose(Nd.of(NAN, INF)));
        assertFalse(Nd.of(INF).allClose(Nd.of(-INF)));
        assertFalse(Nd.of(NAN).allClose(Nd.of(1)));
        assertFalse(Nd.of(1e300).allClose(Nd.of(INF)));
        assertTrue(Nd.of(2, 2, 2).allClose(Nd.scalar(2.0)));
        assertTrue(Nd.ofInts(1, 2).allClose(Nd.of(1, 2)));
        assertTrue(Nd.of(0).allClose(Nd.of(1e-9)));
        assertFalse(Nd.of(0).allClose(Nd.of(1e-7)));
        assertTrue(seq(2, 3).transpose().allClose(seq(2, 3).transpose().copy()));
    }
}
