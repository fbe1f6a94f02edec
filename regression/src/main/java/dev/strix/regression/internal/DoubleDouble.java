package dev.strix.regression.internal;

/**
 * Double-double ("twice double") arithmetic: a value is the unevaluated sum {@code hi + lo} with
 * {@code |lo| <= ulp(hi)/2}, about 32 significant digits. Products are exact through
 * {@link Math#fma}, sums through Knuth's two-sum. Used for residuals and for building the powers
 * of a polynomial design, where double precision would round away the answer.
 *
 * <p>Instances are mutable accumulators, to keep inner loops free of allocation.
 */
public final class DoubleDouble {
    public double hi;
    public double lo;

    public DoubleDouble() {}

    public DoubleDouble(double hi, double lo) {
        this.hi = hi;
        this.lo = lo;
    }

    public DoubleDouble set(double h, double l) {
        this.hi = h;
        this.lo = l;
        return this;
    }

    /** this += a (a double). */
    public DoubleDouble add(double a) {
        double s = hi + a;
        double bb = s - hi;
        double err = (hi - (s - bb)) + (a - bb);
        err += lo;
        hi = s + err;
        lo = err - (hi - s);
        return this;
    }

    /** this += (ah + al), a double-double. */
    public DoubleDouble add(double ah, double al) {
        double s = hi + ah;
        double bb = s - hi;
        double err = (hi - (s - bb)) + (ah - bb);
        // second two-sum for the low parts
        double t = lo + al;
        double bt = t - lo;
        double errT = (lo - (t - bt)) + (al - bt);
        err += t;
        double h = s + err;
        err = err - (h - s) + errT;
        hi = h + err;
        lo = err - (hi - h);
        return this;
    }

    /** this += a * b, the product formed exactly. */
    public DoubleDouble addProduct(double a, double b) {
        double p = a * b;
        double e = Math.fma(a, b, -p);
        return add(p, e);
    }

    /** this += (ah + al) * b, b a double; the product is exact up to the al*b rounding (~2^-106). */
    public DoubleDouble addProduct(double ah, double al, double b) {
        double p = ah * b;
        double e = Math.fma(ah, b, -p);
        return add(p, e + al * b);
    }

    /** this -= a * b. */
    public DoubleDouble subProduct(double a, double b) {
        return addProduct(-a, b);
    }

    /** this *= b (a double), about 2^-104 relative error. */
    public DoubleDouble mul(double b) {
        double p = hi * b;
        double e = Math.fma(hi, b, -p) + lo * b;
        hi = p + e;
        lo = e - (hi - p);
        return this;
    }

    public double value() {
        return hi + lo;
    }
}
