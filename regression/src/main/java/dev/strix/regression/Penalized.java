package dev.strix.regression;

import dev.strix.ndarray.NdArray;
import dev.strix.regression.internal.Inputs;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Ridge, lasso and elastic net by cyclic coordinate descent (Friedman, Hastie and Tibshirani 2010),
 * minimising
 * <pre>  (1 / 2n) ||y - b0 - X b||^2 + lambda * (l1Ratio * ||b||_1 + (1 - l1Ratio) / 2 * ||b||_2^2)</pre>
 * with the columns of X standardised internally (mean 0, population standard deviation 1) and the
 * intercept unpenalised; coefficients are returned on the original scale. This is glmnet's
 * Gaussian objective (with {@code alpha = l1Ratio}) and scikit-learn's {@code ElasticNet} on
 * standardised columns ({@code alpha = lambda}).
 *
 * <pre>{@code
 * PenalizedFit f = Penalized.lasso(X, y, 0.5);
 * CvResult cv = Penalized.cv(X, y, 1.0, 10, 42);      // lasso path, 10 folds, seed 42
 * PenalizedFit chosen = cv.fit1se();
 * }</pre>
 */
public final class Penalized {
    private Penalized() {}

    static final double TOL = 1e-13;
    static final int MAX_SWEEPS = 100_000;

    public static PenalizedFit lasso(NdArray x, NdArray y, double lambda) {
        return elasticNet(x, y, lambda, 1.0);
    }

    public static PenalizedFit ridge(NdArray x, NdArray y, double lambda) {
        return elasticNet(x, y, lambda, 0.0);
    }

    public static PenalizedFit elasticNet(NdArray x, NdArray y, double lambda, double l1Ratio) {
        Problem pr = Problem.of("Penalized.elasticNet", x, y, l1Ratio);
        if (!(lambda >= 0)) {
            throw new IllegalArgumentException("Penalized.elasticNet: lambda must be >= 0, got " + lambda);
        }
        return pr.fit(lambda, new double[pr.p]);
    }

    /** The lambda path: {@code n} values log-spaced from the smallest lambda giving b = 0 down to 1e-3 of it. */
    public static double[] lambdaPath(NdArray x, NdArray y, double l1Ratio, int n) {
        return Problem.of("Penalized.lambdaPath", x, y, l1Ratio).path(n);
    }

    /** Fits along {@code lambdas} (decreasing) with warm starts. */
    public static List<PenalizedFit> path(NdArray x, NdArray y, double l1Ratio, double[] lambdas) {
        Problem pr = Problem.of("Penalized.path", x, y, l1Ratio);
        return pr.fitPath(lambdas);
    }

