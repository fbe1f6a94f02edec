package dev.strix.unikernel;

import java.nio.ByteBuffer;

/**
 * A block device: a fixed number of fixed-size sectors, read and written whole. On the unix
 * target a host file is the device (its last partial sector reads as zero padding, so the device
 * shows the same bytes as the padded disk image the qemu target attaches as virtio-blk).
 *
 * <p>Reads and writes take a buffer whose remaining length is a positive multiple of
 * {@link #sectorSize()} and transfer exactly that many bytes starting at {@code sector}; a range
 * past the end, an unaligned length or a write to a read-only device is a {@link DeviceException}
 * and transfers nothing. {@link #flush()} returns once written sectors are durable.
 */
public interface Block extends AutoCloseable {
    /** The configured name of the device. */
    String name();

    /** Bytes per sector (512 on every target today). */
    int sectorSize();

    /** Capacity in sectors. */
    long sectorCount();

    /** Capacity in bytes. */
    default long capacity() {
        return sectorCount() * sectorSize();
    }

    boolean isReadOnly();

    void read(long sector, ByteBuffer dst) throws DeviceException;

    void write(long sector, ByteBuffer src) throws DeviceException;

    void flush() throws DeviceException;

    @Override
    void close() throws DeviceException;
}
