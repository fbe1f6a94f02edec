package dev.strix.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strix.ndarray.NdArray;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * NumPy's eigenvalues, singular values and |diag R| (oracle/blocked_cases.json, written by
 * linalg/oracle/make_blocked_cases.py) for matrices above the sizes where Strix's own blocked QR,
 * symmetric eigensolver and SVD replace EJML; the inputs are integer formulas built identically here.
 */
class BlockedOracleTest {

    /** Must match matrix() in linalg/oracle/make_blocked_cases.py. */
    static NdArray matrix(String kind, int m, int n) {
        double[] a = new double[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double v = switch (kind) {
                    case "sym_mod" -> ((i + 1) * (j + 1) % 23) - 11;
                    case "sym_graded" -> Math.scalb((double) (((i + 1) * (j + 1) % 23) - 11 + (i == j ? 30 : 0)),
                            (i * 800) / (n - 1) - 400 + (j * 800) / (n - 1) - 400);
                    case "wilkinson" -> i == j ? Math.abs(i - (n - 1) / 2.0) : (Math.abs(i - j) == 1 ? 1 : 0);
                    case "ones_plus_eye" -> 1.0 + (i == j ? 1 : 0);
                    case "rect_mod" -> ((i + 1) * (2 * j + 3) % 29) - 14;
                    case "rect_prime" -> ((i + 1) * (2 * j + 3) % 1021) - 510;
                    case "hash" -> ((i * 1103515245L + j * 12345L + (long) i * j * 2654435761L) % 2147483648L) % 1000 - 500;
                    case "rank_def" -> ((i % 7) + 1) * ((j % 5) + 1) - (i % 3) * (j % 4);
                    default -> throw new IllegalArgumentException(kind);
                };
                a[i * n + j] = v;
            }
        }
        return NdArray.wrap(a, m, n);
    }

    static List<JsonNode> cases() throws IOException {
        try (InputStream in = BlockedOracleTest.class.getResourceAsStream("/oracle/blocked_cases.json")) {
            List<JsonNode> out = new ArrayList<>();
            new ObjectMapper().readTree(in).get("cases").forEach(out::add);
            return out;
        }
    }

    static void assertValues(JsonNode c, double[] actual, String what) {
        JsonNode exp = c.get("out");
        assertEquals(exp.size(), actual.length, what + ": count");
        double atol = c.get("atol").asDouble();
        double rtol = c.get("rtol").asDouble();
        for (int i = 0; i < actual.length; i++) {
            double e = exp.get(i).asDouble();
            int ii = i;
            assertTrue(Math.abs(actual[i] - e) <= atol + rtol * Math.abs(e),
                    () -> what + ": element " + ii + " is " + actual[ii] + ", NumPy " + e + " (atol " + atol + ")");
        }
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("cases")
    void matchesNumPy(JsonNode c) {
        String fn = c.get("fn").asText();
        int m = c.get("m").asInt();
        int n = c.get("n").asInt();
        NdArray a = matrix(c.get("kind").asText(), m, n);
        String what = fn + " " + c.get("kind").asText() + " " + m + "x" + n;
        switch (fn) {
            case "eigvalsh" -> {
                assertValues(c, Linalg.eigvalsh(a).toDoubleArray(), what);
                Eigh e = Linalg.eigh(a);
                assertValues(c, e.values().toDoubleArray(), what + " (eigh)");
                Checks.assertOrthonormalColumns(e.vectors(), what + " vectors");
                double res = Linalg.norm(a.matmul(e.vectors()).sub(e.vectors().mul(e.values())));
                assertTrue(res <= c.get("atol").asDouble() * Math.sqrt(n), () -> what + ": ||A V - V L|| = " + res);
            }
            case "svdvals" -> {
                assertValues(c, Linalg.svdvals(a).toDoubleArray(), what);
                Svd s = Linalg.svd(a);
                assertValues(c, s.s().toDoubleArray(), what + " (svd)");
                Checks.assertReconstructs(a, s.u().mul(s.s()).matmul(s.vt()), what + " U S Vt");
                Checks.assertOrthonormalColumns(s.u(), what + " U");
                Checks.assertOrthonormalColumns(s.vt().transpose(), what + " V");
            }
            case "qr_abs_diag_r" -> {
                Qr q = Linalg.qr(a);
                int k = Math.min(m, n);
                double[] d = new double[k];
                for (int i = 0; i < k; i++) {
                    d[i] = Math.abs(q.r().getDouble(i, i));
                }
                assertValues(c, d, what);
                Checks.assertReconstructs(a, q.q().matmul(q.r()), what + " Q R");
            }
            default -> throw new IllegalArgumentException(fn);
        }
    }
}
