package dev.strix.ndarray.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strix.ndarray.DType;
import dev.strix.ndarray.NdArray;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Files written by NumPy 1.24 ({@code np.save}, {@code np.savez}, {@code np.savez_compressed},
 * {@code write_array(version=...)}); {@code expected.json} holds their values as raw bit patterns.
 */
class NpyGoldenTest {
    static Map<String, Map<String, Object>> expected() throws IOException {
        try (InputStream in = NpyGoldenTest.class.getResourceAsStream("/io/expected.json")) {
            return new ObjectMapper().readValue(in, new TypeReference<Map<String, Map<String, Object>>>() { });
        }
    }

    static Stream<String> npyCases() throws IOException {
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> e : expected().entrySet()) {
            if (!e.getValue().containsKey("entry")) {
                names.add(e.getKey());
            }
        }
        return names.stream();
    }

    /** Compares dtype, shape and every element's bits. */
    static void assertMatches(Map<String, Object> exp, NdArray a, String what) {
        assertEquals(exp.get("dtype"), a.dtype().numpyName(), what + " dtype");
        @SuppressWarnings("unchecked")
        List<Integer> shape = (List<Integer>) exp.get("shape");
        assertArrayEquals(shape.stream().mapToInt(Integer::intValue).toArray(), a.shape(), what + " shape");
        assertEquals(true, a.isContiguous(), what + " contiguous");
        List<?> vals = (List<?>) (exp.containsKey("bits") ? exp.get("bits") : exp.get("values"));
        assertEquals(vals.size(), a.size(), what + " size");
        NdArray c = a.contiguous();
        Object buf = c.buffer();
        for (int i = 0; i < vals.size(); i++) {
            int k = c.offset() + i;
            String at = what + " element " + i;
            switch (a.dtype()) {
                case FLOAT64:
                    assertEquals(Long.parseUnsignedLong((String) vals.get(i), 16),
                            Double.doubleToRawLongBits(((double[]) buf)[k]), at);
                    break;
                case FLOAT32:
                    assertEquals(Integer.parseUnsignedInt((String) vals.get(i), 16),
                            Float.floatToRawIntBits(((float[]) buf)[k]), at);
                    break;
                case INT64:
                    assertEquals(((Number) vals.get(i)).longValue(), ((long[]) buf)[k], at);
                    break;
                case INT32:
                    assertEquals(((Number) vals.get(i)).longValue(), ((int[]) buf)[k], at);
                    break;
                case BOOL:
                    assertEquals(vals.get(i), ((boolean[]) buf)[k], at);
                    break;
                default:
                    throw new AssertionError(a.dtype());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("npyCases")
    void readsNumpyFiles(String name) throws IOException {
        Map<String, Object> exp = expected().get(name);
        Path f = IoTestSupport.resource((String) exp.get("file"));
        assertMatches(exp, Npy.read(f), name);
        try (InputStream in = Files.newInputStream(f)) {
            assertMatches(exp, Npy.read(in, name), name + " (stream)");
            assertEquals(-1, in.read(), "the stream reader consumes exactly the array");
        }
    }

    /** Strix writes exactly NumPy's bytes for C-order little-endian arrays of its dtypes. */
    @ParameterizedTest
    @ValueSource(strings = {"f8_c", "f8_1d", "f8_c_3d", "f4", "i4", "i8", "bool", "scalar_0d", "empty_0x3",
        "specials", "nan_payloads", "f4_specials"})
    void writesNumpyBytesExactly(String name) throws IOException {
        Path f = IoTestSupport.resource(name + ".npy");
        NdArray a = Npy.read(f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, a);
        assertArrayEquals(Files.readAllBytes(f), out.toByteArray(), name);
    }

    /** Fortran-order and big-endian files become the same C-order arrays NumPy's C-order copies are. */
    @Test
    void fortranAndBigEndianReadAsTheirCOrderValues() throws IOException {
        NdArray c = Npy.read(IoTestSupport.resource("f8_c.npy"));
        NdArray be = Npy.read(IoTestSupport.resource("f8_be.npy"));
        assertEquals(c, be);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, be);
        assertArrayEquals(Files.readAllBytes(IoTestSupport.resource("f8_c.npy")), out.toByteArray());
        NdArray f = Npy.read(IoTestSupport.resource("f8_fortran.npy"));
        assertEquals(DType.FLOAT64, f.dtype());
        assertArrayEquals(new int[] {3, 4}, f.shape());
    }

    @Test
    void readsNpzArchivesInOrder() throws IOException {
        Map<String, Map<String, Object>> exp = expected();
        for (String archive : new String[] {"savez", "savez_compressed"}) {
            Map<String, NdArray> m = Npz.read(IoTestSupport.resource(archive + ".npz"));
            assertEquals(List.of("zeta", "alpha", "mid"), new ArrayList<>(m.keySet()), archive);
            for (String k : m.keySet()) {
                assertMatches(exp.get(archive + "/" + k), m.get(k), archive + "/" + k);
            }
        }
    }
}
