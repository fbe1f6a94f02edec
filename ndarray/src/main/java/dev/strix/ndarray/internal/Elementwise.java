package dev.strix.ndarray.internal;

import dev.strix.ndarray.DType;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.ShapeMismatchException;
import java.util.Arrays;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongUnaryOperator;
import org.apache.commons.numbers.gamma.Erf;
import org.apache.commons.numbers.gamma.Erfc;

/**
 * Element-wise operations with NumPy broadcasting and type promotion. Each operation is written
 * once per value domain ({@code double} for float64/float32, {@code long} for int64/int32); float32
 * is computed in double and rounded once, int32 in long and wrapped, which gives NumPy's results for
 * the exactly rounded operations and at least as accurate ones for the others.
 */
public final class Elementwise {
    private Elementwise() {
    }

    /** Binary arithmetic. A null long form means integer operands compute in float64. */
    public enum Binary {
        ADD("add", (a, b) -> a + b, (a, b) -> a + b, KernelProvider.Op2.ADD),
        SUB("sub", (a, b) -> a - b, (a, b) -> a - b, KernelProvider.Op2.SUB),
        MUL("mul", (a, b) -> a * b, (a, b) -> a * b, KernelProvider.Op2.MUL),
        DIV("div", (a, b) -> a / b, null, KernelProvider.Op2.DIV),
        FLOOR_DIV("floorDiv", Elementwise::floorDivDouble, (a, b) -> b == 0 ? 0 : Math.floorDiv(a, b)),
        MOD("mod", Elementwise::modDouble, (a, b) -> b == 0 ? 0 : Math.floorMod(a, b)),
        POW("pow", Elementwise::powDouble, Elementwise::powLong),
        MINIMUM("minimum", Math::min, Math::min, KernelProvider.Op2.MIN),
        MAXIMUM("maximum", Math::max, Math::max, KernelProvider.Op2.MAX),
        ATAN2("atan2", Math::atan2, null),
        HYPOT("hypot", Math::hypot, null);

        final String opName;
        final DoubleBinaryOperator d;
        final LongBinaryOperator l;
        /** The contiguous kernel, or null when the operation has none. */
        final KernelProvider.Op2 kernel;

        Binary(String opName, DoubleBinaryOperator d, LongBinaryOperator l) {
            this(opName, d, l, null);
        }

        Binary(String opName, DoubleBinaryOperator d, LongBinaryOperator l, KernelProvider.Op2 kernel) {
            this.opName = opName;
            this.d = d;
            this.l = l;
            this.kernel = kernel;
        }
    }

    /** The general (strided) path's per-element call. */
    static double applyD(Binary op, double a, double b) {
        return op.d.applyAsDouble(a, b);
    }

    static long applyL(Binary op, long a, long b) {
        return op.l.applyAsLong(a, b);
    }

    static double applyD(Unary op, double a) {
        return op.d.applyAsDouble(a);
    }

    /** Comparisons and logical operations; all give bool arrays. */
    public enum Compare {
        EQ("eq", KernelProvider.Cmp.EQ), NE("ne", KernelProvider.Cmp.NE), LT("lt", KernelProvider.Cmp.LT),
        LE("le", KernelProvider.Cmp.LE), GT("gt", KernelProvider.Cmp.GT), GE("ge", KernelProvider.Cmp.GE),
        AND("and", null), OR("or", null), XOR("xor", null);

        final String opName;
        /** The contiguous kernel, or null for the logical operations. */
        final KernelProvider.Cmp kernel;

        Compare(String opName, KernelProvider.Cmp kernel) {
            this.opName = opName;
            this.kernel = kernel;
        }

        boolean test(double a, double b) {
            switch (this) {
                case EQ: return a == b;
                case NE: return a != b;
                case LT: return a < b;
                case LE: return a <= b;
                case GT: return a > b;
                case GE: return a >= b;
                case AND: return a != 0 && b != 0;
                case OR: return a != 0 || b != 0;
                case XOR: return (a != 0) != (b != 0);
                default: throw new AssertionError(this);
            }
        }

