package dev.strix.unikernel;

/**
 * A deployable analysis: the one entry point the runtime calls on every target. The class needs
 * a public no-argument constructor. It reaches the outside world only through {@code devices};
 * the returned value is the process exit code on the host (0 for success), on the qemu target too.
 * An exception thrown here is reported on the console and gives exit code 1.
 */
@FunctionalInterface
public interface Analysis {
    int run(Devices devices) throws Exception;
}
