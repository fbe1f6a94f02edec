package dev.strix.plotting.internal;

import java.awt.Color;
import java.awt.Paint;
import org.jfree.chart.renderer.PaintScale;

/**
 * A continuous colour scale for heat maps, contours and colour-by-value: viridis (perceptually
 * uniform, readable in grey and under colour-vision deficiencies), interpolated linearly between
 * nine anchor colours of matplotlib's table. Optionally quantised to bands (filled contours).
 * NaN maps to light grey.
 */
public final class ColorScale implements PaintScale {
    private static final int[] VIRIDIS = {
        0x440154, 0x472c7a, 0x3b518b, 0x2c718e, 0x21908d, 0x27ad81, 0x5cc863, 0xaadc32, 0xfde725
    };
    public static final Color MISSING = new Color(0xEEEEEE);

    private final double lower;
    private final double upper;
    private final double[] bands; // null: continuous; else sorted band edges

    public ColorScale(double lower, double upper) {
        this(lower, upper, null);
    }

    public ColorScale(double lower, double upper, double[] bands) {
        if (!(upper > lower)) {
            double pad = lower == 0 ? 0.5 : Math.abs(lower) * 0.05;
            lower -= pad;
            upper += pad;
        }
        this.lower = lower;
        this.upper = upper;
        this.bands = bands;
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
        return at((v - lower) / (upper - lower));
    }

    /** The colour at t in [0, 1] (clamped). */
    public static Color at(double t) {
        t = Math.max(0, Math.min(1, t));
        double pos = t * (VIRIDIS.length - 1);
        int i = Math.min((int) pos, VIRIDIS.length - 2);
        double f = pos - i;
        int a = VIRIDIS[i];
        int b = VIRIDIS[i + 1];
        int r = (int) Math.round(((a >> 16) & 255) * (1 - f) + ((b >> 16) & 255) * f);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - f) + ((b >> 8) & 255) * f);
        int bl = (int) Math.round((a & 255) * (1 - f) + (b & 255) * f);
        return new Color(r, g, bl);
    }

    /** Vega-Lite range: the anchor colours as hex strings. */
    public static java.util.List<String> vegaRange() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int c : VIRIDIS) {
            out.add(String.format("#%06x", c));
        }
        return out;
    }
}
