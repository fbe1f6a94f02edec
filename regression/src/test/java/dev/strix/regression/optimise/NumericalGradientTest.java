package dev.strix.regression.optimise;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Central differences against the analytic gradients, at the accuracy the Javadoc states. */
class NumericalGradientTest {

    @Test
    void accuracyOnRosenbrockAndBeale() {
        Random rng = new Random(1);
        double worst = 0;
        for (int k = 0; k < 200; k++) {
            double[] x = new double[10];
            for (int i = 0; i < x.length; i++) {
                x[i] = 4 * rng.nextDouble() - 2;
            }
            double[] exact = TestFunctions.ROSENBROCK.evaluate(x).gradient();
            double[] num = NumericalGradient.central(TestFunctions.ROSEN, x);
            double scale = Math.max(Math.abs(TestFunctions.ROSEN.applyAsDouble(x)), 1);
            for (int i = 0; i < x.length; i++) {
                worst = Math.max(worst, Math.abs(num[i] - exact[i]) / scale);
            }
            double[] xb = {4 * rng.nextDouble() - 2, 4 * rng.nextDouble() - 2};
            double[] eb = TestFunctions.BEALE.evaluate(xb).gradient();
            double[] nb = NumericalGradient.central(TestFunctions.BEALE_F, xb);
            double sb = Math.max(Math.abs(TestFunctions.BEALE_F.applyAsDouble(xb)), 1);
            for (int i = 0; i < 2; i++) {
                worst = Math.max(worst, Math.abs(nb[i] - eb[i]) / sb);
            }
        }
        // measured 1.3e-8: Rosenbrock's third derivatives (2400 x) are large beside f; the error is h^2 f''' / 6
        assertTrue(worst < 5e-8, "worst error relative to |f|: " + worst);
        System.out.println("NumericalGradient: worst error / max(|f|, 1) over 400 points = " + worst);
    }
}
