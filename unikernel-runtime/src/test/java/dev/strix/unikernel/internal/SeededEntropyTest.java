package dev.strix.unikernel.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SeededEntropyTest {
    @Test
    void theStreamIsSha256OfSeedAndCounterWhateverTheReadSizes() throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] expected = new byte[100];
        for (int block = 0; block * 32 < 100; block++) {
            byte[] d = sha.digest(ByteBuffer.allocate(16).putLong(42).putLong(block).array());
            System.arraycopy(d, 0, expected, block * 32, Math.min(32, 100 - block * 32));
        }
        SeededEntropy e = new SeededEntropy(42);
        byte[] got = new byte[100];
        byte[] a = new byte[7];
        byte[] b = new byte[93];
        e.fill(a);
        e.fill(b);
        System.arraycopy(a, 0, got, 0, 7);
        System.arraycopy(b, 0, got, 7, 93);
        assertArrayEquals(expected, got);
        assertTrue(e.isDeterministic());
    }

    @Test
    void differentSeedsGiveDifferentStreams() throws Exception {
        byte[] a = new byte[32];
        byte[] b = new byte[32];
        new SeededEntropy(1).fill(a);
        new SeededEntropy(2).fill(b);
        assertFalse(Arrays.equals(a, b));
        assertFalse(new SystemEntropy().isDeterministic());
    }
}
