package dev.strix.ndarray.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strix.ndarray.DType;
import dev.strix.ndarray.Index;
import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs one oracle case's NumPy op with Strix; returns the named outputs. */
final class StrixOps {
    private final JsonNode params;
    private final JsonNode inputs;

    StrixOps(JsonNode caseNode) {
        this.params = caseNode.get("params");
        this.inputs = caseNode.get("inputs");
    }

    /** Input {@code name}, cast as the params say, and taken as a strided view when a slice is given. */
    NdArray in(String name) {
        JsonNode node = inputs.get(name);
        if (node == null) {
            throw new AssertionError("case has no input '" + name + "'");
        }
        NdArray v = cast(name, OracleCases.decode(node));
        JsonNode slice = params.get(name + "_slice");
        if (slice == null) {
            return v;
        }
        NdArray base = cast(name, OracleCases.decode(inputs.get(name + "_base")));
        NdArray view = base.get(slice.asText());
        if (!view.equals(v)) {
            throw new AssertionError("test setup: " + name + "_base[" + slice.asText() + "] is " + view
                    + " but the case lists " + v);
        }
        return view;
    }

    private NdArray cast(String name, NdArray v) {
        JsonNode dt = params.has(name + "_dtype") ? params.get(name + "_dtype") : params.get("dtype");
        if (dt == null || dt.isNull() || name.equals("mask")) {
            return v;
        }
        return v.astype(DType.parse(dt.asText()));
    }

    private boolean hasAxis() {
        JsonNode a = params.get("axis");
        return a != null && !a.isNull();
    }

    private int axis() {
        return params.get("axis").asInt();
    }

    /** The axis param as an int[]: null or absent gives {@code null} (all axes). */
    private int[] axes() {
        if (!hasAxis()) {
            return null;
        }
        JsonNode a = params.get("axis");
        if (a.isArray()) {
            int[] r = new int[a.size()];
            for (int i = 0; i < r.length; i++) {
                r[i] = a.get(i).asInt();
            }
            return r;
        }
        return new int[] {a.asInt()};
    }

    private int[] axesOrEmpty() {
        int[] a = axes();
        return a == null ? new int[0] : a;
    }

    private boolean keepDims() {
        return params.path("keepdims").asBoolean(false);
    }

    private int ddof() {
        return params.path("ddof").asInt(0);
    }

    private static int[] ints(JsonNode arr) {
        int[] r = new int[arr.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = arr.get(i).asInt();
        }
        return r;
    }

    private List<NdArray> numbered(String prefix) {
        List<NdArray> xs = new ArrayList<>();
        for (int i = 0; inputs.has(prefix + i); i++) {
            xs.add(in(prefix + i));
        }
        return xs;
    }

    static Map<String, NdArray> out(NdArray a) {
        Map<String, NdArray> m = new LinkedHashMap<>();
        m.put("out", a);
        return m;
    }

