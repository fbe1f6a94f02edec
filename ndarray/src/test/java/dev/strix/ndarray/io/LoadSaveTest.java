package dev.strix.ndarray.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.ndarray.Nd;
import dev.strix.ndarray.NdArray;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code NdArray.save} and {@code Nd.load}. */
class LoadSaveTest {
    @TempDir
    Path dir;

    @Test
    void saveAndLoadNpy() throws IOException {
        NdArray a = Nd.arange(12).reshape(3, 4);
        Path p = dir.resolve("A.NPY");
        a.save(p);
        assertEquals(a, Nd.load(p));
        assertEquals(Nd.load(IoTestSupport.resource("f8_c.npy")), Npy.read(IoTestSupport.resource("f8_c.npy")));
    }

    @Test
    void loadCsvGivesTheNumericColumns() throws IOException {
        Path p = dir.resolve("d.csv");
        Files.writeString(p, "a,label,b\n1,x,2\n3,y,4\n");
        assertEquals(Nd.of(new double[][] {{1, 2}, {3, 4}}), Nd.load(p));
        Csv.write(p, Nd.of(1, 2), List.of("v"));
        assertEquals(Nd.of(new double[][] {{1}, {2}}), Nd.load(p));
    }

    @Test
    void unknownExtension() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Nd.load(dir.resolve("x.mat")));
        assertTrue(e.getMessage().contains("'.mat'"), e.getMessage());
        IllegalArgumentException z = assertThrows(IllegalArgumentException.class, () -> Nd.load(dir.resolve("x.npz")));
        assertTrue(z.getMessage().contains("Npz.read"), z.getMessage());
    }
}
