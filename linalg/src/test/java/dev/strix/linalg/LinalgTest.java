package dev.strix.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.ndarray.DType;
import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.NdRandom;
import dev.strix.ndarray.ShapeMismatchException;
import org.junit.jupiter.api.Test;

/** Reconstruction, orthogonality, bad input, float32 and stacks. Tolerances: n eps c with c = 50 (see Checks). */
class LinalgTest {
    static final NdRandom RNG = Nd.random(11);

    static NdArray hilbert(int n) {
        double[][] h = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i][j] = 1.0 / (i + j + 1);
            }
        }
        return Nd.of(h);
    }

    static NdArray[] structured() {
        NdArray rankDef = RNG.gaussian(12, 3).matmul(RNG.gaussian(3, 9));
        return new NdArray[] {RNG.gaussian(1, 1), RNG.gaussian(5, 5), RNG.gaussian(30, 30), RNG.gaussian(40, 7),
            RNG.gaussian(7, 40), hilbert(10), rankDef, Nd.eye(6), Nd.zeros(4, 3),
            RNG.gaussian(20, 20).triu(), RNG.gaussian(16, 16).mul(1e-150), RNG.gaussian(16, 16).mul(1e150)};
    }

    @Test
    void qrReconstructsAndIsOrthogonal() {
        for (NdArray a : structured()) {
            Qr r = Linalg.qr(a);
            Checks.assertReconstructs(a, r.q().matmul(r.r()), "qr " + Linalg.sh(a));
            Checks.assertOrthonormalColumns(r.q(), "qr Q " + Linalg.sh(a));
            Checks.assertUpperTriangular(r.r(), 1, "qr R");
            Qr full = Linalg.qr(a, true);
            assertArrayEquals(new int[] {a.shape(0), a.shape(0)}, full.q().shape());
            Checks.assertReconstructs(a, full.q().matmul(full.r()), "complete qr");
            Checks.assertOrthonormalColumns(full.q(), "complete Q");
            QrPivoted p = Linalg.qrPivoted(a);
            Checks.assertReconstructs(a.cols(p.perm()), p.q().matmul(p.r()), "pivoted qr");
            double[] d = p.r().diagonal().abs().toDoubleArray();
            for (int i = 1; i < d.length; i++) {
                assertTrue(d[i] <= d[i - 1] * (1 + 1e-12) + 1e-300, "pivoted |diag R| non-increasing");
            }
        }
    }

    @Test
    void luSvdEighCholeskyReconstruct() {
        for (NdArray a : structured()) {
            Lu lu = Linalg.lu(a);
            Checks.assertReconstructs(a, lu.p().matmul(lu.l()).matmul(lu.u()), "lu " + Linalg.sh(a));
            Checks.assertReconstructs(a.rows(lu.piv()), lu.l().matmul(lu.u()), "lu piv");
            Svd s = Linalg.svd(a);
            Checks.assertReconstructs(a, s.u().mul(s.s()).matmul(s.vt()), "svd " + Linalg.sh(a));
            Checks.assertOrthonormalColumns(s.u(), "svd U");
            Checks.assertOrthonormalColumns(s.vt().transpose(), "svd V");
            Svd f = Linalg.svd(a, true);
            assertArrayEquals(new int[] {a.shape(0), a.shape(0)}, f.u().shape());
            assertArrayEquals(new int[] {a.shape(1), a.shape(1)}, f.vt().shape());
            Checks.assertOrthonormalColumns(f.u(), "full U");
            if (a.shape(0) == a.shape(1)) {
                NdArray sym = a.add(a.transpose());
                Eigh e = Linalg.eigh(sym);
                Checks.assertReconstructs(sym, e.vectors().mul(e.values()).matmul(e.vectors().transpose()), "eigh");
                Checks.assertOrthonormalColumns(e.vectors(), "eigh V");
                NdArray spd = a.matmul(a.transpose()).add(Nd.eye(a.shape(0)));
                NdArray l = Linalg.cholesky(spd);
                Checks.assertReconstructs(spd, l.matmul(l.transpose()), "cholesky");
                NdArray u = Linalg.cholesky(spd, true);
                Checks.assertReconstructs(spd, u.transpose().matmul(u), "upper cholesky");
            }
        }
    }

    @Test
    void hilbertTenIsIllConditionedButSolvesToThreeDigits() {
        NdArray h = hilbert(10);
        assertEquals(1.6e13, Linalg.cond(h), 0.1e13);
        NdArray x = Linalg.solve(h, h.matmul(Nd.ones(10)));
        Golden.assertClose(Nd.ones(10), x, 1e-2, 0, "Hilbert solve");
        assertEquals(10, Linalg.matrixRank(h));
        assertTrue(Linalg.isPositiveDefinite(h));
    }

    @Test
    void singularMatrixNamesThePivot() {
        NdArray a = Nd.of(new double[][] {{1, 2, 3}, {2, 4, 6}, {1, 0, 1}});
        SingularMatrixException e = assertThrows(SingularMatrixException.class, () -> Linalg.inv(a));
        assertEquals(2, e.pivot());
        assertTrue(e.getMessage().contains("(3, 3)") && e.getMessage().contains("pivot 2"), e.getMessage());
        assertThrows(SingularMatrixException.class, () -> Linalg.solve(a, Nd.ones(3)));
        assertEquals(0.0, Linalg.det(a).item());
        assertEquals(0.0, Linalg.slogdet(a).sign().item());
        assertEquals(Double.NEGATIVE_INFINITY, Linalg.slogdet(a).logAbsDet().item());
        SingularMatrixException z = assertThrows(SingularMatrixException.class, () -> Linalg.inv(Nd.zeros(2, 2)));
        assertEquals(0, z.pivot());
        SingularMatrixException t = assertThrows(SingularMatrixException.class,
                () -> Linalg.solveTriangular(Nd.of(new double[][] {{1, 0}, {5, 0}}), Nd.ones(2), true, false));
        assertEquals(1, t.pivot());
        assertThrows(LinalgException.class, () -> Linalg.sylvester(Nd.eye(2), Nd.eye(2).neg(), Nd.ones(2, 2)));
    }

    @Test
    void notPositiveDefiniteNamesThePivot() {
        NdArray a = Nd.of(new double[][] {{4, 2, 0}, {2, 1, 0}, {0, 0, 1}});
        NotPositiveDefiniteException e = assertThrows(NotPositiveDefiniteException.class, () -> Linalg.cholesky(a));
        assertEquals(1, e.pivot());
        assertTrue(e.getMessage().contains("pivot 1"), e.getMessage());
        assertThrows(NotPositiveDefiniteException.class, () -> Linalg.solveSpd(Nd.eye(2).neg(), Nd.ones(2)));
        assertFalse(Linalg.isPositiveDefinite(a));
        assertFalse(Linalg.isPositiveDefinite(Nd.of(new double[][] {{2, 1}, {0, 2}})));   // not symmetric
        assertTrue(Linalg.isSymmetric(Nd.of(new double[][] {{2, 1}, {1, 2}})));
    }

    @Test
    void shapeErrorsNameBothShapes() {
        IllegalArgumentException e = assertThrows(ShapeMismatchException.class, () -> Linalg.solve(Nd.eye(3), Nd.ones(4)));
        assertTrue(e.getMessage().contains("(3, 3)") && e.getMessage().contains("(4,)"), e.getMessage());
        IllegalArgumentException sq = assertThrows(IllegalArgumentException.class, () -> Linalg.inv(Nd.ones(2, 3)));
        assertTrue(sq.getMessage().contains("square") && sq.getMessage().contains("(2, 3)"), sq.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Linalg.det(Nd.ones(3)));
        assertThrows(IllegalArgumentException.class, () -> Linalg.qr(Nd.ones(2)));
        assertThrows(IllegalArgumentException.class, () -> Linalg.eigh(Nd.ones(2, 2, 3)));
        IllegalArgumentException l = assertThrows(ShapeMismatchException.class, () -> Linalg.lstsq(Nd.ones(4, 2), Nd.ones(3)));
        assertTrue(l.getMessage().contains("(4, 2)") && l.getMessage().contains("(3,)"), l.getMessage());
        IllegalArgumentException m = assertThrows(ShapeMismatchException.class,
                () -> Linalg.multiDot(Nd.ones(2, 3), Nd.ones(4, 2)));
        assertTrue(m.getMessage().contains("(2, 3)") && m.getMessage().contains("(4, 2)"), m.getMessage());
        assertThrows(ShapeMismatchException.class, () -> Linalg.sylvester(Nd.eye(2), Nd.eye(3), Nd.ones(3, 2)));
        assertThrows(IllegalArgumentException.class, () -> Linalg.norm(Nd.ones(2, 2), "3"));
        assertThrows(ShapeMismatchException.class, () -> Linalg.solve(Nd.ones(2, 3, 3), Nd.ones(4, 3)));
    }

    @Test
    void nanInputIsRejectedOrPropagatedAsDocumented() {
        NdArray a = Nd.of(new double[][] {{Double.NaN, 1}, {1, 1}});
        // rejected: iterative algorithms that would not converge or silently return garbage
        for (Runnable r : new Runnable[] {() -> Linalg.svd(a), () -> Linalg.eigh(a), () -> Linalg.eig(a),
            () -> Linalg.schur(a), () -> Linalg.expm(a), () -> Linalg.sqrtm(a), () -> Linalg.pinv(a),
            () -> Linalg.matrixRank(a)}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
            assertTrue(e.getMessage().contains("NaN"), e.getMessage());
        }
        // propagated, as NumPy: direct methods return NaN
        assertTrue(Double.isNaN(Linalg.det(a).item()));
        assertTrue(Double.isNaN(Linalg.norm(a)));
        assertTrue(Linalg.solve(a, Nd.ones(2)).isNaN().any().itemBoolean());
    }

    @Test
    void float32InFloat32OutAndIntegersPromote() {
        NdArray a = RNG.gaussian(6, 6).add(Nd.eye(6).mul(6)).astype(DType.FLOAT32);
        assertSame(DType.FLOAT32, Linalg.inv(a).dtype());
        assertSame(DType.FLOAT32, Linalg.solve(a, Nd.ones(DType.FLOAT32, 6)).dtype());
        assertSame(DType.FLOAT32, Linalg.svd(a).s().dtype());
        assertSame(DType.FLOAT32, Linalg.qr(a).q().dtype());
        assertSame(DType.FLOAT32, Linalg.det(a).dtype());
        NdArray ref = Linalg.inv(a.astype(DType.FLOAT64)).astype(DType.FLOAT32);
        assertEquals(ref, Linalg.inv(a), "float32 is computed in float64 and rounded once");
        NdArray ints = Nd.ofLongs(2, 1, 1, 3).reshape(2, 2);
        assertSame(DType.FLOAT64, Linalg.inv(ints).dtype());
        assertEquals(5.0, Linalg.det(ints).item(), 1e-14);
    }

    @Test
    void stacksMapOverLeadingAxes() {
        NdArray st = RNG.gaussian(2, 3, 4, 4).add(Nd.eye(4).mul(4));
        NdArray inv = Linalg.inv(st);
        assertArrayEquals(new int[] {2, 3, 4, 4}, inv.shape());
        Golden.assertClose(Linalg.inv(st.get("1, 2")), inv.get("1, 2"), 1e-15, 0, "stack slice");
        assertArrayEquals(new int[] {2, 3}, Linalg.det(st).shape());
        assertArrayEquals(new int[] {2, 3, 4}, Linalg.eigvalsh(st.add(st.swapAxes(-1, -2))).shape());
        assertArrayEquals(new int[] {2, 3, 4}, Linalg.svdvals(st).shape());
        assertArrayEquals(new int[] {0, 4, 4}, Linalg.inv(Nd.zeros(0, 4, 4)).shape());
    }

    /** The record-returning decompositions stack their parts as NumPy does; each slice equals the 2-D call. */
    @Test
    void decompositionRecordsStack() {
        NdArray st = RNG.gaussian(2, 3, 5, 4);
        Qr qr = Linalg.qr(st);
        assertArrayEquals(new int[] {2, 3, 5, 4}, qr.q().shape());
        assertArrayEquals(new int[] {2, 3, 4, 4}, qr.r().shape());
        Qr qrc = Linalg.qr(st, true);
        assertArrayEquals(new int[] {2, 3, 5, 5}, qrc.q().shape());
        assertArrayEquals(new int[] {2, 3, 5, 4}, qrc.r().shape());
        Svd svd = Linalg.svd(st);
        assertArrayEquals(new int[] {2, 3, 5, 4}, svd.u().shape());
        assertArrayEquals(new int[] {2, 3, 4}, svd.s().shape());
        assertArrayEquals(new int[] {2, 3, 4, 4}, svd.vt().shape());
        Svd full = Linalg.svd(st, true);
        assertArrayEquals(new int[] {2, 3, 5, 5}, full.u().shape());
        NdArray sq = RNG.gaussian(2, 3, 70, 70);
        NdArray sym = sq.add(sq.swapAxes(-1, -2));
        Eigh eigh = Linalg.eigh(sym);
        assertArrayEquals(new int[] {2, 3, 70}, eigh.values().shape());
        assertArrayEquals(new int[] {2, 3, 70, 70}, eigh.vectors().shape());
        NdArray spd = sq.matmul(sq.swapAxes(-1, -2)).add(Nd.eye(70));
        NdArray chol = Linalg.cholesky(spd);
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                String at = i + ", " + j;
                NdArray a = st.get(at);
                Golden.assertClose(Linalg.qr(a).q(), qr.q().get(at), 0, 0, "qr Q slice " + at);
                Golden.assertClose(Linalg.qr(a, true).r(), qrc.r().get(at), 0, 0, "complete qr R slice " + at);
                Svd s = Linalg.svd(a);
                Golden.assertClose(s.s(), svd.s().get(at), 0, 0, "svd s slice " + at);
                Golden.assertClose(s.u(), svd.u().get(at), 0, 0, "svd U slice " + at);
                Golden.assertClose(s.vt(), svd.vt().get(at), 0, 0, "svd Vt slice " + at);
                Eigh e = Linalg.eigh(sym.get(at));
                Golden.assertClose(e.values(), eigh.values().get(at), 0, 0, "eigh values slice " + at);
                Golden.assertClose(e.vectors(), eigh.vectors().get(at), 0, 0, "eigh vectors slice " + at);
                Golden.assertClose(Linalg.cholesky(spd.get(at)), chol.get(at), 0, 0, "cholesky slice " + at);
                Checks.assertReconstructs(sym.get(at),
                        eigh.vectors().get(at).mul(eigh.values().get(at)).matmul(eigh.vectors().get(at).transpose()),
                        "stacked eigh " + at);
            }
        }
        Eigh empty = Linalg.eigh(Nd.zeros(0, 3, 3));
        assertArrayEquals(new int[] {0, 3}, empty.values().shape());
        assertArrayEquals(new int[] {0, 3, 3}, empty.vectors().shape());
        Svd emptySvd = Linalg.svd(Nd.zeros(2, 0, 5, 3));
        assertArrayEquals(new int[] {2, 0, 3}, emptySvd.s().shape());
        assertArrayEquals(new int[] {2, 0, 5, 3}, emptySvd.u().shape());
    }

    @Test
    void viewsAreAcceptedAndInputsNeverChange() {
        NdArray big = RNG.gaussian(8, 8);
        NdArray before = big.copy();
        NdArray view = big.get("1:6, 2:7").transpose();
        Lu lu = Linalg.lu(view);
        Checks.assertReconstructs(view, lu.p().matmul(lu.l()).matmul(lu.u()), "lu of a view");
        Linalg.cholesky(big.matmul(big.transpose()).add(Nd.eye(8)));
        Linalg.qr(big);
        Linalg.svd(big);
        Linalg.inv(big);
        Linalg.expm(big);
        assertEquals(before, big);
    }

    @Test
    void solversAgree() {
        NdArray a = RNG.gaussian(9, 9).add(Nd.eye(9).mul(9));
        NdArray b = RNG.gaussian(9, 3);
        NdArray x = Linalg.solve(a, b);
        Golden.assertClose(b, a.matmul(x), 1e-12, 1e-12, "solve residual");
        Golden.assertClose(x, Linalg.inv(a).matmul(b), 1e-12, 1e-12, "inv vs solve");
        Golden.assertClose(x, Linalg.lstsq(a, b).x(), 1e-11, 1e-12, "lstsq vs solve");
        Golden.assertClose(x, Linalg.pinv(a).matmul(b), 1e-11, 1e-12, "pinv vs solve");
        NdArray spd = a.matmul(a.transpose());
        Golden.assertClose(Linalg.solve(spd, b), Linalg.solveSpd(spd, b), 1e-10, 1e-12, "spd vs general");
        // tridiagonal against dense
        NdArray dl = RNG.gaussian(8);
        NdArray d = RNG.gaussian(9).add(4);
        NdArray du = RNG.gaussian(8);
        NdArray dense = Nd.diag(d).add(pad(dl, -1)).add(pad(du, 1));
        Golden.assertClose(Linalg.solve(dense, b), Linalg.solveTridiagonal(dl, d, du, b), 1e-12, 1e-12, "tridiagonal");
        // Lyapunov residual
        NdArray q = RNG.gaussian(9, 9);
        NdArray xl = Linalg.lyapunov(a.neg(), q);
        Golden.assertClose(q, a.neg().matmul(xl).add(xl.matmul(a.neg().transpose())), 1e-10, 1e-10, "lyapunov residual");
    }

    private static NdArray pad(NdArray v, int k) {
        int n = v.shape(0) + 1;
        NdArray m = Nd.zeros(n, n);
        for (int i = 0; i < v.shape(0); i++) {
            if (k < 0) {
                m.setDouble(v.getDouble(i), i + 1, i);
            } else {
                m.setDouble(v.getDouble(i), i, i + 1);
            }
        }
        return m;
    }

    @Test
    void matrixFunctionsAreConsistent() {
        NdArray a = RNG.gaussian(6, 6).mul(0.3);
        NdArray e = Linalg.expm(a);
        Golden.assertClose(a, Linalg.logm(e), 1e-9, 1e-10, "logm(expm(a))");
        NdArray s = Linalg.sqrtm(e);
        Golden.assertClose(e, s.matmul(s), 1e-11, 1e-12, "sqrtm squared");
        assertThrows(LinalgException.class, () -> Linalg.sqrtm(Nd.of(new double[][] {{-1, 0}, {0, 1}})));
        assertThrows(LinalgException.class, () -> Linalg.logm(Nd.zeros(2, 2)));
        Golden.assertClose(Nd.eye(3), Linalg.expm(Nd.zeros(3, 3)), 0, 0, "expm(0)");
    }

    @Test
    void normsAndProducts() {
        NdArray v = Nd.of(3, -4);
        assertEquals(5, Linalg.norm(v));
        assertEquals(7, Linalg.norm(v, "1"));
        assertEquals(4, Linalg.norm(v, "inf"));
        assertEquals(Math.sqrt(2) * 1e200, Linalg.norm(Nd.of(1e200, 1e200)), 1e186, "scaled, no overflow");
        assertEquals(Math.sqrt(2) * 1e-200, Linalg.norm(Nd.of(1e-200, 1e-200)), 1e-214, "scaled, no underflow");
        NdArray m = Nd.of(new double[][] {{1, 2}, {3, 4}});
        assertEquals(6, Linalg.norm(m, "1"));
        assertEquals(7, Linalg.norm(m, "inf"));
        assertEquals(5, Linalg.trace(m));
        assertEquals(-2, Linalg.detValue(m), 1e-14);
        assertArrayEquals(new int[] {4, 4}, Linalg.kron(m, m).shape());
        NdArray x = RNG.gaussian(30, 2);
        NdArray y = RNG.gaussian(2, 30);
        Golden.assertClose(x.matmul(y).matmul(x), Linalg.multiDot(x, y, x), 1e-12, 1e-12, "multiDot");
        Golden.assertClose(Nd.eye(2), Linalg.matrixPower(m, 0), 0, 0, "power 0");
    }
}
