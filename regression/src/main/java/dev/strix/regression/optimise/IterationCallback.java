package dev.strix.regression.optimise;

/** Called after every iteration; return {@code false} to stop the run (reason {@link StopReason#CALLBACK}). */
@FunctionalInterface
public interface IterationCallback {

    boolean proceed(Iteration it);
}
