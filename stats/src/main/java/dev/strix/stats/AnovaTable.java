package dev.strix.stats;

/**
 * One-way ANOVA table, as NIST StRD certifies it.
 *
 * @param dfBetween  k - 1
 * @param dfWithin   n - k
 * @param ssBetween  sum over groups of n_g (mean_g - mean)^2
 * @param ssWithin   sum over groups of sum (x - mean_g)^2
 * @param msBetween  ssBetween / dfBetween
 * @param msWithin   ssWithin / dfWithin
 * @param f          msBetween / msWithin
 * @param pValue     upper tail of F(dfBetween, dfWithin) at f
 * @param rSquared   ssBetween / (ssBetween + ssWithin), also eta-squared
 * @param residualSd sqrt(msWithin)
 */
public record AnovaTable(double dfBetween, double dfWithin, double ssBetween, double ssWithin, double msBetween,
        double msWithin, double f, double pValue, double rSquared, double residualSd) {

    /** The same result as a {@link TestResult} (effect size: eta-squared). */
    public TestResult toTestResult() {
        return new TestResult("one-way ANOVA", f, pValue, dfBetween, dfWithin, Alternative.GREATER, rSquared,
                Double.NaN, Double.NaN, Double.NaN);
    }
}