        boolean test(long a, long b) {
            switch (this) {
                case EQ: return a == b;
                case NE: return a != b;
                case LT: return a < b;
                case LE: return a <= b;
                case GT: return a > b;
                case GE: return a >= b;
                case AND: return a != 0 && b != 0;
                case OR: return a != 0 || b != 0;
                case XOR: return (a != 0) != (b != 0);
                default: throw new AssertionError(this);
            }
        }
    }

    enum Kind {
        /** Integer input gives float64. */
        FLOAT,
        /** Integer input keeps its type (computed by the long form). */
        SAME,
        /** A predicate: bool output. */
        BOOL
    }

    public enum Unary {
        NEG(Kind.SAME, x -> -x, x -> -x, KernelProvider.Op1.NEG),
        ABS(Kind.SAME, Math::abs, Math::abs, KernelProvider.Op1.ABS),
        SIGN(Kind.SAME, Math::signum, Long::signum),
        SQUARE(Kind.SAME, x -> x * x, x -> x * x, KernelProvider.Op1.SQUARE),
        RECIPROCAL(Kind.FLOAT, x -> 1.0 / x, null),
        EXP(Kind.FLOAT, Math::exp, null, KernelProvider.Op1.EXP),
        EXP2(Kind.FLOAT, x -> Math.pow(2.0, x), null),
        EXPM1(Kind.FLOAT, Math::expm1, null, KernelProvider.Op1.EXPM1),
        LOG(Kind.FLOAT, Math::log, null, KernelProvider.Op1.LOG),
        LOG1P(Kind.FLOAT, Math::log1p, null, KernelProvider.Op1.LOG1P),
        LOG2(Kind.FLOAT, Elementwise::log2, null),
        LOG10(Kind.FLOAT, Math::log10, null),
        SQRT(Kind.FLOAT, Math::sqrt, null, KernelProvider.Op1.SQRT),
        CBRT(Kind.FLOAT, Math::cbrt, null),
        SIN(Kind.FLOAT, Math::sin, null, KernelProvider.Op1.SIN),
        COS(Kind.FLOAT, Math::cos, null, KernelProvider.Op1.COS),
        TAN(Kind.FLOAT, Math::tan, null),
        ASIN(Kind.FLOAT, Math::asin, null),
        ACOS(Kind.FLOAT, Math::acos, null),
        ATAN(Kind.FLOAT, Math::atan, null),
        SINH(Kind.FLOAT, Math::sinh, null),
        COSH(Kind.FLOAT, Math::cosh, null),
        TANH(Kind.FLOAT, Math::tanh, null, KernelProvider.Op1.TANH),
        ASINH(Kind.FLOAT, Elementwise::asinh, null),
        ACOSH(Kind.FLOAT, Elementwise::acosh, null),
        ATANH(Kind.FLOAT, Elementwise::atanh, null),
        FLOOR(Kind.SAME, Math::floor, x -> x),
        CEIL(Kind.SAME, Math::ceil, x -> x),
        ROUND(Kind.SAME, Math::rint, x -> x),
        TRUNC(Kind.SAME, x -> x < 0 ? Math.ceil(x) : Math.floor(x), x -> x),
        SIGMOID(Kind.FLOAT, Elementwise::sigmoid, null),
        RELU(Kind.SAME, x -> x > 0 ? x : (x != x ? x : 0.0), x -> Math.max(x, 0)),
        ERF(Kind.FLOAT, Erf::value, null),
        ERFC(Kind.FLOAT, Erfc::value, null),
        IS_NAN(x -> x != x),
        IS_INF(Double::isInfinite),
        IS_FINITE(Double::isFinite),
        NOT(x -> x == 0);

        final Kind kind;
        final DoubleUnaryOperator d;
        final LongUnaryOperator l;
        final DoublePredicate p;
        /** The contiguous float kernel, or null when the operation has none. */
        final KernelProvider.Op1 kernel;

        Unary(Kind kind, DoubleUnaryOperator d, LongUnaryOperator l) {
            this(kind, d, l, null);
        }

        Unary(Kind kind, DoubleUnaryOperator d, LongUnaryOperator l, KernelProvider.Op1 kernel) {
            this.kind = kind;
            this.d = d;
            this.l = l;
            this.p = null;
            this.kernel = kernel;
        }

