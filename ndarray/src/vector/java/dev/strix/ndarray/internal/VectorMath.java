package dev.strix.ndarray.internal;

import java.util.Arrays;
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
 * log 0.76, log1p 0.77, expm1 0.90, tanh 0.66, sin 0.71, cos 0.72 and pow 0.80 ulp (190,920
 * pairs).
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
 * <p>sin and cos: x = n pi/2 + r, n = rint(x 2/pi), with r as a double-double: pi/2 in four
 * parts (31, 32, 28 and 53 bits, so n times each of the first three is exact for n < 2^20) and
 * every step but the last summed exactly, since near a multiple of pi/2 r is tiny and carries
 * the cancellation (rounding n PIO2_3's subtraction alone cost 0.94 ulp there). Then sin r and
 * cos r by their Taylor polynomials to r^17 and r^18 (|r| <= pi/4, truncation below 1e-19
 * relative) with rl's first-order terms, cos's 1 - r^2/2 kept exact, and the quadrant n (+1 for
 * cos) picking one and its sign. |x| > 2^20, infinities and NaN take Math.sin and Math.cos.
 *
 * <p>pow: e^(y log x) with log x as a double-double (s = f / (2 + f) and the s^3 and s^5 terms
 * of 2 atanh(s) in double-double, the series to s^29, k ln 2 by two-sums: relative error about
 * 2^-67) and y log x = t + tlo by a fused multiply-add, so that |t| up to 708 loses nothing:
 * exp's reduction of t, with tlo and r's rounding error d folded in as e^r (1 + d). x that is not
 * a positive normal, y infinite or NaN, and |y log x| > 708 take Math.pow (through
 * Elementwise.powDouble, NumPy's 1^y = 1).
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

    /** 2/pi, and pi/2 in four parts: 31, 32 and 28 significant bits (so n * part is exact for n < 2^20), then 53. */
    private static final double TWO_OVER_PI = 0x1.45f306dc9c883p-1;
    private static final double PIO2_1 = 0x1.921fb54400000p0;
    private static final double PIO2_2 = 0x1.0b4611a600000p-34;
    private static final double PIO2_3 = 0x1.3198a2e000000p-69;
    private static final double PIO2_3T = 0x1.b839a252049c1p-104;
    /** sin and cos reduce |x| <= 2^20 here (n = rint(x 2/pi) < 2^20); larger take Math. */
    private static final double TRIG_LIMIT = 0x1p20;
    /** sin r = r + r^3 S(r^2), cos r = 1 - r^2/2 + r^4 C(r^2): Taylor to r^17 and r^18, |r| <= pi/4. */
    private static final double S3 = -1.0 / 6;
    private static final double S5 = 1.0 / 120;
    private static final double S7 = -1.0 / 5040;
    private static final double S9 = 1.0 / 362880;
    private static final double S11 = -1.0 / 39916800;
    private static final double S13 = 1.0 / 6227020800.0;
    private static final double S15 = -1.0 / 1307674368000.0;
    private static final double S17 = 1.0 / 355687428096000.0;
    private static final double K4 = 1.0 / 24;
    private static final double K6 = -1.0 / 720;
    private static final double K8 = 1.0 / 40320;
    private static final double K10 = -1.0 / 3628800;
    private static final double K12 = 1.0 / 479001600;
    private static final double K14 = -1.0 / 87178291200.0;
    private static final double K16 = 1.0 / 20922789888000.0;
    private static final double K18 = -1.0 / 6402373705728000.0;

    /** atanh's series further, for pow's log: 2 z^j / (2j + 1), j = 11..14. */
    private static final double A11 = 2.0 / 23;
    private static final double A12 = 2.0 / 25;
    private static final double A13 = 2.0 / 27;
    private static final double A14 = 2.0 / 29;
    /** 2/3 as a double-double. */
    private static final double TWO_THIRDS_H = 0x1.5555555555555p-1;
    private static final double TWO_THIRDS_L = 0x1.5555555555555p-55;
    /** 2/5 as a double-double. */
    private static final double TWO_FIFTHS_H = 0x1.999999999999ap-2;
    private static final double TWO_FIFTHS_L = -0x1.999999999999ap-56;
    private static final int POW_BLOCK = 256;

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
    private static final DoubleVector V_TWO_OVER_PI = DoubleVector.broadcast(S, TWO_OVER_PI);
    private static final DoubleVector V_PIO2_2 = DoubleVector.broadcast(S, PIO2_2);
    private static final DoubleVector V_PIO2_3 = DoubleVector.broadcast(S, PIO2_3);
    private static final DoubleVector V_PIO2_3T = DoubleVector.broadcast(S, PIO2_3T);
    private static final DoubleVector V_TRIG_LIMIT = DoubleVector.broadcast(S, TRIG_LIMIT);
    private static final DoubleVector V_S3 = DoubleVector.broadcast(S, S3);
    private static final DoubleVector V_S5 = DoubleVector.broadcast(S, S5);
    private static final DoubleVector V_S7 = DoubleVector.broadcast(S, S7);
    private static final DoubleVector V_S9 = DoubleVector.broadcast(S, S9);
    private static final DoubleVector V_S11 = DoubleVector.broadcast(S, S11);
    private static final DoubleVector V_S13 = DoubleVector.broadcast(S, S13);
    private static final DoubleVector V_S15 = DoubleVector.broadcast(S, S15);
    private static final DoubleVector V_S17 = DoubleVector.broadcast(S, S17);
    private static final DoubleVector V_K4 = DoubleVector.broadcast(S, K4);
    private static final DoubleVector V_K6 = DoubleVector.broadcast(S, K6);
    private static final DoubleVector V_K8 = DoubleVector.broadcast(S, K8);
    private static final DoubleVector V_K10 = DoubleVector.broadcast(S, K10);
    private static final DoubleVector V_K12 = DoubleVector.broadcast(S, K12);
    private static final DoubleVector V_K14 = DoubleVector.broadcast(S, K14);
    private static final DoubleVector V_K16 = DoubleVector.broadcast(S, K16);
    private static final DoubleVector V_K18 = DoubleVector.broadcast(S, K18);
    private static final DoubleVector V_NEG_PIO2_1 = DoubleVector.broadcast(S, -PIO2_1);
    private static final DoubleVector V_A11 = DoubleVector.broadcast(S, A11);
    private static final DoubleVector V_A12 = DoubleVector.broadcast(S, A12);
    private static final DoubleVector V_A13 = DoubleVector.broadcast(S, A13);
    private static final DoubleVector V_A14 = DoubleVector.broadcast(S, A14);
    private static final DoubleVector V_TWO_THIRDS_H = DoubleVector.broadcast(S, TWO_THIRDS_H);
    private static final DoubleVector V_TWO_THIRDS_L = DoubleVector.broadcast(S, TWO_THIRDS_L);
    private static final DoubleVector V_C2 = DoubleVector.broadcast(S, C2);
    private static final DoubleVector V_TWO_FIFTHS_H = DoubleVector.broadcast(S, TWO_FIFTHS_H);
    private static final DoubleVector V_TWO_FIFTHS_L = DoubleVector.broadcast(S, TWO_FIFTHS_L);
    private static final DoubleVector V_EXP_LIMIT = DoubleVector.broadcast(S, EXP_LIMIT);
    private static final DoubleVector V_MAX = DoubleVector.broadcast(S, Double.MAX_VALUE);

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

    // ------------------------------------------------------------------ sin, cos

    /** {@code c[co + i] = sin(a[ao + i])} for i in [0, n). */
    static void sin(double[] a, int ao, double[] c, int co, int n) {
        sinCos(a, ao, c, co, n, 0);
    }

    /** {@code c[co + i] = cos(a[ao + i])} for i in [0, n): sin's loop a quadrant on. */
    static void cos(double[] a, int ao, double[] c, int co, int n) {
        sinCos(a, ao, c, co, n, 1);
    }

    /**
     * sin (shift 0) or cos (shift 1): x = n pi/2 + r with r as a double-double rh + rl (pi/2 in
     * four parts, the first three products exact, two two-sums), both sin r and cos r by their
     * polynomials, and quadrant n + shift picking one and its sign.
     */
    private static void sinCos(double[] a, int ao, double[] c, int co, int n, int shift) {
        int i = 0;
        int ub = S.loopBound(n);
        for (; i < ub; i += L) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            if (!x.abs().compare(VectorOperators.LE, V_TRIG_LIMIT).allTrue()) {
                for (int j = i; j < i + L; j++) {
                    c[co + j] = sinCosScalar(a[ao + j], shift);
                }
                continue;
            }
            DoubleVector t = x.fma(V_TWO_OVER_PI, V_SHIFT);
            DoubleVector q = t.sub(V_SHIFT);
            DoubleVector hi = q.fma(V_NEG_PIO2_1, x);
            DoubleVector p2 = q.mul(V_PIO2_2).neg();
            DoubleVector s = hi.add(p2);
            // n pi/2's third part too is summed exactly: near a multiple of pi/2 r is tiny and
            // the rounding of e - n PIO2_3 alone would cost 0.9 ulp
            DoubleVector p3 = q.mul(V_PIO2_3).neg();
            DoubleVector s3 = s.add(p3);
            DoubleVector lo = twoSumError(hi, p2, s).add(twoSumError(s, p3, s3)).sub(q.mul(V_PIO2_3T));
            DoubleVector rh = s3.add(lo);
            DoubleVector rl = twoSumError(s3, lo, rh);
            DoubleVector z = rh.mul(rh);
            DoubleVector ps = V_S17;
            ps = ps.fma(z, V_S15);
            ps = ps.fma(z, V_S13);
            ps = ps.fma(z, V_S11);
            ps = ps.fma(z, V_S9);
            ps = ps.fma(z, V_S7);
            ps = ps.fma(z, V_S5);
            ps = ps.fma(z, V_S3);
            // sin(rh + rl) = rh + rh z S(z) + rl (1 - z/2)
            DoubleVector sinR = rh.add(rh.mul(z).fma(ps, rl.mul(V_ONE.sub(z.mul(V_HALF)))));
            DoubleVector pc = V_K18;
            pc = pc.fma(z, V_K16);
            pc = pc.fma(z, V_K14);
            pc = pc.fma(z, V_K12);
            pc = pc.fma(z, V_K10);
            pc = pc.fma(z, V_K8);
            pc = pc.fma(z, V_K6);
            pc = pc.fma(z, V_K4);
            // cos(rh + rl) = w + ((1 - w) - z/2) + z^2 C(z) - (rh^2 - z)/2 - rh rl, w = 1 - z/2
            DoubleVector hz = z.mul(V_HALF);
            DoubleVector w = V_ONE.sub(hz);
            DoubleVector zlo = rh.fma(rh, z.neg());
            DoubleVector cosR = w.add(V_ONE.sub(w).sub(hz).add(z.mul(z).fma(pc, zlo.mul(V_HALF).add(rh.mul(rl)).neg())));
            // quadrant: n sits in t's low bits; odd takes cos, 2 and 3 flip the sign
            LongVector quadrant = ((LongVector) t.reinterpretAsLongs()).add(shift);
            VectorMask<Double> odd = quadrant.and(1L).compare(VectorOperators.NE, 0L).cast(S);
            LongVector sign = quadrant.and(2L).lanewise(VectorOperators.LSHL, 62);
            DoubleVector y = ((LongVector) sinR.blend(cosR, odd).reinterpretAsLongs()).lanewise(VectorOperators.XOR, sign)
                    .reinterpretAsDoubles();
            if (shift == 0) {
                y = y.blend(x, x.compare(VectorOperators.EQ, V_ZERO)); // sin(-0.0) = -0.0
            }
            y.intoArray(c, co + i);
        }
        for (; i < n; i++) {
            c[co + i] = sinCosScalar(a[ao + i], shift);
        }
    }

    /** One lane of {@link #sinCos}, bit for bit. */
    static double sinCosScalar(double x, int shift) {
        if (!(Math.abs(x) <= TRIG_LIMIT)) {
            return shift == 0 ? Math.sin(x) : Math.cos(x);
        }
        double t = Math.fma(x, TWO_OVER_PI, SHIFT);
        double q = t - SHIFT;
        double hi = Math.fma(q, -PIO2_1, x);
        double p2 = -(q * PIO2_2);
        double s = hi + p2;
        double p3 = -(q * PIO2_3);
        double s3 = s + p3;
        double lo = (twoSumError(hi, p2, s) + twoSumError(s, p3, s3)) - q * PIO2_3T;
        double rh = s3 + lo;
        double rl = twoSumError(s3, lo, rh);
        double z = rh * rh;
        double ps = S17;
        ps = Math.fma(ps, z, S15);
        ps = Math.fma(ps, z, S13);
        ps = Math.fma(ps, z, S11);
        ps = Math.fma(ps, z, S9);
        ps = Math.fma(ps, z, S7);
        ps = Math.fma(ps, z, S5);
        ps = Math.fma(ps, z, S3);
        double sinR = rh + Math.fma(rh * z, ps, rl * (1.0 - z * 0.5));
        double pc = K18;
        pc = Math.fma(pc, z, K16);
        pc = Math.fma(pc, z, K14);
        pc = Math.fma(pc, z, K12);
        pc = Math.fma(pc, z, K10);
        pc = Math.fma(pc, z, K8);
        pc = Math.fma(pc, z, K6);
        pc = Math.fma(pc, z, K4);
        double hz = z * 0.5;
        double w = 1.0 - hz;
        double zlo = Math.fma(rh, rh, -z);
        double cosR = w + (((1.0 - w) - hz) + Math.fma(z * z, pc, -(zlo * 0.5 + rh * rl)));
        long quadrant = Double.doubleToRawLongBits(t) + shift;
        double y = (quadrant & 1) != 0 ? cosR : sinR;
        y = Double.longBitsToDouble(Double.doubleToRawLongBits(y) ^ ((quadrant & 2) << 62));
        return shift == 0 && x == 0 ? x : y;
    }

    // ------------------------------------------------------------------ pow

    /**
     * {@code c[co + i] = pow(a[ao + i * as], b[bo + i * bs])}, steps 1 or 0 (one value), in
     * blocks: the first loop takes log x as a double-double (a second method, so that each loop
     * stays within C2's inlining budget), the second y log x and its exp.
     */
    static void pow(double[] a, int ao, int as, double[] b, int bo, int bs, double[] c, int co, int n) {
        int block = Math.min(n, POW_BLOCK);
        double[] lh = new double[block];
        double[] ll = new double[block];
        // a one-value operand is spread over a block: a vector chosen in the loop between a
        // broadcast and a load is a phi that C2 boxes (the loop ran 3x slower)
        double[] xs = a;
        double[] ys = b;
        if (as == 0 && n > 0) {
            xs = new double[block];
            Arrays.fill(xs, a[ao]);
            double[] low = new double[1];
            Arrays.fill(lh, logDoubleDouble(a[ao], low));
            Arrays.fill(ll, low[0]);
        }
        if (bs == 0 && n > 0) {
            ys = new double[block];
            Arrays.fill(ys, b[bo]);
        }
        for (int lo = 0; lo < n; lo += POW_BLOCK) {
            int len = Math.min(POW_BLOCK, n - lo);
            int xo = as == 0 ? 0 : ao + lo;
            int yo = bs == 0 ? 0 : bo + lo;
            if (as != 0) {
                logDoubleDouble(xs, xo, lh, ll, len);
            }
            powFinish(xs, xo, ys, yo, lh, ll, c, co + lo, len);
        }
    }

    /**
     * log x = hi + lo for lanes with a positive normal x (others: anything; powFinish sends them
     * to the scalar twin), relative error about 2^-67: 2 atanh(s) with s = f / (2 + f) a
     * double-double, the terms (2/3) s^3 and (2/5) s^5 double-doubles too, the rest of the series
     * (s^7 P(s^2), to s^29) in double, and k ln 2 added by two-sums. (With s^5 in double it was
     * 2^-62, and pow 1.37 ulp off at y log x = -700.)
     */
    private static void logDoubleDouble(double[] a, int ao, double[] hi, double[] lo, int n) {
        int i = 0;
        int ub = S.loopBound(n);
        for (; i < ub; i += L) {
            LongVector bits = (LongVector) DoubleVector.fromArray(S, a, ao + i).reinterpretAsLongs();
            LongVector k = bits.sub(SQRT_HALF_BITS).lanewise(VectorOperators.ASHR, 52);
            DoubleVector f = bits.sub(k.lanewise(VectorOperators.LSHL, 52)).reinterpretAsDoubles().sub(V_ONE);
            DoubleVector dk = k.add(SHIFT_BITS).reinterpretAsDoubles().sub(V_SHIFT);
            DoubleVector dh = V_TWO.add(f);
            DoubleVector dl = V_TWO.sub(dh).add(f);
            // one division: sh = f (1 / dh) need not be the rounded quotient, sl takes up the rest
            DoubleVector inv = V_ONE.div(dh);
            DoubleVector sh = f.mul(inv);
            DoubleVector sl = sh.neg().fma(dh, f).sub(sh.mul(dl)).mul(inv);
            DoubleVector zh = sh.mul(sh);
            DoubleVector zl = sh.fma(sh, zh.neg()).add(V_TWO.mul(sh).mul(sl));
            DoubleVector ch = sh.mul(zh);
            DoubleVector cl = sh.fma(zh, ch.neg()).add(sh.mul(zl)).add(sl.mul(zh));
            DoubleVector th = ch.mul(V_TWO_THIRDS_H);
            DoubleVector tl = ch.fma(V_TWO_THIRDS_H, th.neg()).add(ch.mul(V_TWO_THIRDS_L).add(cl.mul(V_TWO_THIRDS_H)));
            // (2/5) s^5 = (2/5) s^3 z, a double-double too
            DoubleVector fh = ch.mul(zh);
            DoubleVector fl = ch.fma(zh, fh.neg()).add(ch.mul(zl)).add(cl.mul(zh));
            DoubleVector vh = fh.mul(V_TWO_FIFTHS_H);
            DoubleVector vl = fh.fma(V_TWO_FIFTHS_H, vh.neg()).add(fh.mul(V_TWO_FIFTHS_L).add(fl.mul(V_TWO_FIFTHS_H)));
            DoubleVector pz = V_A14;
            pz = pz.fma(zh, V_A13);
            pz = pz.fma(zh, V_A12);
            pz = pz.fma(zh, V_A11);
            pz = pz.fma(zh, V_A10);
            pz = pz.fma(zh, V_A9);
            pz = pz.fma(zh, V_A8);
            pz = pz.fma(zh, V_A7);
            pz = pz.fma(zh, V_A6);
            pz = pz.fma(zh, V_A5);
            pz = pz.fma(zh, V_A4);
            pz = pz.fma(zh, V_A3);
            DoubleVector tail = fh.mul(zh).mul(pz);
            DoubleVector a1 = sh.add(sh);
            DoubleVector sum1 = a1.add(th);
            DoubleVector bb = sum1.sub(a1);
            DoubleVector e = a1.sub(sum1.sub(bb)).add(th.sub(bb));
            DoubleVector sum = sum1.add(vh);
            DoubleVector bb1 = sum.sub(sum1);
            DoubleVector e1 = sum1.sub(sum.sub(bb1)).add(vh.sub(bb1));
            DoubleVector rest = e.add(e1).add(sl.add(sl).add(tl).add(vl).add(tail));
            DoubleVector khi = dk.mul(V_LN2_HI);
            DoubleVector h = khi.add(sum);
            DoubleVector bb2 = h.sub(khi);
            DoubleVector e2 = khi.sub(h.sub(bb2)).add(sum.sub(bb2));
            DoubleVector rest2 = e2.add(rest).add(dk.mul(V_LN2_LO));
            DoubleVector outHi = h.add(rest2);
            outHi.intoArray(hi, i);
            h.sub(outHi).add(rest2).intoArray(lo, i);
        }
        for (; i < n; i++) {
            double[] low = new double[1];
            hi[i] = logDoubleDouble(a[ao + i], low);
            lo[i] = low[0];
        }
    }

    /** One lane of {@link #logDoubleDouble}, bit for bit: returns hi, stores lo at low[0]. */
    private static double logDoubleDouble(double x, double[] low) {
        long bits = Double.doubleToRawLongBits(x);
        long k = (bits - SQRT_HALF_BITS) >> 52;
        double f = Double.longBitsToDouble(bits - (k << 52)) - 1.0;
        double dk = (double) k;
        double dh = 2.0 + f;
        double dl = (2.0 - dh) + f;
        double inv = 1.0 / dh;
        double sh = f * inv;
        double sl = (Math.fma(-sh, dh, f) - sh * dl) * inv;
        double zh = sh * sh;
        double zl = Math.fma(sh, sh, -zh) + 2.0 * sh * sl;
        double ch = sh * zh;
        double cl = (Math.fma(sh, zh, -ch) + sh * zl) + sl * zh;
        double th = ch * TWO_THIRDS_H;
        double tl = Math.fma(ch, TWO_THIRDS_H, -th) + (ch * TWO_THIRDS_L + cl * TWO_THIRDS_H);
        double fh = ch * zh;
        double fl = (Math.fma(ch, zh, -fh) + ch * zl) + cl * zh;
        double vh = fh * TWO_FIFTHS_H;
        double vl = Math.fma(fh, TWO_FIFTHS_H, -vh) + (fh * TWO_FIFTHS_L + fl * TWO_FIFTHS_H);
        double pz = A14;
        pz = Math.fma(pz, zh, A13);
        pz = Math.fma(pz, zh, A12);
        pz = Math.fma(pz, zh, A11);
        pz = Math.fma(pz, zh, A10);
        pz = Math.fma(pz, zh, A9);
        pz = Math.fma(pz, zh, A8);
        pz = Math.fma(pz, zh, A7);
        pz = Math.fma(pz, zh, A6);
        pz = Math.fma(pz, zh, A5);
        pz = Math.fma(pz, zh, A4);
        pz = Math.fma(pz, zh, A3);
        double tail = (fh * zh) * pz;
        double a1 = sh + sh;
        double sum1 = a1 + th;
        double sum = sum1 + vh;
        double rest = (twoSumError(a1, th, sum1) + twoSumError(sum1, vh, sum)) + ((((sl + sl) + tl) + vl) + tail);
        double khi = dk * LN2_HI;
        double h = khi + sum;
        double rest2 = (twoSumError(khi, sum, h) + rest) + dk * LN2_LO;
        double outHi = h + rest2;
        low[0] = (h - outHi) + rest2;
        return outHi;
    }

    /** pow from log x = lh + ll: e^(y lh + y ll), the second part folded into exp's reduction. */
    private static void powFinish(double[] a, int ao, double[] b, int bo, double[] lh, double[] ll, double[] c, int co,
            int n) {
        int i = 0;
        int ub = S.loopBound(n);
        for (; i < ub; i += L) {
            DoubleVector x = DoubleVector.fromArray(S, a, ao + i);
            DoubleVector y = DoubleVector.fromArray(S, b, bo + i);
            DoubleVector hi = DoubleVector.fromArray(S, lh, i);
            DoubleVector t2 = y.mul(hi);
            LongVector bits = (LongVector) x.reinterpretAsLongs();
            VectorMask<Double> ordinary = bits.compare(VectorOperators.GE, MIN_NORMAL_BITS)
                    .and(bits.compare(VectorOperators.LT, INF_BITS)).cast(S)
                    .and(y.abs().compare(VectorOperators.LE, V_MAX)).and(t2.abs().compare(VectorOperators.LE, V_EXP_LIMIT));
            if (!ordinary.allTrue()) {
                for (int j = i; j < i + L; j++) {
                    c[co + j] = powScalar(a[ao + j], b[bo + j]);
                }
                continue;
            }
            DoubleVector t2lo = y.fma(hi, t2.neg()).add(y.mul(DoubleVector.fromArray(S, ll, i)));
            DoubleVector t = t2.fma(V_LOG2E, V_SHIFT);
            DoubleVector k = t.sub(V_SHIFT);
            DoubleVector r1 = k.fma(V_NEG_LN2_HI, t2);
            DoubleVector r = k.fma(V_NEG_LN2_LO, r1);
            DoubleVector d = k.fma(V_NEG_LN2_LO, r1.sub(r)).add(t2lo);
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
            q = q.fma(r, V_C2);
            DoubleVector rq = r.mul(r).mul(q);
            // e^(r + d) = e^r (1 + d): d e^r = d (1 + r + r^2 q) joins r^2 q
            DoubleVector small = d.fma(V_ONE.add(r.add(rq)), rq);
            DoubleVector p = r.add(small).add(V_ONE);
            DoubleVector scale = ((LongVector) t.reinterpretAsLongs()).sub(SHIFT_BITS - 1023)
                    .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            p.mul(scale).intoArray(c, co + i);
        }
        for (; i < n; i++) {
            c[co + i] = powScalar(a[ao + i], b[bo + i]);
        }
    }

    /**
     * One lane of {@link #pow}, bit for bit. x not a positive normal, y infinite or NaN, and
     * results outside exp's polynomial range (|y log x| > 708) take Elementwise.powDouble
     * (Math.pow with NumPy's 1^y = 1).
     */
    static double powScalar(double x, double y) {
        long bits = Double.doubleToRawLongBits(x);
        if (!positiveNormal(bits) || !(Math.abs(y) <= Double.MAX_VALUE)) {
            return Elementwise.powDouble(x, y);
        }
        double[] low = new double[1];
        double hi = logDoubleDouble(x, low);
        double t2 = y * hi;
        if (!(Math.abs(t2) <= EXP_LIMIT)) {
            return Elementwise.powDouble(x, y);
        }
        double t2lo = Math.fma(y, hi, -t2) + y * low[0];
        double t = Math.fma(t2, LOG2E, SHIFT);
        double k = t - SHIFT;
        double r1 = Math.fma(k, -LN2_HI, t2);
        double r = Math.fma(k, -LN2_LO, r1);
        double d = Math.fma(k, -LN2_LO, r1 - r) + t2lo;
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
        double rq = r * r * q;
        double small = Math.fma(d, 1.0 + (r + rq), rq);
        double p = (r + small) + 1.0;
        double scale = Double.longBitsToDouble((Double.doubleToRawLongBits(t) - (SHIFT_BITS - 1023)) << 52);
        return p * scale;
    }
}
