package dev.strix.notebooks;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.strix.ndarray.NdArray;

/**
 * How the kernel shows a value: a MIME bundle ({@code data}) and its per-type
 * {@code metadata}, as Jupyter's {@code execute_result} and {@code display_data} carry them.
 *
 * <ul>
 *   <li>An {@link NdArray}: {@code text/html}, a table truncated as its text form is (past 1000
 *       elements, the first and last 3 along each axis around an ellipsis), and
 *       {@code text/plain}, its {@code toString()}.</li>
 *   <li>Any object with a public no-argument {@code Map<String, Object> mimeBundle()} (the
 *       display contract of docs/plotting.md; figures give PNG, SVG, Vega-Lite and text): that
 *       bundle, and {@code mimeMetadata()} if it has one. Found by reflection, so no Strix module
 *       depends on the kernel.</li>
 *   <li>Anything else: {@code text/plain}, its {@code toString()}.</li>
 * </ul>
 */
public final class Rendering {
    private final Map<String, Object> data;
    private final Map<String, Object> metadata;

    private Rendering(Map<String, Object> data, Map<String, Object> metadata) {
        this.data = data;
        this.metadata = metadata;
    }

    /** MIME type to content: strings, base64 for images, a Map/List tree for JSON types. */
    public Map<String, Object> data() {
        return data;
    }

    /** MIME type to its metadata (e.g. a PNG's logical width and height); often empty. */
    public Map<String, Object> metadata() {
        return metadata;
    }

    /** Renders {@code value} (which may be null) as described in the class comment. */
    public static Rendering of(Object value) {
        Map<String, Object> data = new LinkedHashMap<>();
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (value instanceof NdArray) {
            NdArray a = (NdArray) value;
            data.put("text/plain", a.toString());
            data.put("text/html", HtmlTable.of(a));
            return new Rendering(data, metadata);
        }
        if (value != null) {
            Map<?, ?> bundle = invokeMap(value, "mimeBundle");
            if (bundle != null && !bundle.isEmpty()) {
                bundle.forEach((k, v) -> data.put(String.valueOf(k), v));
                data.putIfAbsent("text/plain", String.valueOf(value));
                Map<?, ?> meta = invokeMap(value, "mimeMetadata");
                if (meta != null) {
                    meta.forEach((k, v) -> metadata.put(String.valueOf(k), v));
                }
                return new Rendering(data, metadata);
            }
        }
        data.put("text/plain", String.valueOf(value));
        return new Rendering(data, metadata);
    }

    private static Map<?, ?> invokeMap(Object value, String name) {
        Method m;
        try {
            m = value.getClass().getMethod(name);
        } catch (NoSuchMethodException e) {
            return null;
        }
        if (Modifier.isStatic(m.getModifiers()) || !Map.class.isAssignableFrom(m.getReturnType())) {
            return null;
        }
        try {
            m.setAccessible(true); // a public method of a non-public class (a lambda, a cell's class)
        } catch (RuntimeException ignored) {
            // inaccessible module: invoke may still work through a public class
        }
        try {
            return (Map<?, ?>) m.invoke(value);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException(name + "() of " + value.getClass().getName() + " failed: " + cause, cause);
        }
    }
}
