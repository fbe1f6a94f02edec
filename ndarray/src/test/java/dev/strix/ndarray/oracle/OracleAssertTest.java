package dev.strix.ndarray.oracle;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strix.ndarray.DType;
import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import org.junit.jupiter.api.Test;

/** The comparison helper must reject what the oracle's rule rejects, or every case passes vacuously. */
class OracleAssertTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String s) throws Exception {
        return JSON.readTree(s.replace('\'', '"'));
    }

    private static void check(String expected, NdArray actual, String tol) throws Exception {
        OracleAssert.assertMatches("self-test", json(expected), actual, json(tol));
    }

    @Test
    void comparisonRule() throws Exception {
        String exact = "{'mode':'exact','rtol':0,'atol':0}";
        String close = "{'mode':'allclose','rtol':1e-12,'atol':0}";
        String f = "{'dtype':'float64','shape':[4],'data':['NaN','Infinity',-0.0,1.0]}";
        assertDoesNotThrow(() -> check(f, Nd.of(Double.NaN, Double.POSITIVE_INFINITY, 0.0, 1.0), exact));
        assertDoesNotThrow(() -> check(f, Nd.of(Double.NaN, Double.POSITIVE_INFINITY, 0.0, 1.0 + 1e-13), close));
        assertThrows(AssertionError.class, () -> check(f, Nd.of(Double.NaN, Double.POSITIVE_INFINITY, 0.0, 1.0 + 1e-11), close));
        assertThrows(AssertionError.class, () -> check(f, Nd.of(0.0, Double.POSITIVE_INFINITY, 0.0, 1.0), close));
        assertThrows(AssertionError.class, () -> check(f, Nd.of(Double.NaN, Double.NEGATIVE_INFINITY, 0.0, 1.0), close));
        assertThrows(AssertionError.class, () -> check(f, Nd.of(Double.NaN, Double.POSITIVE_INFINITY, 0.0, 1.0).reshape(2, 2), exact));
        String i = "{'dtype':'int64','shape':[2],'data':[9223372036854775807,-1]}";
        assertDoesNotThrow(() -> check(i, Nd.ofLongs(Long.MAX_VALUE, -1), exact));
        assertThrows(AssertionError.class, () -> check(i, Nd.ofLongs(Long.MAX_VALUE - 1, -1), exact));
        assertThrows(AssertionError.class, () -> check(i, Nd.of(9.223372036854775807E18, -1), exact), "dtype class");
        assertThrows(AssertionError.class, () -> check("{'dtype':'bool','shape':[],'data':[true]}",
                Nd.scalar(1L), exact), "bool result must be bool");
        assertDoesNotThrow(() -> check("{'dtype':'float64','shape':[1],'data':[0.1]}",
                Nd.ofFloats(0.1f).astype(DType.FLOAT32), "{'mode':'allclose','rtol':1e-6,'atol':0}"));
    }
}
