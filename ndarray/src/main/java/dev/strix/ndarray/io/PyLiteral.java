package dev.strix.ndarray.io;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict parser for the subset of Python literals that {@code .npy} headers use: dicts, tuples,
 * lists, strings, integers (with an optional Python 2 {@code L} suffix), {@code True},
 * {@code False} and {@code None}. Nothing is evaluated.
 */
final class PyLiteral {
    /** A parse failure at a character index of the parsed text. */
    static final class Error extends Exception {
        private static final long serialVersionUID = 1L;
        final int index;

        Error(int index, String message) {
            super(message);
            this.index = index;
        }
    }

    /** A Python tuple (as opposed to a list). */
    static final class Tuple {
        final List<Object> items;

        Tuple(List<Object> items) {
            this.items = Collections.unmodifiableList(items);
        }
    }

    /** An integer too large for a long. */
    static final class BigInt {
        final String digits;

        BigInt(String digits) {
            this.digits = digits;
        }
    }

    private final String s;
    private int i;

    private PyLiteral(String s) {
        this.s = s;
    }

    /**
     * Parses one literal filling the whole text (surrounding whitespace allowed). Values are
     * String, Long, {@link BigInt}, Boolean, null (None), {@link Tuple}, List and
     * {@code Map<String,Object>} (insertion-ordered; a non-string key is an error).
     */
    static Object parse(String text) throws Error {
        PyLiteral p = new PyLiteral(text);
        p.skipWs();
        Object v = p.value(0);
        p.skipWs();
        if (p.i < text.length()) {
            throw new Error(p.i, "unexpected " + p.describe(p.i) + " after the end of the literal");
        }
        return v;
    }

    private Object value(int depth) throws Error {
        if (depth > 32) {
            throw new Error(i, "literal nested too deeply");
        }
        if (i >= s.length()) {
            throw new Error(i, "unexpected end of header, expected a value");
        }
        char c = s.charAt(i);
        switch (c) {
            case '{': return dict(depth);
            case '(': return sequence(depth, ')');
            case '[': return sequence(depth, ']');
            case '\'': case '"': return string();
            default:
                if (c == '-' || c == '+' || (c >= '0' && c <= '9')) {
                    return integer();
                }
                if (Character.isLetter(c)) {
                    int start = i;
                    while (i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                        i++;
                    }
                    String word = s.substring(start, i);
                    switch (word) {
                        case "True": return Boolean.TRUE;
                        case "False": return Boolean.FALSE;
                        case "None": return null;
                        default: throw new Error(start, "unexpected name '" + word + "', expected a literal");
                    }
                }
                throw new Error(i, "unexpected " + describe(i) + ", expected a value");
        }
    }

    private Map<String, Object> dict(int depth) throws Error {
        int open = i;
        i++; // '{'
        Map<String, Object> m = new LinkedHashMap<>();
        skipWs();
        while (true) {
            if (i >= s.length()) {
                throw new Error(open, "unterminated dict: no closing '}' before the end of the header");
            }
            if (s.charAt(i) == '}') {
                i++;
                return m;
            }
            int keyAt = i;
            char c = s.charAt(i);
            if (c != '\'' && c != '"') {
                throw new Error(i, "unexpected " + describe(i) + ", expected a string key or '}'");
            }
            String key = string();
            if (m.containsKey(key)) {
                throw new Error(keyAt, "duplicate key '" + key + "'");
            }
            skipWs();
            expect(':');
            skipWs();
            m.put(key, value(depth + 1));
            skipWs();
            if (i < s.length() && s.charAt(i) == ',') {
                i++;
                skipWs();
            } else if (i < s.length() && s.charAt(i) != '}') {
                throw new Error(i, "unexpected " + describe(i) + ", expected ',' or '}'");
            }
        }
    }

    private Object sequence(int depth, char close) throws Error {
        int open = i;
        i++;
        List<Object> items = new ArrayList<>();
        boolean sawComma = false;
        skipWs();
        while (true) {
            if (i >= s.length()) {
                throw new Error(open, "unterminated " + (close == ')' ? "tuple" : "list") + ": no closing '"
                        + close + "' before the end of the header");
            }
            if (s.charAt(i) == close) {
                i++;
                break;
            }
            items.add(value(depth + 1));
            skipWs();
            if (i < s.length() && s.charAt(i) == ',') {
                sawComma = true;
                i++;
                skipWs();
            } else if (i < s.length() && s.charAt(i) != close) {
                throw new Error(i, "unexpected " + describe(i) + ", expected ',' or '" + close + "'");
            }
        }
        if (close == ']') {
            return items;
        }
        if (items.size() == 1 && !sawComma) {
            return items.get(0); // (x) is just a parenthesised x in Python
        }
        return new Tuple(items);
    }

    private String string() throws Error {
        int open = i;
        char q = s.charAt(i++);
        StringBuilder b = new StringBuilder();
        while (true) {
            if (i >= s.length() || s.charAt(i) == '\n') {
                throw new Error(open, "unterminated string literal");
            }
            char c = s.charAt(i++);
            if (c == q) {
                return b.toString();
            }
            if (c == '\\') {
                if (i >= s.length()) {
                    throw new Error(open, "unterminated string literal");
                }
                char e = s.charAt(i++);
                switch (e) {
                    case 'n': b.append('\n'); break;
                    case 't': b.append('\t'); break;
                    case 'r': b.append('\r'); break;
                    case '0': b.append('\0'); break;
                    default: b.append(e); break; // \\ \' \" and anything else literally
                }
            } else {
                b.append(c);
            }
        }
    }

    private Object integer() throws Error {
        int start = i;
        if (s.charAt(i) == '-' || s.charAt(i) == '+') {
            i++;
        }
        int digits = i;
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == digits) {
            throw new Error(start, "malformed number");
        }
        String text = s.substring(start, i);
        if (i < s.length() && (s.charAt(i) == 'L' || s.charAt(i) == 'l')) {
            i++; // Python 2 long
        }
        if (i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == 'e' || s.charAt(i) == 'E'
                || Character.isLetter(s.charAt(i)))) {
            throw new Error(start, "malformed integer '" + s.substring(start, Math.min(s.length(), i + 1)) + "'");
        }
        try {
            return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            return new BigInt(text);
        }
    }

    private void expect(char c) throws Error {
        if (i >= s.length() || s.charAt(i) != c) {
            throw new Error(i, "unexpected " + describe(i) + ", expected '" + c + "'");
        }
        i++;
    }

    private void skipWs() {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
                i++;
            } else {
                break;
            }
        }
    }

    private String describe(int at) {
        if (at >= s.length()) {
            return "end of header";
        }
        char c = s.charAt(at);
        if (c >= 0x20 && c < 0x7f) {
            return "character '" + c + "'";
        }
        return String.format("character U+%04X", (int) c);
    }
}
