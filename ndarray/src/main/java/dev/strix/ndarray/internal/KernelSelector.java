package dev.strix.ndarray.internal;

import java.lang.System.Logger.Level;
import java.util.Locale;

/**
 * Chooses the kernel provider once, at first use: the Vector API provider when the module
 * {@code jdk.incubator.vector} is in the boot layer and its preferred species is at least 256
 * bits wide, the scalar provider otherwise. The system property {@code strix.vectorization}
 * ({@code auto}, the default, {@code vector} or {@code scalar}) forces one; forcing
 * {@code vector} where it cannot run fails with the reason instead of falling back silently.
 * The vector classes are loaded reflectively and only when the module is present, so the
 * library loads and works without {@code --add-modules jdk.incubator.vector}.
 */
public final class KernelSelector {
    private KernelSelector() {
    }

    static final String PROPERTY = "strix.vectorization";
    static final String VECTOR_CLASS = "dev.strix.ndarray.internal.VectorKernels";
    static final String MODULE = "jdk.incubator.vector";

    private static final class Holder {
        static final KernelProvider INSTANCE = select();
    }

    /** The active provider. */
    public static KernelProvider get() {
        return Holder.INSTANCE;
    }

    private static KernelProvider select() {
        String mode = System.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        if (!mode.equals("auto") && !mode.equals("vector") && !mode.equals("scalar")) {
            throw new IllegalStateException(PROPERTY + " must be auto, vector or scalar, got '"
                    + System.getProperty(PROPERTY) + "'");
        }
        KernelProvider chosen;
        String why;
        if (mode.equals("scalar")) {
            chosen = new ScalarKernels();
            why = PROPERTY + "=scalar";
        } else {
            String problem = null;
            KernelProvider vector = null;
            if (ModuleLayer.boot().findModule(MODULE).isEmpty()) {
                problem = "the module " + MODULE + " is not in the boot layer (start the JVM with --add-modules "
                        + MODULE + ")";
            } else {
                try {
                    vector = (KernelProvider) Class.forName(VECTOR_CLASS).getDeclaredConstructor().newInstance();
                    if (vector.vectorBitSize() < 256) {
                        problem = "the CPU's preferred vector size is " + vector.vectorBitSize()
                                + " bits; the vector kernels need at least 256";
                        vector = null;
                    }
                } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                    problem = "the vector kernels could not be loaded: " + e;
                    vector = null;
                }
            }
            if (vector != null) {
                chosen = vector;
                why = PROPERTY + "=" + mode;
            } else if (mode.equals("vector")) {
                throw new IllegalStateException(PROPERTY + "=vector was requested but the vector kernels cannot run: "
                        + problem);
            } else {
                chosen = new ScalarKernels();
                why = "vector kernels unavailable: " + problem;
            }
        }
        System.getLogger("dev.strix.ndarray").log(Level.INFO, "Strix kernels: the " + chosen.name()
                + " provider, " + chosen.vectorBitSize() + "-bit vectors (" + why + "), parallelism "
                + Parallel.parallelism());
        return chosen;
    }
}
