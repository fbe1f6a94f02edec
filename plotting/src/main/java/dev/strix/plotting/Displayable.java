package dev.strix.plotting;

import java.util.Map;

/**
 * The display contract between Strix objects and notebook front ends: an object shows itself as
 * a MIME bundle, as Jupyter's {@code display_data} message carries it and as IPython's
 * {@code _repr_mimebundle_} returns it. Keys are MIME types; values are what Jupyter puts in the
 * message's {@code data}: text for {@code text/plain}, {@code text/html} and
 * {@code image/svg+xml}, base64 text for {@code image/png}, and a JSON-ready tree of
 * {@code Map}/{@code List}/{@code String}/{@code Number}/{@code Boolean} for JSON types such as
 * {@code application/vnd.vegalite.v5+json}.
 *
 * <p>The contract is structural: a kernel renders any object with a public no-argument method
 * {@code Map<String, Object> mimeBundle()} (and, if present, {@code mimeMetadata()}), found by
 * reflection, whether or not it implements this interface. So modules below plotting
 * ({@code ndarray}, {@code stats}, ...) can take part by declaring the method, without depending
 * on plotting or on any kernel; plotting's figures implement the interface to make it explicit.
 * See docs/plotting.md, "Display in notebooks".
 */
public interface Displayable {
    String TEXT = "text/plain";
    String HTML = "text/html";
    String PNG = "image/png";
    String SVG = "image/svg+xml";
    String VEGA_LITE = "application/vnd.vegalite.v5+json";

    /** The representations of this object, most preferred first; always has {@code text/plain}. */
    Map<String, Object> mimeBundle();

    /**
     * Jupyter's per-type metadata, e.g. {@code {"image/png": {"width": 800, "height": 500}}} so
     * that a high-DPI PNG is shown at its logical size. Empty by default.
     */
    default Map<String, Object> mimeMetadata() {
        return Map.of();
    }
}
