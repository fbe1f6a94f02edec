package dev.strix.regression;

import dev.strix.ndarray.NdArray;
import dev.strix.regression.internal.Inputs;
import java.util.ArrayList;
import java.util.List;

/**
 * Owl's {@code Regression} conveniences. {@link #poly} is NumPy's {@code polyfit} / Owl's
 * {@code Regression.D.poly} with full inference, computed so that NIST's hardest polynomial
 * problem (Filip, degree 10) comes out with 15 correct digits.
 */
public final class Regression {
    private Regression() {}

    /**
     * Least-squares polynomial {@code y = b0 + b1 x + ... + bd x^d}. Coefficients are in
     * <b>increasing</b> degree, named {@code const, x, x^2, ...} (NumPy's polyfit returns them
     * highest first). The powers of x are formed in double-double and the refinement uses them
     * unrounded: rounding x^k to double would perturb the design by more than an ill-conditioned
     * fit can tolerate.
     */
    public static LinearFit poly(NdArray x, NdArray y, int degree) {
        if (degree < 0) {
            throw new IllegalArgumentException("poly: degree must be >= 0, got " + degree);
        }
        double[] xs = Inputs.vector("poly", "x", x, -1);
        double[] ys = Inputs.vector("poly", "y", y, xs.length);
        int n = xs.length;
        int p = degree + 1;
        if (n < p) {
            throw new IllegalArgumentException("poly: " + n + " points for degree " + degree
                    + " (" + p + " coefficients)");
        }
        double[][] hi = new double[n][p];
        double[][] lo = new double[n][p];
        for (int i = 0; i < n; i++) {
            double h = 1;
            double l = 0;
            hi[i][0] = 1;
            for (int k = 1; k < p; k++) {
                double ph = h * xs[i];
                double pl = Math.fma(h, xs[i], -ph) + l * xs[i];
                h = ph + pl;
                l = pl - (h - ph);
                hi[i][k] = h;
                lo[i][k] = l;
            }
        }
        List<String> names = new ArrayList<>();
        names.add("const");
        for (int k = 1; k < p; k++) {
            names.add(k == 1 ? "x" : "x^" + k);
        }
        return new LinearFit("OLS", "y", names, false, hi, lo, ys, null);
    }

    /**
     * Owl's {@code Regression.D.exponential}: least squares {@code y = a exp(-lambda x) + c}, the
     * parameters in the order {@code a, lambda, c} (Owl returns {@code (a, l, b)}; a negative lambda
     * is growth). Unlike Owl, whose start is random, the start is the best point of a profile grid
     * over lambda (the model is linear in a and c), then Levenberg-Marquardt ({@link Nls}) with the
     * analytic Jacobian; check {@link NlsFit#converged()}.
     */
    public static NlsFit exponential(NdArray x, NdArray y) {
        return Exponential.fit(x, y);
    }
}
