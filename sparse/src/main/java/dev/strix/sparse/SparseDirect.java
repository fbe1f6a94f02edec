package dev.strix.sparse;

import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.ShapeMismatchException;
import dev.strix.sparse.internal.MinimumDegree;
import dev.strix.sparse.internal.Rcm;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.interfaces.linsol.LinearSolverSparse;
import org.ejml.sparse.FillReducing;
import org.ejml.sparse.csc.factory.LinearSolverFactory_DSCC;

/**
 * Direct sparse solvers on EJML's DSCC (compressed sparse column) factorisations: Cholesky
 * (symmetric positive definite), LU with partial pivoting (square), and QR (least squares for
 * rows >= cols). A fill-reducing {@link Ordering} is applied first: EJML 0.46 has none of its own
 * (its {@code FillReducing} offers NONE, RANDOM and IDENTITY), so Strix computes a reverse
 * Cuthill-McKee permutation and passes EJML the permuted matrix.
 *
 * <pre>{@code
 * Factorization f = SparseDirect.cholesky(a);      // factor once
 * NdArray x = f.solve(b);                          // solve many times
 * }</pre>
 */
public final class SparseDirect {
    private SparseDirect() {
    }

    /** The ordering applied before factorising. */
    public enum Ordering {
        /** Factorise A as given. */
        NONE,
        /**
         * Reverse Cuthill-McKee: symmetric P A P^T on the pattern of A + A^T (Cholesky, LU), or a
         * column permutation A Q on the pattern of A^T A (QR). Fast (linear in the entries); it
         * narrows the profile, which bounds the fill. The default.
         */
        RCM,
        /**
         * Minimum degree on the same patterns: eliminates a node of least degree in the
         * elimination graph each step, which attacks the fill itself (several times fewer factor
         * entries than RCM on 2-D meshes), but the ordering's own cost grows with the fill: for
         * up to about 10^5 unknowns on meshes (the plain algorithm, not AMD's quotient graph).
         */
        MINIMUM_DEGREE
    }

    /** A factorisation, reusable for many right-hand sides. */
    public interface Factorization {
        /** Solves A x = b for b of shape (rows,) or (rows, k); for QR, the least-squares solution. */
        NdArray solve(NdArray b);

        /** rows, cols of A. */
        int[] shape();

        /** Stored entries of the factors (a measure of fill). */
        long factorNnz();
    }

    public static Factorization cholesky(CsrMatrix a) {
        return cholesky(a, Ordering.RCM);
    }

    /** Sparse Cholesky A = L L^T. @throws SingularMatrixException if A is not positive definite */
    public static Factorization cholesky(CsrMatrix a, Ordering ordering) {
        square("cholesky", a);
        return factor("cholesky", a, ordering, true, LinearSolverFactory_DSCC.cholesky(FillReducing.NONE));
    }

    public static Factorization lu(CsrMatrix a) {
        return lu(a, Ordering.RCM);
    }

    /** Sparse LU with partial pivoting. @throws SingularMatrixException if A is singular */
    public static Factorization lu(CsrMatrix a, Ordering ordering) {
        square("lu", a);
        return factor("lu", a, ordering, true, LinearSolverFactory_DSCC.lu(FillReducing.NONE));
    }

    public static Factorization qr(CsrMatrix a) {
        return qr(a, Ordering.RCM);
    }

    /** Sparse QR for rows >= cols; solve gives the least-squares solution. @throws SingularMatrixException if rank-deficient */
    public static Factorization qr(CsrMatrix a, Ordering ordering) {
        if (a.rows < a.cols) {
            throw new ShapeMismatchException("qr: needs rows >= cols, got " + CsrMatrix.shapeString(a.rows, a.cols));
        }
        return factor("qr", a, ordering, false, LinearSolverFactory_DSCC.qr(FillReducing.NONE));
    }

    /** Solves a square A x = b by sparse LU (SciPy's {@code spsolve}). */
    public static NdArray solve(CsrMatrix a, NdArray b) {
        return lu(a).solve(b);
    }

    private static void square(String op, CsrMatrix a) {
        if (a.rows != a.cols) {
            throw new ShapeMismatchException(op + ": matrix must be square, got " + CsrMatrix.shapeString(a.rows, a.cols));
        }
    }

