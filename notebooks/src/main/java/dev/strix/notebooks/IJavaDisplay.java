package dev.strix.notebooks;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.RenderContext;
import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

/**
 * Strix's rich display in an IJava kernel (or any kernel on jupyter-jvm-basekernel's
 * {@link Renderer}): {@link #register} adds one render function, on {@code Object}, that shows a
 * value as this kernel's {@link Rendering} does: an {@code NdArray} as an HTML table, and any
 * object with {@code mimeBundle()} (figures, fit and test results) from its bundle and metadata.
 *
 * <p>Registered on {@code Object}, it is the last resort of the renderer's class-hierarchy
 * lookup, so renderers the kernel registered for specific types keep precedence. It honours the
 * requested types: {@code render(x)} gets every type of the bundle, {@code renderAs(x, "image/png")}
 * only the PNG (and the {@code text/plain} every rendering has). The start-up script
 * {@code strix-ijava.jshell} calls it with {@code IJava.getKernelInstance().getRenderer()}.
 */
public final class IJavaDisplay {
    private IJavaDisplay() {
    }

    /** Registers the Strix render function on {@code renderer}; see the class comment. */
    public static void register(Renderer renderer) {
        if (renderer == null) {
            throw new IllegalArgumentException("IJavaDisplay.register: no renderer (is this running inside a kernel?)");
        }
        renderer.createRegistration(Object.class).register(IJavaDisplay::render);
    }

    static void render(Object value, RenderContext context) {
        Rendering r = Rendering.of(value);
        DisplayData out = context.getOutputContainer();
        r.data().forEach((type, data) -> {
            if (context.wantsDataRenderedAs(MIMEType.parse(type))) {
                out.putData(type, data);
                Object meta = r.metadata().get(type);
                if (meta != null) {
                    out.putMetaData(type, meta);
                }
            }
        });
    }
}
