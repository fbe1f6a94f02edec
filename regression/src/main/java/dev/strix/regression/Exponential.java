package dev.strix.regression;

import dev.strix.ndarray.NdArray;
import dev.strix.regression.internal.Inputs;

/**
 * Owl's exponential regression {@code y = a exp(-lambda x) + c} ({@link Regression#exponential}).
 * The model is linear in (a, c) for a fixed lambda, so the start comes from the profile: the
 * residual sum of squares of the linear (a, c) fit on a grid of {@code lambda (max x - min x)} in
 * [-20, 20]; Levenberg-Marquardt ({@link Nls}, analytic Jacobian) then polishes all three.
 */
final class Exponential {
    private Exponential() {}

    static NlsFit fit(NdArray x, NdArray y) {
        String op = "Regression.exponential";
        double[] xs = Inputs.vector(op, "x", x, -1);
        double[] ys = Inputs.vector(op, "y", y, xs.length);
        int n = xs.length;
        long distinct = java.util.Arrays.stream(xs).distinct().count();
        if (distinct < 3) {
            throw new IllegalArgumentException(op + ": " + distinct + " distinct x values; the three parameters"
                    + " need at least 3");
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : xs) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double span = hi - lo;
        double ybar = 0;
        for (double v : ys) {
            ybar += v;
        }
        ybar /= n;
        double best = Double.POSITIVE_INFINITY;
        double[] start = null;
        for (int k = -400; k <= 400; k++) {
            if (k == 0) {
                continue; // lambda = 0: exp(-lambda x) is the constant column, a and c are not identified
            }
            double lambda = k * 0.05 / span;
            double[] u = new double[n];
            double ubar = 0;
            for (int i = 0; i < n; i++) {
                u[i] = Math.exp(-lambda * (xs[i] - lo)); // shifted to lo: no overflow on the grid
                ubar += u[i];
            }
            ubar /= n;
            double suu = 0;
            double suy = 0;
            double syy = 0;
            for (int i = 0; i < n; i++) {
                suu += (u[i] - ubar) * (u[i] - ubar);
                suy += (u[i] - ubar) * (ys[i] - ybar);
                syy += (ys[i] - ybar) * (ys[i] - ybar);
            }
            if (!(suu > 0)) {
                continue;
            }
            double a = suy / suu;
            double rss = syy - a * suy;
            if (rss < best) {
                best = rss;
                start = new double[] {a * Math.exp(lambda * lo), lambda, ybar - a * ubar};
            }
        }
        if (start == null || !Double.isFinite(start[0])) {
            throw new IllegalArgumentException(op + ": no finite start values (x range " + lo + " to " + hi + ")");
        }
        Nls.Model model = (r, b) -> b[0] * Math.exp(-b[1] * r[0]) + b[2];
        Nls.Gradient grad = (r, b, out) -> {
            double e = Math.exp(-b[1] * r[0]);
            out[0] = e;
            out[1] = -b[0] * r[0] * e;
            out[2] = 1;
        };
        return Nls.fit(model, grad, NdArray.wrap(xs.clone(), n, 1), NdArray.wrap(ys.clone(), n), start);
    }
}