        Unary(DoublePredicate p) {
            this.kind = Kind.BOOL;
            this.d = null;
            this.l = null;
            this.p = p;
            this.kernel = null;
        }
    }

    // ------------------------------------------------------------------ scalar functions NumPy has and Math lacks

    /** NumPy's floor_divide for floats (npy_divmod): consistent with {@link #modDouble}. */
    static double floorDivDouble(double a, double b) {
        if (b == 0) {
            return a / b;
        }
        double mod = a % b;
        double div = (a - mod) / b;
        if (mod != 0 && ((b < 0) != (mod < 0))) {
            div -= 1.0;
        }
        if (div != 0) {
            double fl = Math.floor(div);
            if (div - fl > 0.5) {
                fl += 1.0;
            }
            return fl;
        }
        return Math.copySign(0.0, a / b);
    }

    /** NumPy's remainder for floats: the result has the sign of the divisor. */
    static double modDouble(double a, double b) {
        double mod = a % b;
        if (b == 0) {
            return mod;
        }
        if (mod != 0) {
            if ((b < 0) != (mod < 0)) {
                mod += b;
            }
        } else {
            mod = Math.copySign(0.0, b);
        }
        return mod;
    }

    /**
     * C99 {@code pow}, as NumPy: unlike {@link Math#pow}, {@code pow(1, y)} is 1 for every y (NaN
     * included) and {@code pow(-1, ±inf)} is 1.
     */
    static double powDouble(double a, double b) {
        if (a == 1.0 || (a == -1.0 && Double.isInfinite(b))) {
            return 1.0;
        }
        return Math.pow(a, b);
    }

    static long powLong(long base, long exp) {
        if (exp < 0) {
            throw new IllegalArgumentException("pow: integers to negative integer powers are not allowed (exponent "
                    + exp + "); convert to float first");
        }
        long result = 1;
        long b = base;
        long e = exp;
        while (e > 0) {
            if ((e & 1) != 0) {
                result *= b;
            }
            b *= b;
            e >>= 1;
        }
        return result;
    }

    private static final double LN2 = Math.log(2.0);

    static double log2(double x) {
        if (x > 0 && x < Double.POSITIVE_INFINITY) {
            long bits = Double.doubleToRawLongBits(x);
            if ((bits & 0x000FFFFFFFFFFFFFL) == 0 && Math.getExponent(x) >= Double.MIN_EXPONENT) {
                return Math.getExponent(x); // exact for powers of two
            }
        }
        return Math.log(x) / LN2;
    }

    static double asinh(double x) {
        double a = Math.abs(x);
        double r;
        if (a > 1e8) {
            r = Math.log(a) + LN2;
        } else if (a < 0x1p-28) {
            return x;
        } else {
            r = Math.log1p(a + a * a / (1 + Math.sqrt(1 + a * a)));
        }
        return Math.copySign(r, x);
    }

    static double acosh(double x) {
        if (x < 1) {
            return Double.NaN;
        }
        if (x > 1e8) {
            return Math.log(x) + LN2;
        }
        double t = x - 1;
        return Math.log1p(t + Math.sqrt(2 * t + t * t));
    }

    static double atanh(double x) {
        double a = Math.abs(x);
        if (a > 1) {
            return Double.NaN;
        }
        if (a < 0x1p-28) {
            return x;
        }
        double r = 0.5 * Math.log1p(2 * a / (1 - a));
        return Math.copySign(r, x);
    }

    static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    // ------------------------------------------------------------------ broadcasting

    /** NumPy's broadcast of two shapes; the error names the operation and both shapes. */
    public static int[] broadcastShapes(String op, int[] a, int[] b) {
        int nd = Math.max(a.length, b.length);
        int[] out = new int[nd];
        for (int i = 0; i < nd; i++) {
            int da = i < nd - a.length ? 1 : a[i - (nd - a.length)];
            int db = i < nd - b.length ? 1 : b[i - (nd - b.length)];
            if (da == db || db == 1) {
                out[i] = da;
            } else if (da == 1) {
                out[i] = db;
            } else {
                throw new ShapeMismatchException(op + ": operands could not be broadcast together with shapes "
                        + ShapeMismatchException.shapeString(a) + " and " + ShapeMismatchException.shapeString(b));
            }
        }
        return out;
    }

