package dev.strix.unikernel;

/**
 * Random bytes: the host's or guest's system source (virtio-rng in the VM), or a deterministic
 * stream from a seed given in the configuration, so a run can be repeated bit for bit.
 */
public interface Entropy {
    void fill(byte[] bytes) throws DeviceException;

    /** True when the bytes come from a configured seed and repeat from run to run. */
    boolean isDeterministic();

    /** Eight bytes as a long, for seeding a random stream. */
    default long nextLong() throws DeviceException {
        byte[] b = new byte[8];
        fill(b);
        long v = 0;
        for (byte x : b) {
            v = (v << 8) | (x & 0xff);
        }
        return v;
    }
}
