package dev.strix.unikernel;

import java.time.Instant;

/** Calendar time (UTC); may jump when the host or guest clock is set. */
@FunctionalInterface
public interface WallClock {
    Instant now();
}