    /** Strides that read {@code x} as if broadcast to {@code target} (0 on broadcast axes). */
    static int[] stridesFor(NdArray x, int[] target) {
        int[] sh = x.shape();
        int[] st = x.strides();
        int[] out = new int[target.length];
        int lead = target.length - sh.length;
        for (int i = 0; i < sh.length; i++) {
            out[lead + i] = sh[i] == 1 && target[lead + i] != 1 ? 0 : st[i];
        }
        return out;
    }

    private static NdArray asType(NdArray x, DType t) {
        return x.dtype() == t ? x : x.astype(t);
    }

    // ------------------------------------------------------------------ binary arithmetic

    public static NdArray binary(Binary op, NdArray a, NdArray b) {
        NdArray r = smallSameShape(op, a, b);
        if (r != null) {
            return r;
        }
        return binary(op, a, b, DType.promote(a.dtype(), b.dtype()));
    }

    /**
     * The per-call fast path: two contiguous operands of one shape and one dtype, below the
     * parallel threshold, with a contiguous kernel. It skips the broadcast plan, the strides
     * arrays and the loop nest, and gives the same result as the general path (the same kernel
     * on the same single run); null when it does not apply.
     */
    private static NdArray smallSameShape(Binary op, NdArray a, NdArray b) {
        KernelProvider.Op2 k = op.kernel;
        DType t = a.dtype();
        int n = a.size();
        if (k == null || t != b.dtype() || n != b.size() || n == 0 || n >= Parallel.ELEMENTWISE_THRESHOLD) {
            return null;
        }
        int nd = a.ndim();
        if (nd != b.ndim()) {
            return null;
        }
        for (int d = 0; d < nd; d++) {
            if (a.shape(d) != b.shape(d)) {
                return null;
            }
        }
        if (!a.isContiguous() || !b.isContiguous()) {
            return null;
        }
        switch (t) {
            case FLOAT64: {
                double[] o = new double[n];
                KernelSelector.get().binary(k, (double[]) a.buffer(), a.offset(), (double[]) b.buffer(), b.offset(), o, 0, n);
                return NdArray.wrap(o, a.shape());
            }
            case FLOAT32: {
                float[] o = new float[n];
                KernelSelector.get().binary(k, (float[]) a.buffer(), a.offset(), (float[]) b.buffer(), b.offset(), o, 0, n);
                return NdArray.wrap(o, a.shape());
            }
            case INT64: {
                if (k == KernelProvider.Op2.DIV) {
                    return null;
                }
                long[] o = new long[n];
                BinaryI64.binary(k, (long[]) a.buffer(), a.offset(), (long[]) b.buffer(), b.offset(), o, 0, n);
                return NdArray.wrap(o, a.shape());
            }
            case INT32: {
                if (k == KernelProvider.Op2.DIV) {
                    return null;
                }
                int[] o = new int[n];
                BinaryI32.binary(k, (int[]) a.buffer(), a.offset(), (int[]) b.buffer(), b.offset(), o, 0, n);
                return NdArray.wrap(o, a.shape());
            }
            default:
                return null;
        }
    }

    /** The fast path of an array with a Java double, as {@link #smallSameShape}; null when it does not apply. */
    private static NdArray smallScalar(Binary op, NdArray a, double s) {
        KernelProvider.Op2 k = op.kernel;
        DType t = a.dtype();
        int n = a.size();
        if (k == null || n == 0 || n >= Parallel.ELEMENTWISE_THRESHOLD || !a.isContiguous()) {
            return null;
        }
        if (t == DType.FLOAT64) {
            double[] o = new double[n];
            KernelSelector.get().binaryScalar(k, (double[]) a.buffer(), a.offset(), s, false, o, 0, n);
            return NdArray.wrap(o, a.shape());
        }
        if (t == DType.FLOAT32) {
            float[] o = new float[n];
            KernelSelector.get().binaryScalar(k, (float[]) a.buffer(), a.offset(), (float) s, false, o, 0, n);
            return NdArray.wrap(o, a.shape());
        }
        return null;
    }

