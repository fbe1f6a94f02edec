package dev.strix.regression.optimise;

import java.util.function.ToDoubleFunction;

/**
 * Central-difference gradients for users without an analytic one.
 *
 * <p>Each component uses {@code (f(x + h e_i) - f(x - h e_i)) / 2h} with
 * {@code h = cbrt(eps) max(|x_i|, 1)} (about {@code 6e-6} relative), the step that balances the
 * truncation error {@code h^2 |f'''| / 6} against the rounding error {@code eps |f| / h}. For a
 * smooth function whose third derivative is of the size of {@code f} the absolute error of each
 * component is about {@code eps^(2/3) ~ 4e-11} times {@code |f|} (measured: 1e-10 relative on
 * Rosenbrock; see docs/regression.md). The step is made exactly representable so that the divisor
 * is the true distance between the two points.
 */
public final class NumericalGradient {
    private NumericalGradient() {}

    /** The cube root of the machine epsilon. */
    public static final double CBRT_EPS = 6.055454452393343e-06;

    /** The central-difference gradient of {@code f} at {@code x} (2 p evaluations). */
    public static double[] central(ToDoubleFunction<double[]> f, double[] x) {
        double[] g = new double[x.length];
        double[] xx = x.clone();
        for (int i = 0; i < x.length; i++) {
            double h = CBRT_EPS * Math.max(Math.abs(x[i]), 1.0);
            double xp = x[i] + h;
            double xm = x[i] - h;
            xx[i] = xp;
            double fp = f.applyAsDouble(xx);
            xx[i] = xm;
            double fm = f.applyAsDouble(xx);
            xx[i] = x[i];
            g[i] = (fp - fm) / (xp - xm);
        }
        return g;
    }
}
