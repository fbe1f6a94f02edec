package dev.strix.regression;

import dev.strix.ndarray.NdArray;
import dev.strix.regression.internal.Inputs;

/**
 * A fitted {@link LinearSvm}: the weights {@code coef} (one per column of X), the intercept (0 when
 * none was fitted), the two labels ({@code negative < positive}), the primal objective at the
 * solution and the solver's report. When {@code converged()} is false the weights are not the
 * optimum within the tolerance.
 */
public record LinearSvmFit(LinearSvm.Loss loss, double c, double negative, double positive, NdArray coef,
                           double intercept, double objective, int iterations, boolean converged, String message) {

    /** The two labels, smaller first (scikit-learn's {@code classes_}). */
    public double[] classes() {
        return new double[] {negative, positive};
    }

    /** {@code X w + b}, one value per row; positive means the positive (larger) label. */
    public NdArray decisionFunction(NdArray x) {
        double[][] xs = Inputs.matrix("LinearSvmFit.decisionFunction", x);
        double[] w = coef.toDoubleArray();
        if (xs[0].length != w.length) {
            throw new IllegalArgumentException("LinearSvmFit.decisionFunction: X has " + xs[0].length
                    + " columns but the model was fitted on " + w.length);
        }
        double[] d = new double[xs.length];
        for (int i = 0; i < xs.length; i++) {
            double s = intercept;
            for (int j = 0; j < w.length; j++) {
                s += xs[i][j] * w[j];
            }
            d[i] = s;
        }
        return NdArray.wrap(d, d.length);
    }

    /** The predicted labels: {@code positive} where the decision function is > 0, else {@code negative}. */
    public NdArray predict(NdArray x) {
        double[] d = decisionFunction(x).toDoubleArray();
        for (int i = 0; i < d.length; i++) {
            d[i] = d[i] > 0 ? positive : negative;
        }
        return NdArray.wrap(d, d.length);
    }

    /** The fraction of rows whose predicted label equals {@code y} (accuracy). */
    public double score(NdArray x, NdArray y) {
        double[] pred = predict(x).toDoubleArray();
        double[] ys = Inputs.vector("LinearSvmFit.score", "y", y, pred.length);
        int hits = 0;
        for (int i = 0; i < pred.length; i++) {
            if (pred[i] == ys[i]) {
                hits++;
            }
        }
        return (double) hits / pred.length;
    }
}