    /** Array with a Java double: keeps a float array's type, integer arrays give float64. */
    public static NdArray binary(Binary op, NdArray a, double s) {
        NdArray r = smallScalar(op, a, s);
        if (r != null) {
            return r;
        }
        DType t = a.dtype().isFloating() ? a.dtype() : DType.FLOAT64;
        return binary(op, a, scalar(t, s), t);
    }

    /** Array with a Java long: keeps an integer or float array's type; bool gives int64. */
    public static NdArray binary(Binary op, NdArray a, long s) {
        DType t = a.dtype() == DType.BOOL ? DType.INT64 : a.dtype();
        return binary(op, a, scalarLong(t, s), t);
    }

    private static NdArray scalar(DType t, double v) {
        NdArray s = NdArray.wrap(Buffers.allocate(t, 1));
        s.setDouble(v);
        return s;
    }

    private static NdArray scalarLong(DType t, long v) {
        NdArray s = NdArray.wrap(Buffers.allocate(t, 1));
        s.setLong(v);
        return s;
    }

    static DType computeType(Binary op, DType t) {
        if (t == DType.BOOL) {
            t = DType.INT64; // arithmetic on bools counts them (NumPy would give bool for + and *)
        }
        if (op.l == null && !t.isFloating()) {
            t = DType.FLOAT64;
        }
        return t;
    }

    private static NdArray binary(Binary op, NdArray a, NdArray b, DType t0) {
        int[] shape = broadcastShapes(op.opName, a.shape(), b.shape());
        DType t = computeType(op, t0);
        NdArray x = asType(a, t);
        NdArray y = asType(b, t);
        NdArray out = NdArray.wrap(Buffers.allocate(t, size(shape)), shape);
        run(op, t, out, x, y, shape);
        return out;
    }

    /** {@code out = op(a, b)} where {@code b} broadcasts to {@code out}'s shape; {@code a} may be {@code out}. */
    public static void binaryInto(Binary op, NdArray a, NdArray b, NdArray out) {
        int[] shape = broadcastShapes(op.opName, a.shape(), b.shape());
        if (!Arrays.equals(shape, out.shape())) {
            throw new ShapeMismatchException(op.opName + " (in place): the result shape "
                    + ShapeMismatchException.shapeString(shape) + " of operands "
                    + ShapeMismatchException.shapeString(a.shape()) + " and "
                    + ShapeMismatchException.shapeString(b.shape()) + " does not fit the output "
                    + ShapeMismatchException.shapeString(out.shape()));
        }
        DType t = computeType(op, DType.promote(a.dtype(), b.dtype()));
        if (t.isFloating() && !out.dtype().isFloating()) {
            throw new IllegalArgumentException(op.opName + " (in place): cannot store a " + t
                    + " result in a " + out.dtype() + " array; convert with astype first");
        }
        if (b.buffer() == out.buffer()) {
            b = b.copy();
        }
        if (t == out.dtype()) {
            run(op, t, out, asType(a, t), asType(b, t), shape);
        } else {
            NdArray tmp = binary(op, a, b, t);
            Cast.assign(out, tmp);
        }
    }

    /**
     * {@code out = op(a, b)} for the out= variants: {@code out} must have the broadcast shape and
     * exactly the result dtype; it may be {@code a} or {@code b} (or share their buffer).
     */
    public static NdArray binaryOut(Binary op, NdArray a, NdArray b, NdArray out) {
        int[] shape = broadcastShapes(op.opName, a.shape(), b.shape());
        DType t = computeType(op, DType.promote(a.dtype(), b.dtype()));
        checkOut(op.opName, shape, t, out, "operands " + ShapeMismatchException.shapeString(a.shape()) + " "
                + a.dtype() + " and " + ShapeMismatchException.shapeString(b.shape()) + " " + b.dtype());
        NdArray x = overlapSafe(asType(a, t), out);
        NdArray y = overlapSafe(asType(b, t), out);
        run(op, t, out, x, y, shape);
        return out;
    }

