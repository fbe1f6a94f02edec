package dev.strix.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.io.Csv;
import dev.strix.ndarray.io.CsvTable;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Elastic net against scikit-learn 1.2.1 (ElasticNet / Ridge on standardised diabetes columns,
 * tol 1e-14) to 1e-6 relative, the KKT conditions along a path, and cross-validation.
 */
class PenalizedTest {

    static NdArray[] diabetes() throws Exception {
        CsvTable t = Csv.read(Path.of(PenalizedTest.class.getResource("/diabetes.csv").toURI()));
        List<String> f = Golden.strings(Golden.root().get("elasticnet").get("features"));
        return new NdArray[] {t.numeric(f.toArray(new String[0])), t.column("progression")};
    }

    @Test
    void matchesScikitLearn() throws Exception {
        NdArray[] d = diabetes();
        for (JsonNode c : Golden.root().get("elasticnet").get("fits")) {
            double l1 = c.get("l1_ratio").asDouble();
            double lam = c.get("lambda").asDouble();
            PenalizedFit f = Penalized.elasticNet(d[0], d[1], lam, l1);
            assertTrue(f.converged());
            String what = "l1=" + l1 + " lambda=" + lam;
            Golden.close(what + " coef", Golden.array(c.get("coef")), f.coef(), 1e-6, 1e-9);
            Golden.close(what + " intercept", c.get("intercept").asDouble(), f.intercept(), 1e-6, 1e-9);
        }
    }

    /** At each solution: |g_j| <= lambda*alpha where b_j = 0, g_j = lambda*alpha*sign(b_j) elsewhere. */
    @Test
    void kktConditionsAlongThePath() throws Exception {
        NdArray[] d = diabetes();
        double[][] x = d[0].toDoubleMatrix();
        double[] y = d[1].toDoubleArray();
        Penalized.Problem pr = new Penalized.Problem(x, y, 0.7);
        double[] lambdas = Penalized.lambdaPath(d[0], d[1], 0.7, 30);
        List<PenalizedFit> path = Penalized.path(d[0], d[1], 0.7, lambdas);
        assertEquals(0, path.get(0).nonZero(), "all zero at lambda_max");
        assertEquals(10, path.get(29).nonZero());
        int n = y.length;
        for (PenalizedFit f : path) {
            double[] b = f.coef().toDoubleArray();
            double l1 = f.lambda() * 0.7;
            for (int j = 0; j < b.length; j++) {
                double bs = b[j] * pr.sd[j];
                double g = 0;
                for (int i = 0; i < n; i++) {
                    double r = y[i] - f.intercept();
                    for (int k = 0; k < b.length; k++) {
                        r -= x[i][k] * b[k];
                    }
                    g += pr.z[j][i] * r;
                }
                g = g / n - f.lambda() * 0.3 * bs;
                if (bs == 0) {
                    assertTrue(Math.abs(g) <= l1 * (1 + 1e-8), "KKT zero " + j + " at " + f.lambda());
                } else {
                    assertEquals(l1 * Math.signum(bs), g, 1e-7 * Math.max(1, l1), "KKT active " + j);
                }
            }
            // residuals have mean zero: the intercept is unpenalised
            double s = 0;
            for (double v : f.predict(d[0]).toDoubleArray()) {
                s += v;
            }
            double my = 0;
            for (double v : y) {
                my += v;
            }
            assertEquals(my / n, s / n, 1e-9);
        }
    }

    @Test
    void crossValidationChoosesLambda() throws Exception {
        NdArray[] d = diabetes();
        CvResult cv = Penalized.cv(d[0], d[1], 1.0, 10, 42);
        assertTrue(cv.lambda1se() >= cv.lambdaMin());
        int best = 0;
        for (int l = 0; l < cv.lambdas().length; l++) {
            if (cv.cvMean()[l] < cv.cvMean()[best]) {
                best = l;
            }
        }
        assertEquals(cv.lambdas()[best], cv.lambdaMin());
        assertTrue(cv.fit1se().nonZero() <= cv.fitMin().nonZero());
        // held-out MSE near the OLS residual variance (~2930 on diabetes), far below var(y) (~5930)
        assertTrue(cv.cvMean()[best] < 3200, "cv mse " + cv.cvMean()[best]);
        // deterministic for a seed
        CvResult again = Penalized.cv(d[0], d[1], 1.0, 10, 42);
        assertEquals(cv.lambdaMin(), again.lambdaMin());
    }
}
