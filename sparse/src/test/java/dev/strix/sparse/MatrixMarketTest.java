package dev.strix.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Matrix Market read/write round trips and malformed files (each rejected naming file and line). */
class MatrixMarketTest {
    @TempDir
    Path dir;

    Path file(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsAllFieldsAndSymmetries() throws IOException {
        CsrMatrix g = MatrixMarket.readCsr(file("g.mtx", "%%MatrixMarket matrix coordinate real general\n% comment\n2 3 3\n1 1 1.5\n2 3 -2\n1 1 0.5\n"));
        assertEquals(Nd.of(new double[][] {{2, 0, 0}, {0, 0, -2}}), g.toDense(), "duplicates summed");
        CsrMatrix s = MatrixMarket.readCsr(file("s.mtx", "%%MatrixMarket matrix coordinate integer symmetric\n3 3 2\n1 1 4\n3 1 7\n"));
        assertEquals(Nd.of(new double[][] {{4, 0, 7}, {0, 0, 0}, {7, 0, 0}}), s.toDense());
        CsrMatrix k = MatrixMarket.readCsr(file("k.mtx", "%%MatrixMarket matrix coordinate real skew-symmetric\n2 2 1\n2 1 3\n"));
        assertEquals(Nd.of(new double[][] {{0, -3}, {3, 0}}), k.toDense());
        CsrMatrix p = MatrixMarket.readCsr(file("p.mtx", "%%MatrixMarket matrix coordinate pattern general\n2 2 2\n1 2\n2 1\n"));
        assertEquals(Nd.of(new double[][] {{0, 1}, {1, 0}}), p.toDense());
        NdArray a = MatrixMarket.readDense(file("a.mtx", "%%MatrixMarket matrix array real general\n2 2\n1\n2\n3\n4\n"));
        assertEquals(Nd.of(new double[][] {{1, 3}, {2, 4}}), a, "column-major");
        NdArray as = MatrixMarket.readDense(file("as.mtx", "%%MatrixMarket matrix array real symmetric\n2 2\n1\n2\n3\n"));
        assertEquals(Nd.of(new double[][] {{1, 2}, {2, 3}}), as);
        assertEquals("coordinate", MatrixMarket.readHeader(dir.resolve("g.mtx")).format());
    }

    @Test
    void roundTripsAtomically() throws IOException {
        CsrMatrix r = Sparse.random(50, 40, 0.1, 1).add(CsrMatrix.fromDense(Nd.full(-1e-300, 50, 40)).multiply(Sparse.random(50, 40, 0.05, 2)));
        Path f = dir.resolve("r.mtx");
        MatrixMarket.write(f, r);
        assertEquals(r, MatrixMarket.readCsr(f), "exact round trip");
        MatrixMarket.write(f, Sparse.poisson2d(4), MatrixMarket.Field.INTEGER, true);
        assertEquals(Sparse.poisson2d(4), MatrixMarket.readCsr(f));
        assertTrue(Files.readString(f).contains("integer symmetric"));
        MatrixMarket.write(f, Sparse.eye(3), MatrixMarket.Field.PATTERN, false);
        assertEquals(Sparse.eye(3), MatrixMarket.readCsr(f));
        NdArray d = Nd.random(3).gaussian(4, 3);
        MatrixMarket.writeDense(f, d);
        assertEquals(d, MatrixMarket.readDense(f));
        try (var s = Files.list(dir)) {
            assertTrue(s.noneMatch(p -> p.toString().endsWith(".tmp")), "no temporary file left");
        }
        assertThrows(IllegalArgumentException.class, () -> MatrixMarket.write(f, CsrMatrix.fromDense(Nd.of(new double[][] {{0, 1}, {0, 0}})),
                MatrixMarket.Field.REAL, true));
        assertEquals(d, MatrixMarket.readDense(f), "a refused write leaves the old file");
    }

    void rejects(String text, long line, String words) throws IOException {
        Path f = file("bad.mtx", text);
        MatrixMarketException e = assertThrows(MatrixMarketException.class, () -> MatrixMarket.readCsr(f));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith(f + ":" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
    }

    @Test
    void malformedFiles() throws IOException {
        rejects("%%MatrixMarket tensor coordinate real general\n1 1 0\n", 1, "bad banner");
        rejects("hello\n", 1, "bad banner");
        rejects("", 1, "empty file");
        rejects("%%MatrixMarket matrix coordinate complex general\n1 1 0\n", 1, "complex");
        rejects("%%MatrixMarket matrix coordinate real general\n%c\n2 2 1\n3 1 1.0\n", 4, "out of range");
        rejects("%%MatrixMarket matrix coordinate real general\n2 2 1\n0 1 1.0\n", 3, "out of range");
        rejects("%%MatrixMarket matrix coordinate real general\n2 2 3\n1 1 1\n2 2 2\n\n", 5, "after 2 of 3 entries");
        rejects("%%MatrixMarket matrix coordinate real general\n2 2 1\n1 1 1\n2 2 2\n", 4, "more entries");
        rejects("%%MatrixMarket matrix coordinate real general\n2 2 1\n1 1 x\n", 3, "bad real value");
        rejects("%%MatrixMarket matrix coordinate integer general\n2 2 1\n1 1 1.5\n", 3, "bad integer value");
        rejects("%%MatrixMarket matrix coordinate real skew-symmetric\n2 2 1\n1 1 1\n", 3, "diagonal");
        rejects("%%MatrixMarket matrix coordinate real symmetric\n2 3 0\n", 2, "square");
        rejects("%%MatrixMarket matrix array real general\n3 3\n1\n2\n", 2, "values but only");
        rejects("%%MatrixMarket matrix coordinate real general\n2 2\n", 2, "3 integers");
    }

    @Test
    void hostileHeaderFailsBeforeAllocating() throws IOException {
        // 10^12 entries claimed in a tiny file: rejected from the size line, nothing allocated
        long before = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        rejects("%%MatrixMarket matrix coordinate real general\n1000000 1000000 1000000000000\n1 1 1\n", 2, "1000000000000 entries");
        rejects("%%MatrixMarket matrix array real general\n100000 100000\n1\n", 2, "exceeds");
        long after = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        assertTrue(after - before < 256L << 20, "no large allocation");
    }
}