    /** {@code out = op(a)} for the out= variants; {@code out} must have a's shape and the result dtype. */
    public static NdArray unaryOut(Unary op, NdArray a, NdArray out) {
        DType t = unaryType(op, a.dtype());
        checkOut(op.name().toLowerCase(java.util.Locale.ROOT), a.shape(), t, out,
                "operand " + ShapeMismatchException.shapeString(a.shape()) + " " + a.dtype());
        NdArray x = overlapSafe(asType(a, t), out);
        unaryInto(op, t, x, out);
        return out;
    }

    private static void checkOut(String opName, int[] shape, DType t, NdArray out, String operands) {
        if (!Arrays.equals(shape, out.shape())) {
            throw new ShapeMismatchException(opName + " (out=): the result shape " + ShapeMismatchException.shapeString(shape)
                    + " of " + operands + " does not match the output shape "
                    + ShapeMismatchException.shapeString(out.shape()));
        }
        if (out.dtype() != t) {
            throw new IllegalArgumentException(opName + " (out=): the result dtype of " + operands + " is " + t
                    + " but the output is " + out.dtype() + " " + ShapeMismatchException.shapeString(out.shape())
                    + "; pass an output of dtype " + t);
        }
    }

    /** An operand that shares out's buffer but is not exactly out's view is copied first. */
    private static NdArray overlapSafe(NdArray x, NdArray out) {
        if (x.buffer() != out.buffer()) {
            return x;
        }
        if (x.offset() == out.offset() && Arrays.equals(x.shape(), out.shape()) && Arrays.equals(x.strides(), out.strides())) {
            return x;
        }
        return x.copy();
    }

    private static int size(int[] shape) {
        long n = 1;
        for (int s : shape) {
            n *= s;
        }
        if (n > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("result shape " + ShapeMismatchException.shapeString(shape)
                    + " has more than 2^31 - 9 elements");
        }
        return (int) n;
    }

    private static void run(Binary op, DType t, NdArray out, NdArray x, NdArray y, int[] shape) {
        int[] so = out.strides();
        int[] sx = stridesFor(x, shape);
        int[] sy = stridesFor(y, shape);
        switch (t) {
            case FLOAT64:
                ElementwiseF64.binary(op, out, so, x, sx, y, sy, shape);
                break;
            case FLOAT32:
                ElementwiseF32.binary(op, out, so, x, sx, y, sy, shape);
                break;
            case INT64:
                ElementwiseI64.binary(op, out, so, x, sx, y, sy, shape);
                break;
            case INT32:
                ElementwiseI32.binary(op, out, so, x, sx, y, sy, shape);
                break;
            default:
                throw new AssertionError(t);
        }
    }

    // ------------------------------------------------------------------ comparisons

    public static NdArray compare(Compare op, NdArray a, NdArray b) {
        int[] shape = broadcastShapes(op.opName, a.shape(), b.shape());
        DType t = DType.promote(a.dtype(), b.dtype());
        if (op.kernel != null && (t == DType.FLOAT64 || t == DType.FLOAT32) && a.dtype() == t && b.dtype() == t) {
            boolean[] o = new boolean[size(shape)];
            NdArray out = NdArray.wrap(o, shape);
            if (t == DType.FLOAT64) {
                ElementwiseF64.compare(op, o, out.strides(), a, stridesFor(a, shape), b, stridesFor(b, shape), shape);
            } else {
                ElementwiseF32.compare(op, o, out.strides(), a, stridesFor(a, shape), b, stridesFor(b, shape), shape);
            }
            return out;
        }
        boolean asDouble = t.isFloating() || op == Compare.AND || op == Compare.OR || op == Compare.XOR;
        NdArray x = asType(a, asDouble ? DType.FLOAT64 : DType.INT64);
        NdArray y = asType(b, asDouble ? DType.FLOAT64 : DType.INT64);
        boolean[] o = new boolean[size(shape)];
        NdArray out = NdArray.wrap(o, shape);
        int[] sx = stridesFor(x, shape);
        int[] sy = stridesFor(y, shape);
        if (asDouble) {
            double[] p = (double[]) x.buffer();
            double[] q = (double[]) y.buffer();
            StridedLoop.run3(shape, out.strides(), 0, sx, x.offset(), sy, y.offset(), (i0, s0, i1, s1, i2, s2, n) -> {
                for (int i = 0; i < n; i++, i0 += s0, i1 += s1, i2 += s2) {
                    o[i0] = op.test(p[i1], q[i2]);
                }
            });
        } else {
            long[] p = (long[]) x.buffer();
            long[] q = (long[]) y.buffer();
            StridedLoop.run3(shape, out.strides(), 0, sx, x.offset(), sy, y.offset(), (i0, s0, i1, s1, i2, s2, n) -> {
                for (int i = 0; i < n; i++, i0 += s0, i1 += s1, i2 += s2) {
                    o[i0] = op.test(p[i1], q[i2]);
                }
            });
        }
        return out;
    }