    Map<String, NdArray> run(String op) {
        switch (op) {
            // ---------------------------------------------------------------- element-wise, unary
            case "exp": return out(in("x").exp());
            case "log": return out(in("x").log());
            case "log1p": return out(in("x").log1p());
            case "expm1": return out(in("x").expm1());
            case "sqrt": return out(in("x").sqrt());
            case "sin": return out(in("x").sin());
            case "cos": return out(in("x").cos());
            case "tan": return out(in("x").tan());
            case "tanh": return out(in("x").tanh());
            case "arctan": return out(in("x").atan());
            case "abs": return out(in("x").abs());
            case "round": return out(in("x").round(params.path("decimals").asInt(0)));
            case "clip": {
                JsonNode lo = params.get("lo");
                JsonNode hi = params.get("hi");
                // Python int bounds are Java longs (keep int types); float bounds are doubles.
                return out(lo.isIntegralNumber() && hi.isIntegralNumber()
                        ? in("x").clip(lo.asLong(), hi.asLong())
                        : in("x").clip(lo.asDouble(), hi.asDouble()));
            }
            // ---------------------------------------------------------------- element-wise, binary
            case "add": return out(in("a").add(in("b")));
            case "subtract": return out(in("a").sub(in("b")));
            case "multiply": return out(in("a").mul(in("b")));
            case "divide": return out(in("a").div(in("b")));
            case "power": return out(in("a").pow(in("b")));
            case "maximum": return out(in("a").maximum(in("b")));
            case "minimum": return out(in("a").minimum(in("b")));
            case "arctan2": return out(in("a").atan2(in("b")));
            case "hypot": return out(in("a").hypot(in("b")));
            case "floor_divide": return out(in("a").floorDiv(in("b")));
            case "remainder": return out(in("a").mod(in("b")));
            case "equal": return out(in("a").eq(in("b")));
            case "not_equal": return out(in("a").ne(in("b")));
            case "less": return out(in("a").lt(in("b")));
            case "less_equal": return out(in("a").le(in("b")));
            case "greater": return out(in("a").gt(in("b")));
            case "greater_equal": return out(in("a").ge(in("b")));
            // ---------------------------------------------------------------- reductions
            case "sum": return out(in("x").sum(axes(), keepDims()));
            case "mean": return out(in("x").mean(axes(), keepDims()));
            case "prod": return out(in("x").prod(axes(), keepDims()));
            case "min": return out(in("x").min(axes(), keepDims()));
            case "max": return out(in("x").max(axes(), keepDims()));
            case "var": return out(in("x").var(axes(), ddof(), keepDims()));
            case "std": return out(in("x").std(axes(), ddof(), keepDims()));
            case "argmax": return out(hasAxis() ? in("x").argmax(axis(), keepDims()) : in("x").argmax());
            case "argmin": return out(hasAxis() ? in("x").argmin(axis(), keepDims()) : in("x").argmin());
            case "cumsum": return out(hasAxis() ? in("x").cumsum(axis()) : in("x").cumsum());
            case "cumprod": return out(hasAxis() ? in("x").cumprod(axis()) : in("x").cumprod());
            case "nansum": return out(in("x").nanSum(axesOrEmpty()));
            case "nanmean": return out(in("x").nanMean(axesOrEmpty()));
            case "nanmax": return out(in("x").nanMax(axesOrEmpty()));
            case "nanmin": return out(in("x").nanMin(axesOrEmpty()));
            case "nanprod": return out(in("x").nanProd(axesOrEmpty()));
            case "nanvar": return out(in("x").nanVar(axes(), ddof(), keepDims()));
            case "nanstd": return out(in("x").nanStd(axes(), ddof(), keepDims()));
            case "nanargmax": return out(hasAxis() ? in("x").nanArgmax(axis()) : in("x").nanArgmax());
            case "nanargmin": return out(hasAxis() ? in("x").nanArgmin(axis()) : in("x").nanArgmin());
            // ---------------------------------------------------------------- sorting and searching
            case "sort": return out(hasAxis() ? in("x").sort(axis()) : in("x").ravel().sort());
            case "argsort": {
                String kind = params.path("kind").asText("stable");
                if (!kind.equals("stable")) {
                    throw new AssertionError("argsort kind " + kind + ": Strix's argsort is always stable");
                }
                return out(hasAxis() ? in("x").argsort(axis()) : in("x").ravel().argsort());
            }
            case "unique": {
                NdArray.Unique u = in("x").unique();
                Map<String, NdArray> m = new LinkedHashMap<>();
                m.put("values", u.values());
                m.put("counts", u.counts());
                return m;
            }
            case "searchsorted":
                return out(in("a").searchSorted(in("v"), params.get("side").asText().equals("right")));
            // ---------------------------------------------------------------- linear algebra
            case "matmul": return out(in("a").matmul(in("b")));
            case "dot": return out(in("a").dot(in("b")));
            // ---------------------------------------------------------------- shape work
            case "concatenate": return out(Nd.concat(axis(), numbered("a")));
            case "stack": return out(Nd.stack(axis(), numbered("a")));
            case "tile": return out(in("x").tile(ints(params.get("reps"))));
            case "repeat": {
                JsonNode r = params.get("repeats");
                NdArray x = in("x");
                if (!hasAxis()) {
                    if (!r.isInt()) {
                        throw new AssertionError("repeat without axis and with a list of repeats: no Strix overload");
                    }
                    return out(x.repeat(r.asInt()));
                }
                return out(r.isArray() ? x.repeat(ints(r), axis()) : x.repeat(r.asInt(), axis()));
            }
            case "pad": {
                JsonNode w = params.get("widths");
                int[][] widths = new int[w.size()][];
                for (int i = 0; i < widths.length; i++) {
                    widths[i] = ints(w.get(i));
                }
                String mode = params.get("mode").asText();
                NdArray x = in("x");
                switch (mode) {
                    case "constant": return out(x.pad(widths, params.path("value").asDouble(0.0)));
                    case "edge": return out(x.pad(widths, NdArray.PadMode.EDGE));
                    case "reflect": return out(x.pad(widths, NdArray.PadMode.REFLECT));
                    default: throw new AssertionError("pad mode " + mode + " has no Strix counterpart");
                }
            }
            case "roll": {
                int shift = params.get("shift").asInt();
                return out(hasAxis() ? in("x").roll(shift, axis()) : in("x").roll(shift));
            }
            case "flip": return out(in("x").flip(axesOrEmpty()));
            case "rot90": {
                int[] ax = ints(params.get("axes"));
                return out(in("x").rot90(params.get("k").asInt(), ax[0], ax[1]));
            }
            // ---------------------------------------------------------------- indexing
            case "getitem": return out(getItem(in("x"), params.get("index").asText()));
            case "setitem": {
                NdArray x = in("x").copy();
                String text = params.get("index").asText();
                if (!text.contains("mask") && !text.contains("[[")) {
                    x.set(text, in("value"));
                } else {
                    x.set(in("value"), typedIndex(text));
                }
                return out(x);
            }
            case "reshape": return out(in("x").reshape(ints(params.get("shape"))));
            default:
                throw new AssertionError("op '" + op + "' has no Strix mapping in the oracle test");
        }
    }

