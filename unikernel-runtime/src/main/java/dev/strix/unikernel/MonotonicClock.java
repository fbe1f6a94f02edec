package dev.strix.unikernel;

/** Elapsed time for measuring durations; never goes backwards, unrelated to the calendar. */
@FunctionalInterface
public interface MonotonicClock {
    long nanos();
}
