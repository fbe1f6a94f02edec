package dev.strix.ndarray;

/**
 * The element type of an {@link NdArray}.
 *
 * <p>Promotion follows NumPy for the types Strix has: {@code bool < int32 < int64 < float64} and
 * {@code float32 < float64}; mixing an integer type with {@code float32} gives {@code float64}
 * (NumPy's rule, since float32 cannot hold every int32 exactly).
 */
public enum DType {
    BOOL("bool", 1, "|b1"),
    INT32("int32", 4, "<i4"),
    INT64("int64", 8, "<i8"),
    FLOAT32("float32", 4, "<f4"),
    FLOAT64("float64", 8, "<f8");

    private final String numpyName;
    private final int itemSize;
    private final String npyDescr;

    DType(String numpyName, int itemSize, String npyDescr) {
        this.numpyName = numpyName;
        this.itemSize = itemSize;
        this.npyDescr = npyDescr;
    }

    /** NumPy's name for the type, e.g. {@code "float64"}. */
    public String numpyName() {
        return numpyName;
    }

    /** Bytes per element in the {@code .npy} representation. */
    public int itemSize() {
        return itemSize;
    }

    /** The little-endian {@code .npy} descriptor, e.g. {@code "<f8"}. */
    public String npyDescr() {
        return npyDescr;
    }

    public boolean isFloating() {
        return this == FLOAT32 || this == FLOAT64;
    }

    public boolean isInteger() {
        return this == INT32 || this == INT64;
    }

    /** The type NumPy's binary operations compute in for operands of types {@code a} and {@code b}. */
    public static DType promote(DType a, DType b) {
        if (a == b) {
            return a;
        }
        if (a.isFloating() && b.isFloating()) {
            return FLOAT64;
        }
        if (a == FLOAT32 || b == FLOAT32) {
            DType other = a == FLOAT32 ? b : a;
            return other == BOOL ? FLOAT32 : FLOAT64;
        }
        return a.ordinal() > b.ordinal() ? a : b;
    }

    /** The floating type a real-valued function (exp, sqrt, mean...) returns for this input type. */
    public DType toFloating() {
        return this == FLOAT32 ? FLOAT32 : FLOAT64;
    }

    /** Parses a NumPy type name ({@code "float64"}, {@code "f8"}, {@code "int32"}, {@code "bool"}...). */
    public static DType parse(String name) {
        String n = name.trim().toLowerCase(java.util.Locale.ROOT);
        switch (n) {
            case "bool": case "b1": case "?": case "boolean": return BOOL;
            case "int32": case "i4": case "int": return INT32;
            case "int64": case "i8": case "long": return INT64;
            case "float32": case "f4": case "float": return FLOAT32;
            case "float64": case "f8": case "double": return FLOAT64;
            default:
                throw new IllegalArgumentException("DType.parse: unknown dtype '" + name
                        + "'; expected one of bool, int32, int64, float32, float64");
        }
    }

    @Override
    public String toString() {
        return numpyName;
    }
}