    /**
     * {@code x[text]}. Plain subscript text goes through {@link NdArray#get(String)}; text naming the
     * boolean input {@code mask}, or holding a nested list (which the text parser does not take),
     * is turned into typed {@link Index} items here.
     */
    private NdArray getItem(NdArray x, String text) {
        if (!text.contains("mask") && !text.contains("[[")) {
            return x.get(text);
        }
        return x.get(typedIndex(text));
    }

    /** Subscript text as typed {@link Index} items; {@code mask} names the boolean input. */
    private Index[] typedIndex(String text) {
        List<Index> items = new ArrayList<>();
        for (String item : splitTop(text)) {
            String s = item.trim();
            if (s.equals("mask")) {
                items.add(Index.array(in("mask")));
            } else if (s.startsWith("[")) {
                items.add(Index.array(nestedList(s)));
            } else if (s.contains(":")) {
                String[] p = s.split(":", -1);
                items.add(Index.slice(optInt(p[0]), optInt(p[1]), p.length > 2 && !p[2].isBlank()
                        ? Integer.parseInt(p[2].trim()) : 1));
            } else if (s.equals("...")) {
                items.add(Index.ellipsis());
            } else {
                items.add(Index.at(Integer.parseInt(s)));
            }
        }
        return items.toArray(new Index[0]);
    }

    private static Integer optInt(String s) {
        return s.isBlank() ? null : Integer.valueOf(s.trim());
    }

    private static List<String> splitTop(String text) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == ',' && depth == 0) {
                out.add(text.substring(start, i));
                start = i + 1;
            }
        }
        out.add(text.substring(start));
        return out;
    }

    /** A rectangular nested integer list such as {@code [[0,1],[2,3]]} as an int64 array. */
    private static NdArray nestedList(String s) {
        String t = s.trim();
        if (!t.startsWith("[")) {
            return Nd.scalar(Long.parseLong(t));
        }
        List<String> parts = splitTop(t.substring(1, t.length() - 1));
        List<NdArray> rows = new ArrayList<>();
        for (String p : parts) {
            rows.add(nestedList(p));
        }
        return Nd.stack(0, rows);
    }
}
