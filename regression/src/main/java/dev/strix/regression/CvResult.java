package dev.strix.regression;

import java.util.List;

/**
 * k-fold cross-validation along a lambda path: the mean and standard error of the held-out mean
 * squared error per lambda, the lambda with the smallest error ({@code lambdaMin}) and the largest
 * lambda within one standard error of it ({@code lambda1se}, glmnet's 1-SE rule), and the full-data
 * fits at those two penalties.
 */
public record CvResult(double[] lambdas, double[] cvMean, double[] cvSe, double lambdaMin, double lambda1se,
                       PenalizedFit fitMin, PenalizedFit fit1se, List<PenalizedFit> path) {
}
