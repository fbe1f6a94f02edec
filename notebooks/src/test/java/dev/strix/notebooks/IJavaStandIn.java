package dev.strix.notebooks;

import io.github.spencerpark.jupyter.kernel.display.Renderer;

/**
 * Stands in for {@code io.github.spencerpark.ijava.IJava} in {@link IJavaAdapterTest}: IJava is
 * not on Maven Central, so the test swaps {@code io.github.spencerpark.ijava.IJava} for this class
 * in the start-up script. {@code getKernelInstance().getRenderer()} then returns a plain
 * jupyter-jvm-basekernel 2.3.0 {@link Renderer}, the class IJava's kernel (a BaseKernel) returns.
 */
public final class IJavaStandIn {
    private static volatile Kernel kernel;

    private IJavaStandIn() {
    }

    /** What IJava.getKernelInstance() returns, reduced to the method the script calls. */
    public static final class Kernel {
        private final Renderer renderer;

        Kernel(Renderer renderer) {
            this.renderer = renderer;
        }

        public Renderer getRenderer() {
            return renderer;
        }
    }

    public static Kernel getKernelInstance() {
        return kernel;
    }

    static void set(Renderer renderer) {
        kernel = renderer == null ? null : new Kernel(renderer);
    }
}
