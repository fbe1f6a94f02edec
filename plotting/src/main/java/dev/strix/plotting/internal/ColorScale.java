package dev.strix.plotting.internal;

import java.awt.Color;
import java.awt.Paint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.renderer.PaintScale;

/**
 * A continuous colour scale for heat maps, contours and colour-by-value, optionally quantised to
 * bands (filled contours). Two palettes: viridis (perceptually uniform, readable in grey and
 * under colour-vision deficiencies), interpolated linearly between nine anchor colours of
 * matplotlib's table; and a diverging blue-white-red palette (ColorBrewer's RdBu, reversed as
 * matplotlib's {@code RdBu_r}) whose white middle sits at a given centre, for signed data such as
 * correlations. NaN maps to light grey.
 */
public final class ColorScale implements PaintScale {
    private static final int[] VIRIDIS = {
        0x440154, 0x472c7a, 0x3b518b, 0x2c718e, 0x21908d, 0x27ad81, 0x5cc863, 0xaadc32, 0xfde725
    };
    /** ColorBrewer RdBu (11 classes), from dark blue (low) through white to dark red (high). */
    private static final int[] RDBU_R = {
        0x053061, 0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0, 0xf7f7f7, 0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b, 0x67001f
    };
    public static final Color MISSING = new Color(0xEEEEEE);

    private final double lower;
    private final double upper;
    private final double[] bands; // null: continuous; else sorted band edges
    private final double center; // NaN: sequential (viridis); else the diverging palette's middle
    private final int[] anchors;

    public ColorScale(double lower, double upper) {
        this(lower, upper, null);
    }

    public ColorScale(double lower, double upper, double[] bands) {
        this(lower, upper, bands, Double.NaN);
    }

    /**
     * A scale over [lower, upper]; with a finite {@code center} (inside the range) the diverging
     * palette, white at the centre, each side stretched over its own half of the range.
     */
    public ColorScale(double lower, double upper, double[] bands, double center) {
        if (!(upper > lower)) {
            double pad = lower == 0 ? 0.5 : Math.abs(lower) * 0.05;
            lower -= pad;
            upper += pad;
        }
        this.lower = lower;
        this.upper = upper;
        this.bands = bands;
        this.center = Double.isNaN(center) ? Double.NaN : Math.max(lower, Math.min(upper, center));
        this.anchors = Double.isNaN(center) ? VIRIDIS : RDBU_R;
    }

    public boolean diverging() {
        return !Double.isNaN(center);
    }

    public double center() {
        return center;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        return color(value);
    }

    public Color color(double value) {
        if (Double.isNaN(value)) {
            return MISSING;
        }
        double v = value;
        if (bands != null) {
            // The colour of a band is the colour of its middle.
            double lo = lower;
            double hi = upper;
            for (double b : bands) {
                if (b <= value) {
                    lo = b;
                } else {
                    hi = b;
                    break;
                }
            }
            v = (lo + hi) / 2;
        }
        return interpolate(anchors, position(v));
    }

    /** Where v falls on the palette, 0 to 1 (clamped): linear, or piecewise linear about the centre. */
    double position(double v) {
        if (Double.isNaN(center)) {
            return (v - lower) / (upper - lower);
        }
        if (v < center) {
            return center > lower ? 0.5 * (v - lower) / (center - lower) : 0.5;
        }
        return upper > center ? 0.5 + 0.5 * (v - center) / (upper - center) : 0.5;
    }

    /** The viridis colour at t in [0, 1] (clamped). */
    public static Color at(double t) {
        return interpolate(VIRIDIS, t);
    }

    /** The diverging palette's colour at t in [0, 1] (clamped): 0 dark blue, 0.5 white, 1 dark red. */
    public static Color divergingAt(double t) {
        return interpolate(RDBU_R, t);
    }

    private static Color interpolate(int[] anchors, double t) {
        t = Math.max(0, Math.min(1, t));
        double pos = t * (anchors.length - 1);
        int i = Math.min((int) pos, anchors.length - 2);
        double f = pos - i;
        int a = anchors[i];
        int b = anchors[i + 1];
        int r = (int) Math.round(((a >> 16) & 255) * (1 - f) + ((b >> 16) & 255) * f);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - f) + ((b >> 8) & 255) * f);
        int bl = (int) Math.round((a & 255) * (1 - f) + (b & 255) * f);
        return new Color(r, g, bl);
    }

    /**
     * The matching Vega-Lite scale: Vega's {@code viridis} scheme, or its {@code redblue}
     * (ColorBrewer RdBu) reversed with {@code domainMid} at the centre; the domain is given when
     * it is not simply the data's range.
     */
    public Map<String, Object> vegaScale(boolean explicitDomain) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (diverging()) {
            m.put("scheme", "redblue");
            m.put("reverse", true);
            m.put("domainMid", center);
        } else {
            m.put("scheme", "viridis");
        }
        if (explicitDomain || diverging()) {
            m.put("domain", List.of(lower, upper));
            m.put("clamp", true);
        }
        return m;
    }

    /**
     * The relative luminance of a colour (WCAG 2: linearised sRGB, 0 black to 1 white).
     */
    public static double luminance(Color c) {
        double r = linear(c.getRed() / 255.0);
        double g = linear(c.getGreen() / 255.0);
        double b = linear(c.getBlue() / 255.0);
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    }

    private static double linear(double s) {
        return s <= 0.03928 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
    }

    /** Text colour readable on a background: near-black on light colours, white on dark ones (seaborn's rule). */
    public static Color textOn(Color background) {
        return luminance(background) > 0.408 ? new Color(0x262626) : Color.WHITE;
    }
}
