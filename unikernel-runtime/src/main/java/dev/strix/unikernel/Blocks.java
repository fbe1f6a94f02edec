package dev.strix.unikernel;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Whole-device helpers for the common case of a block device that carries one file (a CSV bound
 * with {@code --block data=file.csv}): the file's bytes followed by zero padding up to the sector
 * boundary, the same on every target.
 */
public final class Blocks {
    /** Largest device {@link #readAll} copies into memory (a Java array's limit, rounded down). */
    public static final long MAX_READ_ALL = Integer.MAX_VALUE - 4096L;

    private Blocks() {
    }

    /** Every byte of the device, padding included. */
    public static byte[] readAll(Block block) throws DeviceException {
        long capacity = block.capacity();
        if (capacity > MAX_READ_ALL) {
            throw new DeviceException(block.name(), DeviceException.Reason.BAD_ARGUMENT, "device holds "
                    + capacity + " bytes, more than readAll can hold in one array; read it by sectors");
        }
        byte[] all = new byte[(int) capacity];
        int chunkSectors = Math.max(1, (1 << 20) / block.sectorSize());
        long sectors = block.sectorCount();
        for (long s = 0; s < sectors; s += chunkSectors) {
            int n = (int) Math.min(chunkSectors, sectors - s);
            block.read(s, ByteBuffer.wrap(all, (int) (s * block.sectorSize()), n * block.sectorSize()));
        }
        return all;
    }

    /**
     * The text file the device carries: UTF-8, with the trailing zero padding removed. A zero
     * byte before the padding means the device does not hold a text file, and is an error naming
     * its offset.
     */
    public static String readText(Block block) throws DeviceException {
        byte[] all = readAll(block);
        int end = all.length;
        while (end > 0 && all[end - 1] == 0) {
            end--;
        }
        for (int i = 0; i < end; i++) {
            if (all[i] == 0) {
                throw new DeviceException(block.name(), DeviceException.Reason.CORRUPT,
                        "device does not hold a text file: zero byte at offset " + i);
            }
        }
        return new String(Arrays.copyOf(all, end), StandardCharsets.UTF_8);
    }
}