    // ------------------------------------------------------------------ unary

    public static NdArray unary(Unary op, NdArray a) {
        DType in = a.dtype();
        int[] shape = a.shape();
        int n = a.size();
        if (op.kind == Kind.BOOL) {
            boolean[] o = new boolean[n];
            NdArray out = NdArray.wrap(o, shape);
            NdArray x = asType(a, in.isFloating() ? in : DType.FLOAT64);
            DoublePredicate p = op.p;
            if (x.dtype() == DType.FLOAT32) {
                float[] src = (float[]) x.buffer();
                StridedLoop.run2(shape, out.strides(), 0, x.strides(), x.offset(), (i0, s0, i1, s1, m) -> {
                    for (int i = 0; i < m; i++, i0 += s0, i1 += s1) {
                        o[i0] = p.test(src[i1]);
                    }
                });
            } else {
                double[] src = (double[]) x.buffer();
                StridedLoop.run2(shape, out.strides(), 0, x.strides(), x.offset(), (i0, s0, i1, s1, m) -> {
                    for (int i = 0; i < m; i++, i0 += s0, i1 += s1) {
                        o[i0] = p.test(src[i1]);
                    }
                });
            }
            return out;
        }
        DType t = unaryType(op, in);
        long cost = op.kernel == null ? 1
                : KernelSelector.get().unaryCost(op.kernel, t == DType.FLOAT32 ? float.class : double.class);
        if (op.kernel != null && t == in && n > 0 && n * cost < Parallel.ELEMENTWISE_THRESHOLD && a.isContiguous()) {
            // the per-call fast path: one contiguous run, no loop nest
            if (t == DType.FLOAT64) {
                double[] o = new double[n];
                KernelSelector.get().unary(op.kernel, (double[]) a.buffer(), a.offset(), o, 0, n);
                return NdArray.wrap(o, shape);
            }
            if (t == DType.FLOAT32) {
                float[] o = new float[n];
                KernelSelector.get().unary(op.kernel, (float[]) a.buffer(), a.offset(), o, 0, n);
                return NdArray.wrap(o, shape);
            }
        }
        NdArray x = asType(a, t);
        NdArray out = NdArray.wrap(Buffers.allocate(t, n), shape);
        unaryInto(op, t, x, out);
        return out;
    }

    /** The dtype of a non-predicate unary operation on {@code in}. */
    static DType unaryType(Unary op, DType in) {
        if (op.kind == Kind.BOOL) {
            return DType.BOOL;
        }
        if (in.isFloating()) {
            return in;
        }
        if (op.kind == Kind.SAME) {
            return in == DType.BOOL ? DType.INT64 : in;
        }
        return DType.FLOAT64;
    }

    /** {@code out = op(x)} where x already has the computation type t and out's shape. */
    private static void unaryInto(Unary op, DType t, NdArray x, NdArray out) {
        int[] shape = out.shape();
        int[] so = out.strides();
        int oo = out.offset();
        int[] sx = x.strides();
        int ox = x.offset();
        switch (t) {
            case FLOAT64:
                ElementwiseF64.unary(op, out, x, shape);
                break;
            case FLOAT32:
                ElementwiseF32.unary(op, out, x, shape);
                break;
            case INT64: {
                long[] o = (long[]) out.buffer();
                long[] src = (long[]) x.buffer();
                LongUnaryOperator f = op.l;
                StridedLoop.run2(shape, so, oo, sx, ox, (i0, s0, i1, s1, m) -> {
                    for (int i = 0; i < m; i++, i0 += s0, i1 += s1) {
                        o[i0] = f.applyAsLong(src[i1]);
                    }
                });
                break;
            }
            case INT32: {
                int[] o = (int[]) out.buffer();
                int[] src = (int[]) x.buffer();
                LongUnaryOperator f = op.l;
                StridedLoop.run2(shape, so, oo, sx, ox, (i0, s0, i1, s1, m) -> {
                    for (int i = 0; i < m; i++, i0 += s0, i1 += s1) {
                        o[i0] = (int) f.applyAsLong(src[i1]);
                    }
                });
                break;
            }
            default:
                throw new AssertionError(t);
        }
    }

