package dev.strix.regression.optimise;

import java.util.function.ToDoubleFunction;

/** The classical test functions with analytic gradients, written from their textbook definitions. */
final class TestFunctions {
    private TestFunctions() {}

    /** sum 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2 (SciPy's rosen). */
    static final ToDoubleFunction<double[]> ROSEN = x -> {
        double f = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            f += 100 * Math.pow(x[i + 1] - x[i] * x[i], 2) + Math.pow(1 - x[i], 2);
        }
        return f;
    };

    static final Objective ROSENBROCK = x -> {
        int n = x.length;
        double[] g = new double[n];
        for (int i = 0; i + 1 < n; i++) {
            double t = x[i + 1] - x[i] * x[i];
            g[i] += -400 * x[i] * t - 2 * (1 - x[i]);
            g[i + 1] += 200 * t;
        }
        return new Evaluation(ROSEN.applyAsDouble(x), g);
    };

    static final ToDoubleFunction<double[]> BEALE_F = x -> {
        double a = x[0];
        double b = x[1];
        return Math.pow(1.5 - a + a * b, 2) + Math.pow(2.25 - a + a * b * b, 2) + Math.pow(2.625 - a + a * b * b * b, 2);
    };

    static final Objective BEALE = x -> {
        double a = x[0];
        double b = x[1];
        double t1 = 1.5 - a + a * b;
        double t2 = 2.25 - a + a * b * b;
        double t3 = 2.625 - a + a * b * b * b;
        return new Evaluation(BEALE_F.applyAsDouble(x), new double[] {
            2 * t1 * (b - 1) + 2 * t2 * (b * b - 1) + 2 * t3 * (b * b * b - 1),
            2 * t1 * a + 4 * t2 * a * b + 6 * t3 * a * b * b});
    };

    static final Objective BOOTH = x -> {
        double r1 = x[0] + 2 * x[1] - 7;
        double r2 = 2 * x[0] + x[1] - 5;
        return new Evaluation(r1 * r1 + r2 * r2, new double[] {2 * r1 + 4 * r2, 4 * r1 + 2 * r2});
    };

    /** 0.5 (x - c)' A (x - c): no cancellation, so f is accurate down to the minimum. */
    static Objective quadratic(double[][] a, double[] c) {
        return x -> {
            int n = x.length;
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                r[i] = x[i] - c[i];
            }
            double[] g = new double[n];
            double f = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    s += a[i][j] * r[j];
                }
                g[i] = s;
                f += r[i] * s;
            }
            return new Evaluation(0.5 * f, g);
        };
    }

    /** The logistic negative log-likelihood (sum) with an intercept first. */
    static Objective logisticNll(double[][] x, double[] y) {
        return b -> {
            int p = b.length;
            double[] g = new double[p];
            double f = 0;
            for (int i = 0; i < x.length; i++) {
                double eta = b[0];
                for (int j = 1; j < p; j++) {
                    eta += b[j] * x[i][j - 1];
                }
                // log(1 + exp(eta)) - y eta, computed without overflow
                f += (eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta))) - y[i] * eta;
                double mu = 1 / (1 + Math.exp(-eta));
                double r = mu - y[i];
                g[0] += r;
                for (int j = 1; j < p; j++) {
                    g[j] += r * x[i][j - 1];
                }
            }
            return new Evaluation(f, g);
        };
    }
}
