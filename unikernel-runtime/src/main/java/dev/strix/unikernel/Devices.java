package dev.strix.unikernel;

import java.util.Optional;
import java.util.Set;

/**
 * The devices an analysis was configured with, as bound for the target it runs on. Asking for a
 * name the configuration does not declare is an {@link IllegalArgumentException} that lists the
 * declared names: a programming error, found on the first run on any target.
 */
public interface Devices {
    /** {@code unix}, {@code jlink} or {@code qemu}. */
    String target();

    Console console();

    Block block(String name);

    KvStore kv(String name);

    Network network(String name);

    Entropy entropy();

    MonotonicClock monotonicClock();

    WallClock wallClock();

    /** A named parameter from the configuration ({@code param name = value}), if set. */
    Optional<String> parameter(String name);

    /** Names of the declared devices of one kind ({@code block}, {@code kv}, {@code http}). */
    Set<String> names(String kind);
}
