package dev.strix.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import dev.strix.ndarray.ShapeMismatchException;
import org.junit.jupiter.api.Test;

/**
 * Solvers on 2-D Poisson (n = 30, so 900 unknowns, condition ~400) and random SPD/nonsymmetric
 * systems with a known solution. Each test checks the true residual ||b - A x|| <= rtol ||b||
 * recomputed here, and the error against the known x within cond(A) * rtol.
 */
class IterativeSolversTest {
    static final CsrMatrix P = Sparse.poisson2d(30);
    static final NdArray XTRUE = Nd.random(11).gaussian(900);
    static final NdArray B = P.matmul(XTRUE);

    static double relres(CsrMatrix a, NdArray x, NdArray b) {
        return b.sub(a.matmul(x)).normL2().item() / b.normL2().item();
    }

    /** A random SPD matrix: R^T R + n I with sparse R. */
    static CsrMatrix randomSpd(int n, long seed) {
        CsrMatrix r = Sparse.random(n, n, 0.02, seed);
        return r.transpose().toCsr().matmul(r).add(Sparse.eye(n).mul(n * 0.05));
    }

    @Test
    void cgOnPoissonWithEachPreconditioner() {
        SolverOptions o = SolverOptions.defaults().withRtol(1e-10);
        for (Preconditioner m : new Preconditioner[] {Preconditioner.identity(), Preconditioner.jacobi(P), Preconditioner.ilu0(P)}) {
            ConvergenceReport r = IterativeSolvers.cg(P, B, null, m, o);
            assertTrue(r.converged(), r.toString());
            assertTrue(relres(P, r.x(), B) <= 1e-10, r.toString());
            assertTrue(r.x().allClose(XTRUE, 1e-6, 1e-6), r.toString());
            assertEquals(r.iterations() + 1, r.history().length);
        }
        int plain = IterativeSolvers.cg(P, B, null, Preconditioner.identity(), o).iterations();
        int ilu = IterativeSolvers.cg(P, B, null, Preconditioner.ilu0(P), o).iterations();
        assertTrue(ilu < plain, "ILU(0) should cut the iterations: " + ilu + " vs " + plain);
    }

    @Test
    void cgOnRandomSpd() {
        CsrMatrix a = randomSpd(300, 4);
        NdArray x = Nd.random(5).gaussian(300);
        NdArray b = a.matmul(x);
        ConvergenceReport r = IterativeSolvers.cg(a, b, null, Preconditioner.jacobi(a), SolverOptions.defaults().withRtol(1e-12));
        assertTrue(r.converged(), r.toString());
        assertTrue(relres(a, r.x(), b) <= 1e-12);
        assertTrue(r.x().allClose(x, 1e-8, 1e-8));
    }

    @Test
    void bicgstabAndGmresOnNonsymmetric() {
        // convection-diffusion-like: Poisson plus a nonsymmetric first-difference term
        CsrMatrix conv = Sparse.diags(Nd.full(0.5, 899), 1).sub(Sparse.diags(Nd.full(0.5, 899), -1));
        CsrMatrix a = P.add(conv);
        NdArray b = a.matmul(XTRUE);
        SolverOptions o = SolverOptions.defaults().withRtol(1e-10);
        for (Preconditioner m : new Preconditioner[] {Preconditioner.identity(), Preconditioner.jacobi(a), Preconditioner.ilu0(a)}) {
            ConvergenceReport r1 = IterativeSolvers.bicgstab(a, b, null, m, o);
            assertTrue(r1.converged() && relres(a, r1.x(), b) <= 1e-10, r1.toString());
            ConvergenceReport r2 = IterativeSolvers.gmres(a, b, null, m, o.withRestart(40));
            assertTrue(r2.converged() && relres(a, r2.x(), b) <= 1e-10, r2.toString());
            assertTrue(r2.x().allClose(XTRUE, 1e-6, 1e-6));
        }
    }

    @Test
    void limitsAndReports() {
        ConvergenceReport r = IterativeSolvers.cg(P, B, null, Preconditioner.identity(), SolverOptions.defaults().withMaxIter(5));
        assertFalse(r.converged());
        assertEquals("maxIter", r.reason());
        assertEquals(5, r.iterations());
        ConvergenceReport z = IterativeSolvers.cg(P, Nd.zeros(900));
        assertTrue(z.converged());
        assertEquals(0, z.iterations());
        ConvergenceReport warm = IterativeSolvers.gmres(P, B, XTRUE, Preconditioner.identity(), SolverOptions.defaults());
        assertEquals(0, warm.iterations(), "exact initial guess");
        ConvergenceReport abs = IterativeSolvers.cg(P, B, null, Preconditioner.identity(), new SolverOptions(0, 1e-3, 0, 30));
        assertTrue(abs.converged() && abs.residualNorm() <= 1e-3);
        CsrMatrix indefinite = Sparse.diags(Nd.of(1, -1, 1), 0);
        assertEquals("breakdown", IterativeSolvers.cg(indefinite, Nd.of(1, 1, 1)).reason());
        ShapeMismatchException e = assertThrows(ShapeMismatchException.class, () -> IterativeSolvers.cg(P, Nd.ones(5)));
        assertTrue(e.getMessage().contains("(900, 900)") && e.getMessage().contains("(5,)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Preconditioner.ilu0(CsrMatrix.fromDense(Nd.of(new double[][] {{0, 1}, {1, 0}}))));
        assertThrows(IllegalArgumentException.class, () -> new SolverOptions(-1, 0, 0, 30));
    }
}