    private static Factorization factor(String op, CsrMatrix a, Ordering ordering, boolean symmetric,
                                        LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> solver) {
        int m = a.rows, n = a.cols;
        int[] rowPerm = null;
        int[] colPerm = null;
        CsrMatrix pa = a;
        if (ordering != Ordering.NONE && n > 1) {
            if (symmetric) {
                CsrMatrix s = a.abs().add(a.transpose().toCsr().abs());
                rowPerm = ordering == Ordering.RCM ? Rcm.order(n, s.indptr, s.indices) : MinimumDegree.order(n, s.indptr, s.indices);
                colPerm = rowPerm;
                pa = a.selectRows(rowPerm).selectCols(colPerm);
            } else {
                CsrMatrix ata = a.transpose().toCsr().abs().matmul(a.abs());
                colPerm = ordering == Ordering.RCM ? Rcm.order(n, ata.indptr, ata.indices)
                        : MinimumDegree.order(n, ata.indptr, ata.indices);
                pa = a.selectCols(colPerm);
            }
        }
        CscMatrix csc = pa.toCsc();
        DMatrixSparseCSC e = new DMatrixSparseCSC(m, n, 0);
        e.col_idx = csc.t.indptr.clone();
        e.nz_rows = csc.t.indices.clone();
        e.nz_values = csc.t.data(); // a copy; float32 matrices are factorised in float64
        e.nz_length = csc.nnz();
        e.indicesSorted = true;
        if (!solver.setA(e)) {
            throw new SingularMatrixException(op + ": matrix of shape " + CsrMatrix.shapeString(m, n)
                    + (op.equals("cholesky") ? " is not positive definite" : " is singular to working precision"));
        }
        // EJML's quality() is a product of pivots, not scale-invariant, so it is not used as a
        // singularity test: setA fails on a zero pivot, and solve rejects a non-finite solution.
        int[] rp = rowPerm, cp = colPerm;
        long fill = factorNnz(solver);
        return new Factorization() {
            @Override
            public NdArray solve(NdArray b) {
                boolean vec = b.ndim() == 1;
                if ((b.ndim() != 1 && b.ndim() != 2) || b.shape()[0] != m) {
                    throw new ShapeMismatchException(op + ".solve: matrix " + CsrMatrix.shapeString(m, n) + " and b of shape "
                            + ShapeMismatchException.shapeString(b.shape()));
                }
                int k = vec ? 1 : b.shape()[1];
                double[] bv = b.toDoubleArray();
                DMatrixRMaj bb = new DMatrixRMaj(m, k);
                for (int i = 0; i < m; i++) {
                    int src = rp == null ? i : rp[i];
                    System.arraycopy(bv, src * k, bb.data, i * k, k);
                }
                DMatrixRMaj xx = new DMatrixRMaj(n, k);
                synchronized (solver) {
                    solver.solve(bb, xx);
                }
                double[] x = new double[n * k];
                for (int j = 0; j < n; j++) {
                    int dst = cp == null ? j : cp[j];
                    System.arraycopy(xx.data, j * k, x, dst * k, k);
                }
                for (double v : x) {
                    if (!Double.isFinite(v)) {
                        throw new SingularMatrixException(op + ".solve: non-finite solution; matrix " + CsrMatrix.shapeString(m, n)
                                + " is singular or ill-conditioned");
                    }
                }
                return vec ? NdArray.wrap(x, n) : NdArray.wrap(x, n, k);
            }

            @Override
            public int[] shape() {
                return new int[] {m, n};
            }

            @Override
            public long factorNnz() {
                return fill;
            }
        };
    }

    private static long factorNnz(LinearSolverSparse<DMatrixSparseCSC, DMatrixRMaj> solver) {
        Object d = solver.getDecomposition();
        try {
            if (d instanceof org.ejml.interfaces.decomposition.CholeskySparseDecomposition_F64) {
                return ((DMatrixSparseCSC) ((org.ejml.interfaces.decomposition.CholeskySparseDecomposition_F64<?>) d).getT(null)).nz_length;
            }
            if (d instanceof org.ejml.interfaces.decomposition.LUSparseDecomposition_F64) {
                var lu = (org.ejml.interfaces.decomposition.LUSparseDecomposition_F64<?>) d;
                return ((DMatrixSparseCSC) lu.getLower(null)).nz_length + ((DMatrixSparseCSC) lu.getUpper(null)).nz_length;
            }
            if (d instanceof org.ejml.interfaces.decomposition.QRSparseDecomposition) {
                var qr = (org.ejml.interfaces.decomposition.QRSparseDecomposition<?>) d;
                return ((DMatrixSparseCSC) qr.getR(null, true)).nz_length;
            }
        } catch (RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