    /** k-fold cross-validation over the default 100-lambda path; folds drawn with {@code seed}. */
    public static CvResult cv(NdArray x, NdArray y, double l1Ratio, int folds, long seed) {
        Problem all = Problem.of("Penalized.cv", x, y, l1Ratio);
        int n = all.n;
        if (folds < 2 || folds > n) {
            throw new IllegalArgumentException("Penalized.cv: folds must be in [2, n=" + n + "], got " + folds);
        }
        double[] lambdas = all.path(100);
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[perm[i]] = i % folds;
        }
        int L = lambdas.length;
        double[][] err = new double[folds][L];
        for (int f = 0; f < folds; f++) {
            List<double[]> trX = new ArrayList<>();
            List<Double> trY = new ArrayList<>();
            List<Integer> test = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] == f) {
                    test.add(i);
                } else {
                    trX.add(all.x[i]);
                    trY.add(all.y[i]);
                }
            }
            double[] ty = new double[trY.size()];
            for (int i = 0; i < ty.length; i++) {
                ty[i] = trY.get(i);
            }
            Problem pr = new Problem(trX.toArray(new double[0][]), ty, l1Ratio);
            List<PenalizedFit> fits = pr.fitPath(lambdas);
            for (int l = 0; l < L; l++) {
                PenalizedFit pf = fits.get(l);
                double[] b = pf.coef().toDoubleArray();
                double s = 0;
                for (int i : test) {
                    double r = all.y[i] - pf.intercept();
                    for (int j = 0; j < b.length; j++) {
                        r -= all.x[i][j] * b[j];
                    }
                    s += r * r;
                }
                err[f][l] = s / test.size();
            }
        }
        double[] mean = new double[L];
        double[] se = new double[L];
        int best = 0;
        for (int l = 0; l < L; l++) {
            double m = 0;
            for (int f = 0; f < folds; f++) {
                m += err[f][l];
            }
            m /= folds;
            double v = 0;
            for (int f = 0; f < folds; f++) {
                v += (err[f][l] - m) * (err[f][l] - m);
            }
            mean[l] = m;
            se[l] = Math.sqrt(v / (folds - 1) / folds);
            if (m < mean[best]) {
                best = l;
            }
        }
        int oneSe = best;
        for (int l = 0; l <= best; l++) {
            if (mean[l] <= mean[best] + se[best]) {
                oneSe = l;
                break;
            }
        }
        List<PenalizedFit> full = all.fitPath(lambdas);
        return new CvResult(lambdas, mean, se, lambdas[best], lambdas[oneSe], full.get(best), full.get(oneSe),
                List.copyOf(full));
    }

    /** Standardised data and the coordinate-descent solver. */
    static final class Problem {
        final double[][] x;
        final double[] y;
        final int n;
        final int p;
        final double alpha;
        final double[] mean;
        final double[] sd;
        final double[][] z; // column-major standardised columns, z[j][i]
        final double ybar;

        static Problem of(String op, NdArray xa, NdArray ya, double l1Ratio) {
            double[][] m = Inputs.matrix(op, xa);
            double[] y = Inputs.vector(op, "y", ya, m.length);
            if (!(l1Ratio >= 0 && l1Ratio <= 1)) {
                throw new IllegalArgumentException(op + ": l1Ratio must be in [0, 1], got " + l1Ratio);
            }
            return new Problem(m, y, l1Ratio);
        }

        Problem(double[][] x, double[] y, double alpha) {
            this.x = x;
            this.y = y;
            this.n = x.length;
            this.p = x[0].length;
            this.alpha = alpha;
            mean = new double[p];
            sd = new double[p];
            z = new double[p][n];
            for (int j = 0; j < p; j++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += x[i][j];
                }
                mean[j] = s / n;
                double v = 0;
                for (int i = 0; i < n; i++) {
                    double d = x[i][j] - mean[j];
                    v += d * d;
                }
                sd[j] = Math.sqrt(v / n);
                for (int i = 0; i < n; i++) {
                    // a constant column stays 0 and gets coefficient 0
                    z[j][i] = sd[j] == 0 ? 0 : (x[i][j] - mean[j]) / sd[j];
                }
            }
            double s = 0;
            for (double v : y) {
                s += v;
            }
            ybar = s / n;
        }

        double[] path(int count) {
            double a = Math.max(alpha, 1e-3); // glmnet's convention for ridge
            double mx = 0;
            for (int j = 0; j < p; j++) {
                double g = 0;
                for (int i = 0; i < n; i++) {
                    g += z[j][i] * (y[i] - ybar);
                }
                mx = Math.max(mx, Math.abs(g) / n);
            }
            double lmax = mx / a;
            double[] l = new double[count];
            for (int k = 0; k < count; k++) {
                l[k] = lmax * Math.pow(1e-3, k / (double) (count - 1));
            }
            return l;
        }

        List<PenalizedFit> fitPath(double[] lambdas) {
            double[] b = new double[p];
            List<PenalizedFit> out = new ArrayList<>();
            for (double l : lambdas) {
                out.add(fit(l, b)); // b carries the warm start
            }
            return out;
        }

        /** Coordinate descent from (and updating) the standardised coefficients b. */
        PenalizedFit fit(double lambda, double[] b) {
            double[] r = new double[n];
            for (int i = 0; i < n; i++) {
                double s = y[i] - ybar;
                for (int j = 0; j < p; j++) {
                    s -= z[j][i] * b[j];
                }
                r[i] = s;
            }
            double l1 = lambda * alpha;
            double denom = 1 + lambda * (1 - alpha);
            int sweep = 0;
            boolean converged = false;
            while (sweep < MAX_SWEEPS) {
                sweep++;
                double maxDelta = 0;
                double maxB = 0;
                for (int j = 0; j < p; j++) {
                    if (sd[j] == 0) {
                        continue;
                    }
                    double[] zj = z[j];
                    double g = 0;
                    for (int i = 0; i < n; i++) {
                        g += zj[i] * r[i];
                    }
                    double rho = g / n + b[j];
                    double nb = Math.signum(rho) * Math.max(Math.abs(rho) - l1, 0) / denom;
                    double d = nb - b[j];
                    if (d != 0) {
                        for (int i = 0; i < n; i++) {
                            r[i] -= d * zj[i];
                        }
                        b[j] = nb;
                    }
                    maxDelta = Math.max(maxDelta, Math.abs(d));
                    maxB = Math.max(maxB, Math.abs(nb));
                }
                if (maxDelta <= TOL * Math.max(maxB, 1e-300) || maxDelta == 0) {
                    converged = true;
                    break;
                }
            }
            double[] coef = new double[p];
            double icpt = ybar;
            for (int j = 0; j < p; j++) {
                coef[j] = sd[j] == 0 ? 0 : b[j] / sd[j];
                icpt -= coef[j] * mean[j];
            }
            return new PenalizedFit(lambda, alpha, icpt, NdArray.wrap(coef, p), sweep, converged);
        }
    }
}