    // ------------------------------------------------------------------ closeness and equality

    public static boolean allClose(NdArray a, NdArray b, double rtol, double atol) {
        int[] shape = broadcastShapes("allClose", a.shape(), b.shape());
        NdArray x = asType(a, DType.FLOAT64);
        NdArray y = asType(b, DType.FLOAT64);
        double[] p = (double[]) x.buffer();
        double[] q = (double[]) y.buffer();
        boolean[] ok = {true};
        StridedLoop.run2(shape, stridesFor(x, shape), x.offset(), stridesFor(y, shape), y.offset(), (i0, s0, i1, s1, n) -> {
            if (!ok[0]) {
                return;
            }
            for (int i = 0; i < n; i++, i0 += s0, i1 += s1) {
                double u = p[i0];
                double v = q[i1];
                if (u == v || (u != u && v != v)) {
                    continue;
                }
                if (Double.isInfinite(u) || Double.isInfinite(v) || !(Math.abs(u - v) <= atol + rtol * Math.abs(v))) {
                    ok[0] = false;
                    return;
                }
            }
        });
        return ok[0];
    }

    /** Same shape and dtype assumed: element-wise equality with NaN == NaN. */
    public static boolean sameValues(NdArray a, NdArray b) {
        boolean[] ok = {true};
        int[] shape = a.shape();
        if (a.dtype().isFloating()) {
            NdArray x = asType(a, DType.FLOAT64);
            NdArray y = asType(b, DType.FLOAT64);
            double[] p = (double[]) x.buffer();
            double[] q = (double[]) y.buffer();
            StridedLoop.run2(shape, x.strides(), x.offset(), y.strides(), y.offset(), (i0, s0, i1, s1, n) -> {
                for (int i = 0; i < n && ok[0]; i++, i0 += s0, i1 += s1) {
                    double u = p[i0];
                    double v = q[i1];
                    ok[0] = u == v || (u != u && v != v);
                }
            });
        } else {
            NdArray x = asType(a, DType.INT64);
            NdArray y = asType(b, DType.INT64);
            long[] p = (long[]) x.buffer();
            long[] q = (long[]) y.buffer();
            StridedLoop.run2(shape, x.strides(), x.offset(), y.strides(), y.offset(), (i0, s0, i1, s1, n) -> {
                for (int i = 0; i < n && ok[0]; i++, i0 += s0, i1 += s1) {
                    ok[0] = p[i0] == q[i1];
                }
            });
        }
        return ok[0];
    }

    /** A hash of the values in row-major order, consistent with {@link #sameValues}. */
    public static int valueHash(NdArray a) {
        int[] h = {1};
        if (a.dtype().isFloating()) {
            NdArray x = asType(a, DType.FLOAT64);
            double[] p = (double[]) x.buffer();
            StridedLoop.run1(a.shape(), x.strides(), x.offset(), (i0, s0, n) -> {
                for (int i = 0; i < n; i++, i0 += s0) {
                    double v = p[i0];
                    if (v == 0.0) {
                        v = 0.0; // -0.0 hashes as 0.0
                    }
                    h[0] = 31 * h[0] + Double.hashCode(v); // hashCode canonicalises NaN
                }
            });
        } else {
            NdArray x = asType(a, DType.INT64);
            long[] p = (long[]) x.buffer();
            StridedLoop.run1(a.shape(), x.strides(), x.offset(), (i0, s0, n) -> {
                for (int i = 0; i < n; i++, i0 += s0) {
                    h[0] = 31 * h[0] + Long.hashCode(p[i0]);
                }
            });
        }
        return h[0];
    }
}
