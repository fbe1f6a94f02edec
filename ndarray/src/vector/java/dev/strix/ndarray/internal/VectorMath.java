package dev.strix.ndarray.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector polynomial forms of the float64 elementary functions, at the provider's width. Not
 * generated into a float twin: the constants and polynomial degrees are float64's.
 *
 * <p>exp: x = k ln 2 + r with k = rint(x / ln 2) and |r| <= ln 2 / 2 (Cody and Waite's two-part
 * ln 2, each step one fused multiply-add), e^r by its Taylor polynomial to degree 13 (truncation
 * below 5e-18 relative) as 1 + (r + r^2 q(r)), and 2^k put into the exponent bits. The error
 * bound is below 1 ulp: at most 0.5 ulp from the final rounding, 0.25 from rounding r + r^2 q and
 * 0.25 from r's rounding; KernelsTest checks it against StrictMath on random and edge
 * arguments. Arguments outside [-708, 708], where the result is subnormal, infinite or NaN, take
 * Math.exp. Every element's result depends on its argument alone, never on its neighbours or its
 * place in the run: the tail and the ordinary lanes of a vector holding a special argument run
 * {@link #expScalar}, the same operations in the same order, so a view gives its copy's bits.
 */
final class VectorMath {
    private VectorMath() {
    }

    private static final VectorSpecies<Double> S = VectorF64.S;
    private static final int L = S.length();

    private static final double LOG2E = 0x1.71547652b82fep0;
    /** ln 2 split so that k * LN2_HI is exact for |k| < 2^11 (its low 11 bits are zero). */
    private static final double LN2_HI = 0x1.62e42fefa3800p-1;
    private static final double LN2_LO = 0x1.ef35793c76730p-45;
    /** 1.5 * 2^52: adding it rounds to an integer held in the low mantissa bits. */
    private static final double SHIFT = 0x1.8p52;
    private static final long SHIFT_BITS = Double.doubleToRawLongBits(SHIFT);
    private static final double EXP_LIMIT = 708.0;

    private static final double C2 = 1.0 / 2;
    private static final double C3 = 1.0 / 6;
    private static final double C4 = 1.0 / 24;
    private static final double C5 = 1.0 / 120;
    private static final double C6 = 1.0 / 720;
    private static final double C7 = 1.0 / 5040;
    private static final double C8 = 1.0 / 40320;
    private static final double C9 = 1.0 / 362880;
    private static final double C10 = 1.0 / 3628800;
    private static final double C11 = 1.0 / 39916800;
    private static final double C12 = 1.0 / 479001600;
    private static final double C13 = 1.0 / 6227020800.0;

    /** {@code c[co + i] = exp(a[ao + i])} for i in [0, n). */
    static void exp(double[] a, int ao, double[] c, int co, int n) {
        int i = 0;
        int ub = S.loopBound(n);
        for (; i < ub; i += L) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            // NaN fails the comparison too, so !(|x| <= limit) catches it
            VectorMask<Double> ordinary = x.abs().compare(VectorOperators.LE, EXP_LIMIT);
            if (!ordinary.allTrue()) {
                for (int j = i; j < i + L; j++) {
                    c[co + j] = expScalar(a[ao + j]);
                }
                continue;
            }
            DoubleVector t = x.fma(DoubleVector.broadcast(S, LOG2E), DoubleVector.broadcast(S, SHIFT));
            DoubleVector k = t.sub(SHIFT);
            DoubleVector r = k.fma(DoubleVector.broadcast(S, -LN2_HI), x);
            r = k.fma(DoubleVector.broadcast(S, -LN2_LO), r);
            DoubleVector q = DoubleVector.broadcast(S, C13);
            q = q.fma(r, DoubleVector.broadcast(S, C12));
            q = q.fma(r, DoubleVector.broadcast(S, C11));
            q = q.fma(r, DoubleVector.broadcast(S, C10));
            q = q.fma(r, DoubleVector.broadcast(S, C9));
            q = q.fma(r, DoubleVector.broadcast(S, C8));
            q = q.fma(r, DoubleVector.broadcast(S, C7));
            q = q.fma(r, DoubleVector.broadcast(S, C6));
            q = q.fma(r, DoubleVector.broadcast(S, C5));
            q = q.fma(r, DoubleVector.broadcast(S, C4));
            q = q.fma(r, DoubleVector.broadcast(S, C3));
            q = q.fma(r, DoubleVector.broadcast(S, C2));
            DoubleVector p = r.mul(r).fma(q, r).add(1.0);
            // 2^k: k sits in the low bits of t; add the exponent bias and shift it into place
            DoubleVector scale = ((LongVector) t.reinterpretAsLongs()).sub(SHIFT_BITS - 1023)
                    .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            p.mul(scale).intoArray(c, co + i);
        }
        for (; i < n; i++) {
            c[co + i] = expScalar(a[ao + i]);
        }
    }

    /** One lane of {@link #exp}, bit for bit (Math.fma is exact-then-rounded, as the lanes are). */
    static double expScalar(double x) {
        if (!(Math.abs(x) <= EXP_LIMIT)) {
            return Math.exp(x);
        }
        double t = Math.fma(x, LOG2E, SHIFT);
        double k = t - SHIFT;
        double r = Math.fma(k, -LN2_HI, x);
        r = Math.fma(k, -LN2_LO, r);
        double q = C13;
        q = Math.fma(q, r, C12);
        q = Math.fma(q, r, C11);
        q = Math.fma(q, r, C10);
        q = Math.fma(q, r, C9);
        q = Math.fma(q, r, C8);
        q = Math.fma(q, r, C7);
        q = Math.fma(q, r, C6);
        q = Math.fma(q, r, C5);
        q = Math.fma(q, r, C4);
        q = Math.fma(q, r, C3);
        q = Math.fma(q, r, C2);
        double p = Math.fma(r * r, q, r) + 1.0;
        double scale = Double.longBitsToDouble((Double.doubleToRawLongBits(t) - (SHIFT_BITS - 1023)) << 52);
        return p * scale;
    }
}
