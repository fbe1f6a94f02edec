package dev.strix.unikernel.internal;

import dev.strix.unikernel.Entropy;
import java.security.SecureRandom;

/**
 * The operating system's random source through {@link SecureRandom}: {@code /dev/urandom} on the
 * host, and in the VM the kernel pool that virtio-rng feeds.
 */
public final class SystemEntropy implements Entropy {
    private final SecureRandom random = new SecureRandom();

    @Override
    public void fill(byte[] bytes) {
        random.nextBytes(bytes);
    }

    @Override
    public boolean isDeterministic() {
        return false;
    }
}
