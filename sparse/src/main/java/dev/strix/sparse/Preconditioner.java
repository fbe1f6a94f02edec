package dev.strix.sparse;

import java.util.Arrays;

/**
 * An approximate inverse M^-1 applied in iterative solvers: {@code apply(r, z)} sets z = M^-1 r.
 * Implementations must not keep {@code r} or {@code z}, and must not allocate per call.
 */
@FunctionalInterface
public interface Preconditioner {
    void apply(double[] r, double[] z);

    /** No preconditioning (z = r). */
    static Preconditioner identity() {
        return (r, z) -> System.arraycopy(r, 0, z, 0, r.length);
    }

    /**
     * Jacobi: z = r / diag(A).
     *
     * @throws IllegalArgumentException if A is not square or has a zero on its diagonal (naming the row)
     */
    static Preconditioner jacobi(CsrMatrix a) {
        square("jacobi", a);
        double[] inv = a.diagonal().toDoubleArray();
        for (int i = 0; i < inv.length; i++) {
            if (inv[i] == 0 || !Double.isFinite(inv[i])) {
                throw new IllegalArgumentException("jacobi: diagonal element " + i + " is " + inv[i]);
            }
            inv[i] = 1 / inv[i];
        }
        return (r, z) -> {
            for (int i = 0; i < inv.length; i++) {
                z[i] = r[i] * inv[i];
            }
        };
    }

    /**
     * Incomplete LU with zero fill, ILU(0): L and U on A's own sparsity pattern (L unit lower),
     * then z = U^-1 L^-1 r by two triangular solves.
     *
     * @throws IllegalArgumentException if A is not square, lacks a stored diagonal element, or a
     *     pivot becomes zero (naming the row)
     */
    static Preconditioner ilu0(CsrMatrix a) {
        square("ilu0", a);
        int n = a.rows;
        int[] ip = a.indptr;
        int[] ix = a.indices;
        double[] lu = a.data(); // a copy (float32 values widened): ILU(0) factors in float64
        int[] diag = new int[n];
        for (int i = 0; i < n; i++) {
            int k = Arrays.binarySearch(ix, ip[i], ip[i + 1], i);
            if (k < 0) {
                throw new IllegalArgumentException("ilu0: row " + i + " has no stored diagonal element");
            }
            diag[i] = k;
        }
        int[] pos = new int[n];
        Arrays.fill(pos, -1);
        for (int i = 0; i < n; i++) {
            for (int k = ip[i]; k < ip[i + 1]; k++) {
                pos[ix[k]] = k;
            }
            for (int k = ip[i]; k < ip[i + 1] && ix[k] < i; k++) {
                int p = ix[k];
                double piv = lu[diag[p]];
                if (piv == 0) {
                    throw new IllegalArgumentException("ilu0: zero pivot in row " + p);
                }
                double l = lu[k] / piv;
                lu[k] = l;
                for (int q = diag[p] + 1; q < ip[p + 1]; q++) {
                    int j = pos[ix[q]];
                    if (j >= 0) {
                        lu[j] -= l * lu[q];
                    }
                }
            }
            for (int k = ip[i]; k < ip[i + 1]; k++) {
                pos[ix[k]] = -1;
            }
            if (lu[diag[i]] == 0) {
                throw new IllegalArgumentException("ilu0: zero pivot in row " + i);
            }
        }
        return (r, z) -> {
            for (int i = 0; i < n; i++) {
                double s = r[i];
                for (int k = ip[i]; k < diag[i]; k++) {
                    s -= lu[k] * z[ix[k]];
                }
                z[i] = s;
            }
            for (int i = n - 1; i >= 0; i--) {
                double s = z[i];
                for (int k = diag[i] + 1; k < ip[i + 1]; k++) {
                    s -= lu[k] * z[ix[k]];
                }
                z[i] = s / lu[diag[i]];
            }
        };
    }

    private static void square(String op, CsrMatrix a) {
        if (a.rows != a.cols) {
            throw new dev.strix.ndarray.ShapeMismatchException(op + ": matrix must be square, got " + CsrMatrix.shapeString(a.rows, a.cols));
        }
    }
}
