package dev.strix.ndarray;

/**
 * One entry of a typed index, the counterpart of NumPy's subscript items. Import statically:
 *
 * <pre>{@code
 * import static dev.strix.ndarray.Index.*;
 * a.get(range(1, 5), all(), at(-1));      // a[1:5, :, -1]
 * a.get(step(2), newAxis(), ellipsis());  // a[::2, np.newaxis, ...]
 * a.get(of(0, 2), all());                 // a[[0, 2], :]  (a copy: integer-array indexing)
 * }</pre>
 *
 * Stops are exclusive and negative positions count from the end, as in NumPy.
 */
public abstract class Index {
    Index() {
    }

    /** A single position; the axis is removed ({@code a[i]}). */
    public static Index at(int i) {
        return new At(i);
    }

    /** Every position ({@code :}). */
    public static Index all() {
        return Slice.ALL;
    }

    /** {@code start:stop}. */
    public static Index range(int start, int stop) {
        return new Slice(start, stop, 1);
    }

    /** {@code start:stop:step}; step may be negative, never zero. */
    public static Index range(int start, int stop, int step) {
        return new Slice(start, stop, step);
    }

    /** {@code start:}. */
    public static Index from(int start) {
        return new Slice(start, null, 1);
    }

    /** {@code :stop}. */
    public static Index upTo(int stop) {
        return new Slice(null, stop, 1);
    }

    /** {@code ::step}. */
    public static Index step(int step) {
        return new Slice(null, null, step);
    }

    /** A general slice; {@code null} start or stop means "from the end that the step starts at". */
    public static Index slice(Integer start, Integer stop, int step) {
        return new Slice(start, stop, step);
    }

    /** Inserts a new axis of length 1 ({@code np.newaxis}). */
    public static Index newAxis() {
        return NewAxis.INSTANCE;
    }

    /** Stands for as many {@code :} as needed ({@code ...}). */
    public static Index ellipsis() {
        return Ellipsis.INSTANCE;
    }

    /** Integer-array ("fancy") index along one axis: {@code a[[0, 2]]}. The result is a copy. */
    public static Index of(int... positions) {
        long[] p = new long[positions.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = positions[i];
        }
        return new Fancy(NdArray.wrap(p, positions.length));
    }

    /**
     * An integer or boolean array used as an index: an integer array picks positions (any shape,
     * broadcast with the other array indices); a boolean array is a mask over as many axes as it has.
     */
    public static Index array(NdArray indexOrMask) {
        if (indexOrMask.dtype() == DType.BOOL) {
            return new Mask(indexOrMask);
        }
        if (!indexOrMask.dtype().isInteger()) {
            throw new IllegalArgumentException("Index.array: index arrays must be integer or bool, got "
                    + indexOrMask.dtype());
        }
        return new Fancy(indexOrMask);
    }

    static final class At extends Index {
        final int i;

        At(int i) {
            this.i = i;
        }

        @Override
        public String toString() {
            return Integer.toString(i);
        }
    }

    static final class Slice extends Index {
        static final Slice ALL = new Slice(null, null, 1);
        final Integer start;
        final Integer stop;
        final int step;

        Slice(Integer start, Integer stop, int step) {
            if (step == 0) {
                throw new IllegalArgumentException("slice step cannot be zero");
            }
            this.start = start;
            this.stop = stop;
            this.step = step;
        }

        @Override
        public String toString() {
            return (start == null ? "" : start) + ":" + (stop == null ? "" : stop) + (step == 1 ? "" : ":" + step);
        }
    }

    static final class NewAxis extends Index {
        static final NewAxis INSTANCE = new NewAxis();

        @Override
        public String toString() {
            return "newaxis";
        }
    }

    static final class Ellipsis extends Index {
        static final Ellipsis INSTANCE = new Ellipsis();

        @Override
        public String toString() {
            return "...";
        }
    }

    static final class Fancy extends Index {
        final NdArray indices;

        Fancy(NdArray indices) {
            this.indices = indices;
        }

        @Override
        public String toString() {
            return "[int array " + ShapeMismatchException.shapeString(indices.shape()) + "]";
        }
    }

    static final class Mask extends Index {
        final NdArray mask;

        Mask(NdArray mask) {
            this.mask = mask;
        }

        @Override
        public String toString() {
            return "[bool mask " + ShapeMismatchException.shapeString(mask.shape()) + "]";
        }
    }
}
