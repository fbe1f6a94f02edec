package dev.strix.regression.internal;

import java.util.Locale;

/** Python's {@code %} number formats, so that summaries print what statsmodels prints. */
public final class PyFormat {
    private PyFormat() {}

    /** {@code "%W.Pf"}. */
    public static String f(double v, int width, int prec) {
        if (!Double.isFinite(v)) {
            return pad(special(v), width);
        }
        return pad(String.format(Locale.ROOT, "%." + prec + "f", v), width);
    }

    /** {@code "%W.Pg"} ({@code alt} = the {@code #} flag: keep trailing zeros and the point). */
    public static String g(double v, int width, int prec, boolean alt) {
        if (!Double.isFinite(v)) {
            return pad(special(v), width);
        }
        int p = Math.max(prec, 1);
        String s;
        if (v == 0) {
            s = alt ? (p > 1 ? "0." + "0".repeat(p - 1) : "0.") : "0";
            if (1 / v < 0) {
                s = "-" + s;
            }
            return pad(s, width);
        }
        String e = String.format(Locale.ROOT, "%." + (p - 1) + "e", v);
        int ei = e.indexOf('e');
        int exp = Integer.parseInt(e.substring(ei + 1));
        if (exp >= -4 && exp < p) {
            s = String.format(Locale.ROOT, "%." + (p - 1 - exp) + "f", v);
            if (alt && !s.contains(".")) {
                s = s + ".";
            }
            if (!alt) {
                s = strip(s);
            }
        } else {
            String mant = e.substring(0, ei);
            if (alt && !mant.contains(".")) {
                mant = mant + ".";
            }
            if (!alt) {
                mant = strip(mant);
            }
            String ex = e.substring(ei + 1);
            char sign = ex.charAt(0) == '-' ? '-' : '+';
            String digits = ex.replaceFirst("^[+-]", "");
            if (digits.length() < 2) {
                digits = "0" + digits;
            }
            s = mant + "e" + sign + digits;
        }
        return pad(s, width);
    }

    /** {@code "%Wd"}. */
    public static String d(long v, int width) {
        return pad(Long.toString(v), width);
    }

    /** Python's {@code str.center}. */
    public static String center(String s, int width) {
        int pad = width - s.length();
        if (pad <= 0) {
            return s;
        }
        int left = pad / 2 + (pad & width & 1);
        return " ".repeat(left) + s + " ".repeat(pad - left);
    }

    public static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    public static String padRight(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    private static String strip(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceFirst("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    private static String special(double v) {
        return Double.isNaN(v) ? "nan" : v > 0 ? "inf" : "-inf";
    }
}
