package dev.strix.unikernel.internal;

import dev.strix.unikernel.Entropy;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Deterministic bytes from a seed: SHA-256 of (seed, counter) blocks, so the same seed gives the
 * same stream on every target and JDK (the JDK's SecureRandom with a seed does not promise that).
 * For repeatable analyses, not for keys.
 */
public final class SeededEntropy implements Entropy {
    private final MessageDigest sha;
    private final long seed;
    private long counter;
    private final byte[] block = new byte[32];
    private int used = block.length;

    public SeededEntropy(long seed) {
        this.seed = seed;
        try {
            this.sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }

    @Override
    public synchronized void fill(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (used == block.length) {
                sha.update(ByteBuffer.allocate(16).putLong(seed).putLong(counter++).array());
                byte[] d = sha.digest();
                System.arraycopy(d, 0, block, 0, block.length);
                used = 0;
            }
            bytes[i] = block[used++];
        }
    }

    @Override
    public boolean isDeterministic() {
        return true;
    }
}
