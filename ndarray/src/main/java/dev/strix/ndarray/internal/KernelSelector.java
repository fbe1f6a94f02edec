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
 *
 * <p>The vector width is the CPU's preferred one (512 bits with AVX-512, 256 with AVX2);
 * {@code strix.vector.bits} ({@code auto}, the default, or 256 or 512: a power of two from 256 up)
 * forces a narrower one, which is how the tests cover the 256-bit kernels on an AVX-512 machine. A
 * width the CPU does not have is refused: the Vector API would emulate it, many times slower.
 */
public final class KernelSelector {
    private KernelSelector() {
    }

    static final String PROPERTY = "strix.vectorization";
    static final String VECTOR_CLASS = "dev.strix.ndarray.internal.VectorKernels";
    static final String MODULE = "jdk.incubator.vector";
    static final String BITS_PROPERTY = "strix.vector.bits";

    private static final class Holder {
        static final KernelProvider INSTANCE = select();
    }

    /** The active provider. */
    public static KernelProvider get() {
        return Holder.INSTANCE;
    }

    /**
     * The width forced by {@code strix.vector.bits}, or 0 for {@code auto} (the CPU's preferred
     * width).
     *
     * @throws IllegalStateException if the property is neither {@code auto} nor a power of two
     *     of at least 256
     */
    public static int requestedVectorBits() {
        String raw = System.getProperty(BITS_PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        if (raw.equals("auto")) {
            return 0;
        }
        int bits;
        try {
            bits = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            bits = -1;
        }
        if (bits < 256 || Integer.bitCount(bits) != 1) {
            throw new IllegalStateException(BITS_PROPERTY + " must be auto or a vector width in bits that is a power "
                    + "of two of at least 256 (256, 512), got '" + System.getProperty(BITS_PROPERTY) + "'");
        }
        return bits;
    }

    private static KernelProvider select() {
        int requestedBits = requestedVectorBits();
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
            if (vector != null && requestedBits > 0 && vector.vectorBitSize() != requestedBits) {
                // an explicit width is never silently replaced by another
                throw new IllegalStateException(BITS_PROPERTY + "=" + requestedBits + " was requested but the CPU's "
                        + "widest vectors are " + vector.vectorBitSize() + " bits");
            }
            if (vector != null) {
                chosen = vector;
                why = PROPERTY + "=" + mode + ", " + BITS_PROPERTY + "="
                        + (requestedBits == 0 ? "auto" : String.valueOf(requestedBits));
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
