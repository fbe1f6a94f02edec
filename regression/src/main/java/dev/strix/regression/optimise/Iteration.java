package dev.strix.regression.optimise;

/**
 * What a per-iteration callback sees: the iteration number (1 after the first step), the current
 * point (a copy), its objective value, gradient norm, and the number of evaluations so far.
 */
public record Iteration(int iteration, double[] x, double value, double gradientNorm, long evaluations) {}
