package dev.strix.ndarray;

import java.util.ArrayList;
import java.util.List;

/** Parses NumPy subscript text such as {@code "1:5, ::2, -1"}, {@code "..., newaxis"} or {@code "[0, 2], :"}. */
final class IndexParser {
    private IndexParser() {
    }

    static Index[] parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("index text is null");
        }
        if (text.trim().isEmpty()) {
            return new Index[0];
        }
        List<Index> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ',';
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
                if (depth < 0) {
                    throw error(text, i, "unmatched ']'");
                }
            } else if (c == ',' && depth == 0) {
                out.add(item(text, start, i));
                start = i + 1;
            }
        }
        if (depth != 0) {
            throw error(text, text.lastIndexOf('['), "unclosed '['");
        }
        return out.toArray(new Index[0]);
    }

    private static Index item(String text, int from, int to) {
        String raw = text.substring(from, to);
        String s = raw.trim();
        int pos = from + (raw.length() - raw.stripLeading().length());
        if (s.isEmpty()) {
            throw error(text, pos, "empty index item");
        }
        if (s.equals("...")) {
            return Index.ellipsis();
        }
        if (s.equals("newaxis") || s.equals("None") || s.equals("np.newaxis")) {
            return Index.newAxis();
        }
        if (s.startsWith("[")) {
            if (!s.endsWith("]")) {
                throw error(text, pos, "a list index must end with ']'");
            }
            return list(text, pos, s.substring(1, s.length() - 1));
        }
        if (s.indexOf(':') >= 0) {
            String[] parts = s.split(":", -1);
            if (parts.length > 3) {
                throw error(text, pos, "a slice has at most two ':'");
            }
            Integer start = parseOptional(text, pos, parts[0]);
            Integer stop = parseOptional(text, pos, parts[1]);
            Integer step = parts.length == 3 ? parseOptional(text, pos, parts[2]) : null;
            if (step != null && step == 0) {
                throw error(text, pos, "slice step cannot be zero");
            }
            return Index.slice(start, stop, step == null ? 1 : step);
        }
        return Index.at(parseInt(text, pos, s));
    }

    private static Index list(String text, int pos, String body) {
        String[] parts = body.trim().isEmpty() ? new String[0] : body.split(",");
        boolean bools = parts.length > 0 && isBool(parts[0].trim());
        if (bools) {
            boolean[] m = new boolean[parts.length];
            for (int i = 0; i < parts.length; i++) {
                String p = parts[i].trim();
                if (!isBool(p)) {
                    throw error(text, pos, "a list index mixes booleans and '" + p + "'");
                }
                m[i] = p.equalsIgnoreCase("true");
            }
            return Index.array(NdArray.wrap(m, m.length));
        }
        long[] v = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            v[i] = parseInt(text, pos, parts[i].trim());
        }
        return Index.array(NdArray.wrap(v, v.length));
    }

    private static boolean isBool(String s) {
        return s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false");
    }

    private static Integer parseOptional(String text, int pos, String s) {
        String t = s.trim();
        return t.isEmpty() ? null : parseInt(text, pos, t);
    }

    private static int parseInt(String text, int pos, String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw error(text, pos, "'" + s.trim() + "' is not an integer, a slice (start:stop:step), '...', 'newaxis' or a [list]");
        }
    }

    private static IllegalArgumentException error(String text, int pos, String what) {
        return new IllegalArgumentException("index syntax error in \"" + text + "\" at position " + pos + ": " + what);
    }
}
