package dev.strix.ndarray.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector polynomial forms of the float64 elementary functions, at the provider's width. Not
 * generated into a float twin: the constants and polynomial degrees are float64's (float32 runs
 * them on widened blocks, see VectorKernels). Every function is within 1 ulp of the exact value;
 * VectorMathTest checks that against 200-bit values at 3000 arguments a function, and the largest
 * errors measured over 300,000 arguments (mpmath, both widths, the same bits) were exp 0.84,
 * log 0.76, log1p 0.77, expm1 0.90 and tanh 0.66 ulp.
 *
 * <p>Every element's result depends on its argument alone, never on its neighbours or its place
 * in the run: a vector holding an argument outside the polynomial's range, and the tail, run the
 * function's scalar twin (the same operations in the same order; Math.fma rounds once, as the
 * lanes do), which hands the outside arguments to Math. So a view gives its copy's bits.
 *
 * <p>exp: x = k ln 2 + r with k = rint(x / ln 2) and |r| <= ln 2 / 2 (Cody and Waite's two-part
 * ln 2, each step one fused multiply-add), e^r by its Taylor polynomial to degree 13 (truncation
 * below 5e-18 relative) as 1 + (r + (r^2 q(r) + rlo)) with rlo r's rounding error, and 2^k put
 * into the exponent bits: 0.5 ulp from the final rounding, 0.25 from rounding r + r^2 q and little
 * else (without rlo, r's rounding added up to 0.25 more: 0.97 measured). |x| > 708 (subnormal or
 * infinite results) and NaN take Math.exp.
 *
 * <p>log: x = 2^k m with m in [sqrt(1/2), sqrt 2) taken from the bits, f = m - 1 (exact),
 * log(1 + f) = 2 atanh(s) with s = f / (2 + f), written as f - f^2/2 + s (f^2/2 + R(s^2)) so that
 * the large terms are exact and only the small ones carry rounding; R is atanh's Taylor series to
 * z^10 (truncation below 1e-18 relative), and k ln 2 is added in the two-part form. Zero,
 * subnormal, negative, infinite and NaN arguments take Math.log.
 *
 * <p>log1p: the same with u = 1 + x, adding the rounding error of 1 + x (recovered exactly by a
 * two-sum) as c / u; when k = 0 f is x itself, so small arguments lose nothing. x <= -1, +inf and
 * NaN take Math.log1p.
 *
 * <p>expm1: exp's reduction, then (2^k - 1) + 2^k r + 2^k r^2 / 2 summed exactly (two two-sums)
 * and the small terms (r's and r^2's rounding errors, 2^k r^3 q(r)) added to the sums' errors:
 * near x = ln 2 / 2 the result is a third of 2^k r, so r's last bit alone would cost 1 ulp there
 * (1.31 measured before it was kept). |x| > 708 and NaN take Math.expm1.
 *
 * <p>tanh: from t = expm1 of 2|x| (|x| >= 1: 1 - 2 / (t + 2)) or of -2|x| (|x| < 1:
 * -t / (t + 2)), the sign copied back. t is kept as a double-double (expm1's sum and its rounding
 * error) and the quotient corrected by its residual, since near |x| = 1/2 the quotient amplifies
 * t's relative error by 1.5 and fdlibm's plain form (Math.tanh) reaches 2.3 ulp there. |x| > 22
 * (tanh is 1 to double precision), infinities and NaN take Math.tanh.
 *
 * <p>The vector loops are written out in full, their polynomials and shared steps included,
 * where small helpers would read better: a helper that takes or returns vectors must be inlined
 * or each vector crossing it is boxed, and C2 inlined the larger helpers or not depending on
 * the call site's profile and its node budget (expm1 and log1p ran 5-10x slower when it did not,
 * -XX:+PrintInlining showing "callee is too large"). Only helpers within C2's always-inline size
 * (35 bytecodes) remain. The scalar twins keep their helpers.
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

    /** The bits of sqrt(1/2): subtracting them puts the mantissa of x into [sqrt(1/2), sqrt 2). */
    private static final long SQRT_HALF_BITS = 0x3fe6a09e667f3bcdL;
    private static final long MIN_NORMAL_BITS = Double.doubleToRawLongBits(Double.MIN_NORMAL);
    private static final long INF_BITS = Double.doubleToRawLongBits(Double.POSITIVE_INFINITY);
    private static final long SIGN_BIT = Long.MIN_VALUE;
    /** atanh's series, 2 atanh(s) = 2s + s R(s^2) with R(z) = sum of 2 z^j / (2j + 1). */
    private static final double A1 = 2.0 / 3;
    private static final double A2 = 2.0 / 5;
    private static final double A3 = 2.0 / 7;
    private static final double A4 = 2.0 / 9;
    private static final double A5 = 2.0 / 11;
    private static final double A6 = 2.0 / 13;
    private static final double A7 = 2.0 / 15;
    private static final double A8 = 2.0 / 17;
    private static final double A9 = 2.0 / 19;
    private static final double A10 = 2.0 / 21;
    /** Beyond this tanh(x) rounds to +-1. */
    private static final double TANH_LIMIT = 22.0;

    /*
     * The constants as vectors, for expm1, log1p and tanh: each broadcast written in a loop is a
     * call C2 must inline, and those three loops have so many operations that the broadcasts
     * passed C2's inlining node budget (NodeCountInliningCutoff), stayed calls and boxed every
     * vector (4-9 ns an element instead of 1-2). exp and log keep their broadcasts in the loop:
     * within the budget they run faster that way (0.55 against 0.8 ns an element at 10K).
     */
    private static final DoubleVector V_NEG_LN2_HI = DoubleVector.broadcast(S, -LN2_HI);
    private static final DoubleVector V_NEG_LN2_LO = DoubleVector.broadcast(S, -LN2_LO);
    private static final DoubleVector V_ZERO = DoubleVector.broadcast(S, 0.0);
    private static final DoubleVector V_ONE = DoubleVector.broadcast(S, 1.0);
    private static final DoubleVector V_TWO = DoubleVector.broadcast(S, 2.0);
    private static final DoubleVector V_HALF = DoubleVector.broadcast(S, 0.5);
    private static final DoubleVector V_LN2_HI = DoubleVector.broadcast(S, LN2_HI);
    private static final DoubleVector V_TANH_LIMIT = DoubleVector.broadcast(S, TANH_LIMIT);
    private static final DoubleVector V_A1 = DoubleVector.broadcast(S, A1);
    private static final DoubleVector V_A10 = DoubleVector.broadcast(S, A10);
    private static final DoubleVector V_A2 = DoubleVector.broadcast(S, A2);
    private static final DoubleVector V_A3 = DoubleVector.broadcast(S, A3);
    private static final DoubleVector V_A4 = DoubleVector.broadcast(S, A4);
    private static final DoubleVector V_A5 = DoubleVector.broadcast(S, A5);
    private static final DoubleVector V_A6 = DoubleVector.broadcast(S, A6);
    private static final DoubleVector V_A7 = DoubleVector.broadcast(S, A7);
    private static final DoubleVector V_A8 = DoubleVector.broadcast(S, A8);
    private static final DoubleVector V_A9 = DoubleVector.broadcast(S, A9);
    private static final DoubleVector V_C10 = DoubleVector.broadcast(S, C10);
    private static final DoubleVector V_C11 = DoubleVector.broadcast(S, C11);
    private static final DoubleVector V_C12 = DoubleVector.broadcast(S, C12);
    private static final DoubleVector V_C13 = DoubleVector.broadcast(S, C13);
    private static final DoubleVector V_C3 = DoubleVector.broadcast(S, C3);
    private static final DoubleVector V_C4 = DoubleVector.broadcast(S, C4);
    private static final DoubleVector V_C5 = DoubleVector.broadcast(S, C5);
    private static final DoubleVector V_C6 = DoubleVector.broadcast(S, C6);
    private static final DoubleVector V_C7 = DoubleVector.broadcast(S, C7);
    private static final DoubleVector V_C8 = DoubleVector.broadcast(S, C8);
    private static final DoubleVector V_C9 = DoubleVector.broadcast(S, C9);
    private static final DoubleVector V_LN2_LO = DoubleVector.broadcast(S, LN2_LO);
    private static final DoubleVector V_LOG2E = DoubleVector.broadcast(S, LOG2E);
    private static final DoubleVector V_SHIFT = DoubleVector.broadcast(S, SHIFT);

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
            DoubleVector k = t.sub(DoubleVector.broadcast(S, SHIFT));
            // x - k LN2_HI is exact; rlo is the rounding error of r
            DoubleVector r1 = k.fma(DoubleVector.broadcast(S, -LN2_HI), x);
            DoubleVector r = k.fma(DoubleVector.broadcast(S, -LN2_LO), r1);
            DoubleVector rlo = k.fma(DoubleVector.broadcast(S, -LN2_LO), r1.sub(r));
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
            DoubleVector p = r.add(r.mul(r).fma(q, rlo)).add(DoubleVector.broadcast(S, 1.0));
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
        double r1 = Math.fma(k, -LN2_HI, x);
        double r = Math.fma(k, -LN2_LO, r1);
        double rlo = Math.fma(k, -LN2_LO, r1 - r);
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
        double p = (r + Math.fma(r * r, q, rlo)) + 1.0;
        double scale = Double.longBitsToDouble((Double.doubleToRawLongBits(t) - (SHIFT_BITS - 1023)) << 52);
        return p * scale;
    }

    // ------------------------------------------------------------------ log

    /** Lanes whose bits are those of a positive normal double: not zero, subnormal, negative, infinite or NaN. */
    private static VectorMask<Double> positiveNormal(LongVector bits) {
        return bits.compare(VectorOperators.GE, MIN_NORMAL_BITS).and(bits.compare(VectorOperators.LT, INF_BITS)).cast(S);
    }

    private static boolean positiveNormal(long bits) {
        return bits >= MIN_NORMAL_BITS && bits < INF_BITS;
    }

    /** The exponent k with x = 2^k m, m in [sqrt(1/2), sqrt 2). */
    private static LongVector logExponent(LongVector bits) {
        return bits.sub(SQRT_HALF_BITS).lanewise(VectorOperators.ASHR, 52);
    }

    /** k as a double (exactly: it is far below 2^51). */
    private static DoubleVector toDouble(LongVector k) {
        return k.add(SHIFT_BITS).reinterpretAsDoubles().sub(V_SHIFT);
    }

    /** R(s^2), atanh's series past its first term. */
    private static double atanhTail(double z) {
        double q = A10;
        q = Math.fma(q, z, A9);
        q = Math.fma(q, z, A8);
        q = Math.fma(q, z, A7);
        q = Math.fma(q, z, A6);
        q = Math.fma(q, z, A5);
        q = Math.fma(q, z, A4);
        q = Math.fma(q, z, A3);
        q = Math.fma(q, z, A2);
        q = Math.fma(q, z, A1);
        return q * z;
    }

    /** k ln 2 + log(1 + f) + corr, with corr a correction far below f. */
    private static double logCombine(double f, double dk, double corr) {
        double s = f / (f + 2.0);
        double r = atanhTail(s * s);
        double hfsq = f * f * 0.5;
        double small = Math.fma(s, hfsq + r, Math.fma(dk, LN2_LO, corr));
        return dk * LN2_HI - ((hfsq - small) - f);
    }

    /** {@code c[co + i] = log(a[ao + i])} for i in [0, n). */
    static void log(double[] a, int ao, double[] c, int co, int n) {
        int i = 0;
        int ub = S.loopBound(n);
        for (; i < ub; i += L) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            LongVector bits = (LongVector) x.reinterpretAsLongs();
            if (!positiveNormal(bits).allTrue()) {
                for (int j = i; j < i + L; j++) {
                    c[co + j] = logScalar(a[ao + j]);
                }
                continue;
            }
            LongVector k = logExponent(bits);
            DoubleVector m = bits.sub(k.lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
            // logCombine, written out (see the class comment on inlining)
            DoubleVector f = m.sub(DoubleVector.broadcast(S, 1.0));
            DoubleVector dk = toDouble(k);
            DoubleVector corr = DoubleVector.broadcast(S, 0.0);
            DoubleVector s = f.div(f.add(DoubleVector.broadcast(S, 2.0)));
            DoubleVector z = s.mul(s);
            DoubleVector q = DoubleVector.broadcast(S, A10);
            q = q.fma(z, DoubleVector.broadcast(S, A9));
            q = q.fma(z, DoubleVector.broadcast(S, A8));
            q = q.fma(z, DoubleVector.broadcast(S, A7));
            q = q.fma(z, DoubleVector.broadcast(S, A6));
            q = q.fma(z, DoubleVector.broadcast(S, A5));
            q = q.fma(z, DoubleVector.broadcast(S, A4));
            q = q.fma(z, DoubleVector.broadcast(S, A3));
            q = q.fma(z, DoubleVector.broadcast(S, A2));
            q = q.fma(z, DoubleVector.broadcast(S, A1));
            DoubleVector hfsq = f.mul(f).mul(DoubleVector.broadcast(S, 0.5));
            DoubleVector small = s.fma(hfsq.add(q.mul(z)), dk.fma(DoubleVector.broadcast(S, LN2_LO), corr));
            DoubleVector y = dk.mul(DoubleVector.broadcast(S, LN2_HI)).sub(hfsq.sub(small).sub(f));
            y.intoArray(c, co + i);
        }
        for (; i < n; i++) {
            c[co + i] = logScalar(a[ao + i]);
        }
    }

    /** One lane of {@link #log}, bit for bit. */
    static double logScalar(double x) {
        long bits = Double.doubleToRawLongBits(x);
        if (!positiveNormal(bits)) {
            return Math.log(x);
        }
        long k = (bits - SQRT_HALF_BITS) >> 52;
        double m = Double.longBitsToDouble(bits - (k << 52));
        return logCombine(m - 1.0, (double) k, 0.0);
    }

    // ------------------------------------------------------------------ log1p

    /** {@code c[co + i] = log1p(a[ao + i])} for i in [0, n). */
    static void log1p(double[] a, int ao, double[] c, int co, int n) {
        int i = 0;
        int ub = S.loopBound(n);
        for (; i < ub; i += L) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector u = x.add(V_ONE);
            LongVector bits = (LongVector) u.reinterpretAsLongs();
            // x > -1, finite and not NaN exactly when 1 + x is a positive normal
            if (!positiveNormal(bits).allTrue()) {
                for (int j = i; j < i + L; j++) {
                    c[co + j] = log1pScalar(a[ao + j]);
                }
                continue;
            }
            LongVector k = logExponent(bits);
            DoubleVector m = bits.sub(k.lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles();
            // (1 + x) - u exactly (two-sum), as the relative correction log(1 + c / u) ~ c / u
            DoubleVector bb = u.sub(x);
            DoubleVector err = V_ONE.sub(bb).add(x.sub(u.sub(bb)));
            VectorMask<Double> k0 = k.compare(VectorOperators.EQ, 0L).cast(S);
            DoubleVector f = m.sub(V_ONE).blend(x, k0);
            DoubleVector corr = err.div(u).blend(V_ZERO, k0);
            DoubleVector dk = toDouble(k);
            DoubleVector s = f.div(f.add(V_TWO));
            DoubleVector z = s.mul(s);
            DoubleVector q = V_A10;
            q = q.fma(z, V_A9);
            q = q.fma(z, V_A8);
            q = q.fma(z, V_A7);
            q = q.fma(z, V_A6);
            q = q.fma(z, V_A5);
            q = q.fma(z, V_A4);
            q = q.fma(z, V_A3);
            q = q.fma(z, V_A2);
            q = q.fma(z, V_A1);
            DoubleVector hfsq = f.mul(f).mul(V_HALF);
            DoubleVector small = s.fma(hfsq.add(q.mul(z)), dk.fma(V_LN2_LO, corr));
            DoubleVector y = dk.mul(V_LN2_HI).sub(hfsq.sub(small).sub(f));
            y.blend(x, x.compare(VectorOperators.EQ, V_ZERO)).intoArray(c, co + i);
        }
        for (; i < n; i++) {
            c[co + i] = log1pScalar(a[ao + i]);
        }
    }

    /** One lane of {@link #log1p}, bit for bit. */
    static double log1pScalar(double x) {
        double u = x + 1.0;
        long bits = Double.doubleToRawLongBits(u);
        if (!positiveNormal(bits)) {
            return Math.log1p(x);
        }
        long k = (bits - SQRT_HALF_BITS) >> 52;
        double m = Double.longBitsToDouble(bits - (k << 52));
        double bb = u - x;
        double err = (1.0 - bb) + (x - (u - bb));
        double f = k == 0 ? x : m - 1.0;
        double corr = k == 0 ? 0.0 : err / u;
        double y = logCombine(f, (double) k, corr);
        return x == 0 ? x : y;
    }

    // ------------------------------------------------------------------ expm1, tanh

    /** e^r - 1 - r - r^2 / 2 = r^3 q(r), |r| <= ln 2 / 2. */
    private static double expCubicTail(double r) {
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
        return r * r * r * q;
    }

    /**
     * e^x - 1 for |x| <= 708, not yet giving -0.0 for -0.0: (2^k - 1) + 2^k r + 2^k r^2 / 2 summed
     * exactly (two two-sums), then the small terms (r^2 / 2's and r's rounding errors, 2^k r^3 q)
     * added to the sums' errors. Near x = ln 2 / 2 the result is a third of 2^k r, so r's last bit
     * and r^2 / 2's rounding would each show in the result's.
     */
    /** The rounding error of {@code sum = a + b}, exactly (Knuth's two-sum). */
    private static DoubleVector twoSumError(DoubleVector a, DoubleVector b, DoubleVector sum) {
        DoubleVector bb = sum.sub(a);
        return a.sub(sum.sub(bb)).add(b.sub(bb));
    }

    private static double twoSumError(double a, double b, double sum) {
        double bb = sum - a;
        return (a - (sum - bb)) + (b - bb);
    }

    /**
     * expm1 as an unevaluated sum hi + lo: returns hi and, when {@code low} is not null, stores
     * lo at {@code low[0]} (tanh needs it).
     */
    private static double expm1Split(double x, double[] low) {
        double t = Math.fma(x, LOG2E, SHIFT);
        double k = t - SHIFT;
        double r1 = Math.fma(k, -LN2_HI, x);
        double r = Math.fma(k, -LN2_LO, r1);
        double rlo = Math.fma(k, -LN2_LO, r1 - r);
        double r2 = r * r;
        double scale = Double.longBitsToDouble((Double.doubleToRawLongBits(t) - (SHIFT_BITS - 1023)) << 52);
        double hi = scale - 1.0;
        double mid = scale * r;
        double sum = hi + mid;
        double quad = scale * r2 * 0.5;
        double sum2 = sum + quad;
        double err = twoSumError(hi, mid, sum) + twoSumError(sum, quad, sum2) + ((scale - hi) - 1.0);
        double small = Math.fma(r, r, -r2) * 0.5 + expCubicTail(r) + rlo;
        double tail = Math.fma(scale, small, err);
        double e = sum2 + tail;
        if (low != null) {
            low[0] = tail - (e - sum2);
        }
        return e;
    }

    /** {@code c[co + i] = expm1(a[ao + i])} for i in [0, n). */
    static void expm1(double[] a, int ao, double[] c, int co, int n) {
        int i = 0;
        int ub = S.loopBound(n);
        for (; i < ub; i += L) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            if (!x.abs().compare(VectorOperators.LE, EXP_LIMIT).allTrue()) {
                for (int j = i; j < i + L; j++) {
                    c[co + j] = expm1Scalar(a[ao + j]);
                }
                continue;
            }
            // expm1Split, written out (see the class comment on inlining)
            DoubleVector t = x.fma(V_LOG2E, V_SHIFT);
            DoubleVector k = t.sub(V_SHIFT);
            DoubleVector r1 = k.fma(V_NEG_LN2_HI, x);
            DoubleVector r = k.fma(V_NEG_LN2_LO, r1);
            DoubleVector rlo = k.fma(V_NEG_LN2_LO, r1.sub(r));
            DoubleVector r2 = r.mul(r);
            DoubleVector scale = ((LongVector) t.reinterpretAsLongs()).sub(SHIFT_BITS - 1023)
                    .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector hi = scale.sub(V_ONE);
            DoubleVector mid = scale.mul(r);
            DoubleVector sum = hi.add(mid);
            DoubleVector quad = scale.mul(r2).mul(V_HALF);
            DoubleVector sum2 = sum.add(quad);
            DoubleVector err = twoSumError(hi, mid, sum).add(twoSumError(sum, quad, sum2)).add(scale.sub(hi).sub(V_ONE));
            DoubleVector q = V_C13;
            q = q.fma(r, V_C12);
            q = q.fma(r, V_C11);
            q = q.fma(r, V_C10);
            q = q.fma(r, V_C9);
            q = q.fma(r, V_C8);
            q = q.fma(r, V_C7);
            q = q.fma(r, V_C6);
            q = q.fma(r, V_C5);
            q = q.fma(r, V_C4);
            q = q.fma(r, V_C3);
            DoubleVector small = r.fma(r, r2.neg()).mul(V_HALF).add(r2.mul(r).mul(q)).add(rlo);
            DoubleVector tail = scale.fma(small, err);
            DoubleVector e = sum2.add(tail);
            e.blend(x, x.compare(VectorOperators.EQ, V_ZERO)).intoArray(c, co + i);
        }
        for (; i < n; i++) {
            c[co + i] = expm1Scalar(a[ao + i]);
        }
    }

    /** One lane of {@link #expm1}, bit for bit. */
    static double expm1Scalar(double x) {
        if (!(Math.abs(x) <= EXP_LIMIT)) {
            return Math.expm1(x);
        }
        return x == 0 ? x : expm1Split(x, null);
    }

    /** {@code c[co + i] = tanh(a[ao + i])} for i in [0, n). */
    static void tanh(double[] a, int ao, double[] c, int co, int n) {
        int i = 0;
        int ub = S.loopBound(n);
        for (; i < ub; i += L) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector ax = x.abs();
            if (!ax.compare(VectorOperators.LE, V_TANH_LIMIT).allTrue()) {
                for (int j = i; j < i + L; j++) {
                    c[co + j] = tanhScalar(a[ao + j]);
                }
                continue;
            }
            VectorMask<Double> large = ax.compare(VectorOperators.GE, V_ONE);
            DoubleVector twice = ax.add(ax);
            DoubleVector y = twice.neg().blend(twice, large);
            // expm1Split, written out (see the class comment on inlining)
            DoubleVector t = y.fma(V_LOG2E, V_SHIFT);
            DoubleVector k = t.sub(V_SHIFT);
            DoubleVector r1 = k.fma(V_NEG_LN2_HI, y);
            DoubleVector r = k.fma(V_NEG_LN2_LO, r1);
            DoubleVector rlo = k.fma(V_NEG_LN2_LO, r1.sub(r));
            DoubleVector r2 = r.mul(r);
            DoubleVector scale = ((LongVector) t.reinterpretAsLongs()).sub(SHIFT_BITS - 1023)
                    .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector hi = scale.sub(V_ONE);
            DoubleVector mid = scale.mul(r);
            DoubleVector sum = hi.add(mid);
            DoubleVector quad = scale.mul(r2).mul(V_HALF);
            DoubleVector sum2 = sum.add(quad);
            DoubleVector err = twoSumError(hi, mid, sum).add(twoSumError(sum, quad, sum2)).add(scale.sub(hi).sub(V_ONE));
            DoubleVector q = V_C13;
            q = q.fma(r, V_C12);
            q = q.fma(r, V_C11);
            q = q.fma(r, V_C10);
            q = q.fma(r, V_C9);
            q = q.fma(r, V_C8);
            q = q.fma(r, V_C7);
            q = q.fma(r, V_C6);
            q = q.fma(r, V_C5);
            q = q.fma(r, V_C4);
            q = q.fma(r, V_C3);
            DoubleVector small = r.fma(r, r2.neg()).mul(V_HALF).add(r2.mul(r).mul(q)).add(rlo);
            DoubleVector tail = scale.fma(small, err);
            DoubleVector th = sum2.add(tail);
            DoubleVector tl = tail.sub(th.sub(sum2));
            // num / (t + 2) in double-double: num = 2 (|x| >= 1) or -t
            DoubleVector num = th.neg().blend(V_TWO, large);
            DoubleVector numLo = tl.neg().blend(V_ZERO, large);
            DoubleVector den = th.add(V_TWO);
            DoubleVector bb = den.sub(th);
            DoubleVector denLo = th.sub(den.sub(bb)).add(V_TWO.sub(bb)).add(tl);
            DoubleVector quot = num.div(den);
            DoubleVector corr = quot.neg().fma(den, num).add(numLo.sub(quot.mul(denLo))).div(den);
            // |x| >= 1: 1 - (q + corr), 1 - q summed exactly first
            DoubleVector w = V_ONE.sub(quot);
            DoubleVector wErr = V_ONE.sub(w).sub(quot);
            DoubleVector z = quot.add(corr).blend(w.add(wErr.sub(corr)), large);
            LongVector sign = ((LongVector) x.reinterpretAsLongs()).and(SIGN_BIT);
            ((LongVector) z.abs().reinterpretAsLongs()).or(sign).reinterpretAsDoubles().intoArray(c, co + i);
        }
        for (; i < n; i++) {
            c[co + i] = tanhScalar(a[ao + i]);
        }
    }

    /** One lane of {@link #tanh}, bit for bit. */
    static double tanhScalar(double x) {
        double ax = Math.abs(x);
        if (!(ax <= TANH_LIMIT)) {
            return Math.tanh(x);
        }
        boolean large = ax >= 1.0;
        double twice = ax + ax;
        double y = large ? twice : -twice;
        double[] low = new double[1];
        double th = expm1Split(y, low);
        double tl = low[0];
        double num = large ? 2.0 : -th;
        double numLo = large ? 0.0 : -tl;
        double den = th + 2.0;
        double bb = den - th;
        double denLo = ((th - (den - bb)) + (2.0 - bb)) + tl;
        double q = num / den;
        double corr = (Math.fma(-q, den, num) + (numLo - q * denLo)) / den;
        double w = 1.0 - q;
        double wErr = (1.0 - w) - q;
        double z = large ? w + (wErr - corr) : q + corr;
        return Math.copySign(z, x);
    }
}
