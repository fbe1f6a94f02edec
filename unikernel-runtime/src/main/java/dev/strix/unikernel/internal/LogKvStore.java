package dev.strix.unikernel.internal;

import dev.strix.unikernel.Block;
import dev.strix.unikernel.DeviceException;
import dev.strix.unikernel.DeviceException.Reason;
import dev.strix.unikernel.KvStore;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * A crash-safe key-value store on a {@link Block}: the qemu target's {@code kv} device, on a
 * virtio disk the host keeps across runs.
 *
 * <h2>Layout (all integers big-endian)</h2>
 * <pre>
 * sector 0, 1      superblock slots; the one for generation g is slot g % 2
 * sector 2 ..      region 0: R sectors, R = (sectorCount - 2) / 2
 * sector 2 + R ..  region 1: R sectors
 *
 * superblock (one sector, zero padded)
 *   0  8 bytes magic "STRIXKVL"     8  u32 version (1)       12 u32 sector size
 *  16  u64 generation              24  u32 active region      28 u64 region sectors R
 *  36  u64 device sectors at format 44 u32 CRC32C of bytes 0..43
 *
 * log record (starts on a sector boundary, zero padded to the next one)
 *   0  u32 magic "SKVR"   4 u8 op (1 put, 2 delete)   5 u8 0   6 u16 key length
 *   8  u32 value length  12 u64 generation           20 u64 sequence number (0, 1, 2, ...)
 *  28  u32 CRC of the previous record in the region (0 for the first)
 *  32  u32 CRC32C of bytes 0..31, the key and the value
 *  36  key (UTF-8), then value
 * </pre>
 *
 * <p>The active region is an append-only log. A {@code put} writes one record (all its sectors
 * in one write) and flushes before it returns. Opening replays the active region from its start
 * and stops at the first record whose magic, generation, sequence number, chained CRC, lengths
 * or checksum do not match: that is a write torn by a crash (or never made), which is ignored and
 * overwritten by the next write, never surfaced. The chain and the generation make stale records
 * (from an older generation or a longer torn record) unreadable as current ones.
 *
 * <p>When the active region is full, the live keys (with the pending change applied) are copied
 * as a fresh log into the other region under generation g+1, flushed, and only then the
 * superblock for g+1 is written into the other slot and flushed: that single-sector write is the
 * commit point. A crash before it leaves generation g and its region untouched; a torn
 * superblock fails its CRC and the other slot wins. If the live data does not fit in one region
 * the operation fails with {@link Reason#FULL} and changes nothing. So the usable capacity is a
 * bit under half the device; a value is at most {@link #MAX_VALUE_BYTES} and must fit, with its
 * key and the 36-byte header, in one region.
 *
 * <p>A fresh device (both superblock sectors zero) is formatted on first open; a device holding
 * something else is refused as {@link Reason#CORRUPT} rather than overwritten. On a read-only
 * block the store opens for reading and every change fails with {@link Reason#READ_ONLY}.
 * {@link #close()} closes the block. Methods are synchronized; one process uses a store at a time.
 */
public final class LogKvStore implements KvStore, AutoCloseable {
    /** Format version written in the superblock. */
    public static final int VERSION = 1;
    /** Largest value accepted, whatever the device size (a hostile length is rejected before allocating). */
    public static final int MAX_VALUE_BYTES = 64 << 20;
    /** Smallest region, in sectors: a device needs at least 2 + 2 x this many. */
    public static final int MIN_REGION_SECTORS = 8;

    static final byte[] SUPER_MAGIC = "STRIXKVL".getBytes(StandardCharsets.US_ASCII);
    static final int RECORD_MAGIC = 0x534B5652; // "SKVR"
    static final int HEADER = 36;
    static final int SUPER_CRC_AT = 44;
    static final byte OP_PUT = 1;
    static final byte OP_DELETE = 2;
    static final long FIRST_REGION_SECTOR = 2;

    /** Where a live value sits: its record's first sector (absolute) and shape. */
    private record Entry(long sector, int keyLength, int valueLength, int sectors) {
    }

    private final String name;
    private final Block block;
    private final int sectorSize;
    private final boolean readOnly;
    private final long regionSectors;
    private long generation;
    private int region;
    private long tail;
    private long nextSeq;
    private int prevCrc;
    private TreeMap<String, Entry> index = new TreeMap<>();
    private long liveSectors;
    private boolean closed;

    private LogKvStore(String name, Block block, long regionSectors) {
        this.name = name;
        this.block = block;
        this.sectorSize = block.sectorSize();
        this.readOnly = block.isReadOnly();
        this.regionSectors = regionSectors;
    }

    /**
     * Opens the store on {@code block}, formatting a blank device and replaying the log.
     *
     * @throws DeviceException {@code BAD_ARGUMENT} when the device is too small, {@code CORRUPT}
     *                         when it holds something that is not this format, {@code IO} on I/O errors
     */
    public static LogKvStore open(String name, Block block) throws DeviceException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(block, "block");
        int ss = block.sectorSize();
        if (ss < 128 || ss % 8 != 0) {
            throw new DeviceException(name, Reason.BAD_ARGUMENT, "sector size " + ss + " is not supported");
        }
        long minSectors = FIRST_REGION_SECTOR + 2L * MIN_REGION_SECTORS;
        if (block.sectorCount() < minSectors) {
            throw new DeviceException(name, Reason.BAD_ARGUMENT, "device " + block.name() + " has "
                    + block.sectorCount() + " sectors; a log store needs at least " + minSectors);
        }
        ByteBuffer[] slots = {ByteBuffer.allocate(ss), ByteBuffer.allocate(ss)};
        block.read(0, slots[0]);
        block.read(1, slots[1]);
        Super best = null;
        for (int i = 0; i < 2; i++) {
            Super s = Super.parse(name, slots[i].array(), ss, block.sectorCount());
            if (s != null && (best == null || s.generation > best.generation)) {
                best = s;
            }
        }
        if (best == null) {
            if (!formattable(slots[0].array()) || !allZero(slots[1].array())) {
                throw new DeviceException(name, Reason.CORRUPT, "device " + block.name()
                        + " is not blank and holds no valid Strix log store superblock; refusing to format it");
            }
            long r = (block.sectorCount() - FIRST_REGION_SECTOR) / 2;
            LogKvStore store = new LogKvStore(name, block, r);
            if (!store.readOnly) {
                store.writeSuper(0, 0, block.sectorCount());
            }
            return store;
        }
        LogKvStore store = new LogKvStore(name, block, best.regionSectors);
        store.generation = best.generation;
        store.region = best.region;
        store.replay();
        return store;
    }

    /**
     * Sector 0 of a blank device, or of one whose formatting was torn: it starts with the magic,
     * or with a prefix of it followed only by zeros.
     */
    private static boolean formattable(byte[] sector) {
        for (int i = 0; i < SUPER_MAGIC.length; i++) {
            if (sector[i] != SUPER_MAGIC[i]) {
                for (int j = i; j < sector.length; j++) {
                    if (sector[j] != 0) {
                        return false;
                    }
                }
                return true;
            }
        }
        return true;
    }

    private static boolean allZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private record Super(long generation, int region, long regionSectors) {
        static Super parse(String name, byte[] s, int ss, long deviceSectors) throws DeviceException {
            if (!Arrays.equals(s, 0, SUPER_MAGIC.length, SUPER_MAGIC, 0, SUPER_MAGIC.length)) {
                return null;
            }
            ByteBuffer b = ByteBuffer.wrap(s);
            if (b.getInt(SUPER_CRC_AT) != crc(s, 0, SUPER_CRC_AT)) {
                return null; // torn
            }
            int version = b.getInt(8);
            if (version != VERSION) {
                throw new DeviceException(name, Reason.CORRUPT, "log store format version " + version
                        + " is not supported (this runtime reads version " + VERSION + ")");
            }
            int sectorSize = b.getInt(12);
            long gen = b.getLong(16);
            int region = b.getInt(24);
            long r = b.getLong(28);
            long formatted = b.getLong(36);
            if (sectorSize != ss || (region != 0 && region != 1) || gen < 0 || r < MIN_REGION_SECTORS
                    || FIRST_REGION_SECTOR + 2 * r > Math.min(formatted, deviceSectors)) {
                throw new DeviceException(name, Reason.CORRUPT, "superblock describes a layout (sector size "
                        + sectorSize + ", region of " + r + " sectors, " + formatted
                        + " sectors at format) that does not fit this device of " + deviceSectors
                        + " sectors of " + ss + " bytes");
            }
            return new Super(gen, region, r);
        }
    }

    static int crc(byte[] b, int off, int len) {
        CRC32C c = new CRC32C();
        c.update(b, off, len);
        return (int) c.getValue();
    }

    private void writeSuper(long gen, int reg, long deviceSectors) throws DeviceException {
        byte[] s = new byte[sectorSize];
        ByteBuffer b = ByteBuffer.wrap(s);
        b.put(SUPER_MAGIC).putInt(VERSION).putInt(sectorSize).putLong(gen).putInt(reg)
                .putLong(regionSectors).putLong(deviceSectors);
        b.putInt(SUPER_CRC_AT, crc(s, 0, SUPER_CRC_AT));
        block.write(gen % 2, ByteBuffer.wrap(s));
        block.flush();
    }

    private long regionStart(int r) {
        return FIRST_REGION_SECTOR + r * regionSectors;
    }

    private int sectorsFor(int keyLength, int valueLength) {
        long total = (long) HEADER + keyLength + valueLength;
        return (int) ((total + sectorSize - 1) / sectorSize);
    }

    /** Replays the active region into the index; stops at the first record that does not check. */
    private void replay() throws DeviceException {
        long start = regionStart(region);
        long pos = 0;
        long seq = 0;
        int prev = 0;
        ByteBuffer first = ByteBuffer.allocate(sectorSize);
        while (pos < regionSectors) {
            first.clear();
            block.read(start + pos, first);
            ByteBuffer h = ByteBuffer.wrap(first.array());
            int op = h.get(4);
            int keyLength = Short.toUnsignedInt(h.getShort(6));
            int valueLength = h.getInt(8);
            if (h.getInt(0) != RECORD_MAGIC || h.getLong(12) != generation || h.getLong(20) != seq
                    || h.getInt(28) != prev || (op != OP_PUT && op != OP_DELETE) || h.get(5) != 0
                    || keyLength < 1 || keyLength > MAX_KEY_BYTES || valueLength < 0
                    || valueLength > MAX_VALUE_BYTES || (op == OP_DELETE && valueLength != 0)) {
                break;
            }
            int n = sectorsFor(keyLength, valueLength);
            if (pos + n > regionSectors) {
                break;
            }
            byte[] rec = readRecord(start + pos, n, first.array());
            int crc = ByteBuffer.wrap(rec).getInt(32);
            if (crc != recordCrc(rec, keyLength, valueLength)) {
                break;
            }
            String key = decodeKey(rec, keyLength);
            if (key == null) {
                break;
            }
            if (op == OP_PUT) {
                putEntry(key, new Entry(start + pos, keyLength, valueLength, n));
            } else {
                removeEntry(key);
            }
            prev = crc;
            seq++;
            pos += n;
        }
        tail = pos;
        nextSeq = seq;
        prevCrc = prev;
    }

    private byte[] readRecord(long sector, int n, byte[] firstSector) throws DeviceException {
        byte[] rec = new byte[n * sectorSize];
        System.arraycopy(firstSector, 0, rec, 0, sectorSize);
        if (n > 1) {
            block.read(sector + 1, ByteBuffer.wrap(rec, sectorSize, (n - 1) * sectorSize));
        }
        return rec;
    }

    private static int recordCrc(byte[] rec, int keyLength, int valueLength) {
        CRC32C c = new CRC32C();
        c.update(rec, 0, 32);
        c.update(rec, HEADER, keyLength + valueLength);
        return (int) c.getValue();
    }

    private static String decodeKey(byte[] rec, int keyLength) {
        try {
            String key = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(rec, HEADER, keyLength)).toString();
            return KvStore.keyProblem(key) == null ? key : null;
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private void putEntry(String key, Entry e) {
        removeEntry(key);
        index.put(key, e);
        liveSectors += e.sectors;
    }

    private void removeEntry(String key) {
        Entry old = index.remove(key);
        if (old != null) {
            liveSectors -= old.sectors;
        }
    }

    /** A record image: header, key, value, zero padding; CRC filled in. */
    private byte[] record(byte op, byte[] key, byte[] value, long gen, long seq, int prev) {
        int n = sectorsFor(key.length, value.length);
        byte[] rec = new byte[n * sectorSize];
        ByteBuffer b = ByteBuffer.wrap(rec);
        b.putInt(RECORD_MAGIC).put(op).put((byte) 0).putShort((short) key.length).putInt(value.length)
                .putLong(gen).putLong(seq).putInt(prev);
        System.arraycopy(key, 0, rec, HEADER, key.length);
        System.arraycopy(value, 0, rec, HEADER + key.length, value.length);
        b.putInt(32, recordCrc(rec, key.length, value.length));
        return rec;
    }

    private void checkOpen() throws DeviceException {
        if (closed) {
            throw new DeviceException(name, Reason.CLOSED, "store used after close");
        }
    }

    private void checkWritable(String what) throws DeviceException {
        if (readOnly) {
            throw new DeviceException(name, Reason.READ_ONLY, what + " on a store opened on a read-only device");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized Optional<byte[]> get(String key) throws DeviceException {
        checkOpen();
        KvStore.checkKey(name, key);
        Entry e = index.get(key);
        if (e == null) {
            return Optional.empty();
        }
        byte[] rec = readEntry(e, key);
        return Optional.of(Arrays.copyOfRange(rec, HEADER + e.keyLength, HEADER + e.keyLength + e.valueLength));
    }

    private byte[] readEntry(Entry e, String key) throws DeviceException {
        byte[] rec = new byte[e.sectors * sectorSize];
        block.read(e.sector, ByteBuffer.wrap(rec));
        if (ByteBuffer.wrap(rec).getInt(32) != recordCrc(rec, e.keyLength, e.valueLength)) {
            throw new DeviceException(name, Reason.CORRUPT, "value of '" + key + "' at sector " + e.sector
                    + " fails its checksum (the device changed under the store)");
        }
        return rec;
    }

    @Override
    public synchronized void put(String key, byte[] value) throws DeviceException {
        checkOpen();
        KvStore.checkKey(name, key);
        Objects.requireNonNull(value, "value");
        checkWritable("put '" + key + "'");
        if (value.length > MAX_VALUE_BYTES) {
            throw new DeviceException(name, Reason.BAD_ARGUMENT, "value of " + value.length
                    + " bytes for '" + key + "' exceeds the maximum of " + MAX_VALUE_BYTES);
        }
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        int n = sectorsFor(k.length, value.length);
        if (n > regionSectors) {
            throw new DeviceException(name, Reason.FULL, "value of " + value.length + " bytes for '" + key
                    + "' cannot fit in this store (at most " + maxValueBytes() + " bytes per value); configure a larger device");
        }
        if (tail + n <= regionSectors) {
            append(OP_PUT, key, k, value, n);
        } else {
            compact(key, value);
        }
    }

    @Override
    public synchronized boolean delete(String key) throws DeviceException {
        checkOpen();
        KvStore.checkKey(name, key);
        checkWritable("delete '" + key + "'");
        if (!index.containsKey(key)) {
            return false;
        }
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        int n = sectorsFor(k.length, 0);
        if (tail + n <= regionSectors) {
            append(OP_DELETE, key, k, new byte[0], n);
        } else {
            compact(key, null);
        }
        return true;
    }

    private void append(byte op, String key, byte[] k, byte[] value, int n) throws DeviceException {
        byte[] rec = record(op, k, value, generation, nextSeq, prevCrc);
        long at = regionStart(region) + tail;
        block.write(at, ByteBuffer.wrap(rec));
        block.flush();
        // only now, with the record durable, does the in-memory state move on
        if (op == OP_PUT) {
            putEntry(key, new Entry(at, k.length, value.length, n));
        } else {
            removeEntry(key);
        }
        tail += n;
        nextSeq++;
        prevCrc = ByteBuffer.wrap(rec).getInt(32);
    }

    /**
     * Copies the live keys, with {@code key} set to {@code value} (or removed when null), into the
     * other region as generation g+1, then commits by writing its superblock.
     */
    private void compact(String key, byte[] value) throws DeviceException {
        long needed = liveSectors;
        Entry old = index.get(key);
        if (old != null) {
            needed -= old.sectors;
        }
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        if (value != null) {
            needed += sectorsFor(k.length, value.length);
        }
        if (needed > regionSectors) {
            throw new DeviceException(name, Reason.FULL, "store is full: the live data would take "
                    + needed * sectorSize + " bytes, more than its " + regionSectors * sectorSize
                    + " bytes of log space; delete keys or configure a larger device");
        }
        int newRegion = 1 - region;
        long newGen = generation + 1;
        long start = regionStart(newRegion);
        TreeMap<String, Entry> newIndex = new TreeMap<>();
        long pos = 0;
        long seq = 0;
        int prev = 0;
        long live = 0;
        for (Map.Entry<String, Entry> me : index.entrySet()) {
            if (me.getKey().equals(key)) {
                continue;
            }
            Entry e = me.getValue();
            byte[] rec = readEntry(e, me.getKey());
            ByteBuffer b = ByteBuffer.wrap(rec);
            b.putLong(12, newGen).putLong(20, seq).putInt(28, prev);
            int crc = recordCrc(rec, e.keyLength, e.valueLength);
            b.putInt(32, crc);
            block.write(start + pos, ByteBuffer.wrap(rec));
            newIndex.put(me.getKey(), new Entry(start + pos, e.keyLength, e.valueLength, e.sectors));
            pos += e.sectors;
            live += e.sectors;
            seq++;
            prev = crc;
        }
        if (value != null) {
            byte[] rec = record(OP_PUT, k, value, newGen, seq, prev);
            int n = rec.length / sectorSize;
            block.write(start + pos, ByteBuffer.wrap(rec));
            newIndex.put(key, new Entry(start + pos, k.length, value.length, n));
            pos += n;
            live += n;
            seq++;
            prev = ByteBuffer.wrap(rec).getInt(32);
        }
        block.flush();
        writeSuper(newGen, newRegion, block.sectorCount()); // the commit point
        generation = newGen;
        region = newRegion;
        index = newIndex;
        tail = pos;
        nextSeq = seq;
        prevCrc = prev;
        liveSectors = live;
    }

    @Override
    public synchronized List<String> list(String prefix) throws DeviceException {
        checkOpen();
        Objects.requireNonNull(prefix, "prefix");
        List<String> out = new ArrayList<>();
        for (String k : index.tailMap(prefix, true).keySet()) {
            if (!k.startsWith(prefix)) {
                break;
            }
            out.add(k);
        }
        return out;
    }

    /** Largest value this store can hold under a one-byte key. */
    public long maxValueBytes() {
        return Math.min(MAX_VALUE_BYTES, regionSectors * sectorSize - HEADER - 1);
    }

    /** Bytes of log space (one region). */
    public long capacityBytes() {
        return regionSectors * sectorSize;
    }

    /** Bytes the live records take (headers and padding included): what a compaction keeps. */
    public synchronized long liveBytes() {
        return liveSectors * sectorSize;
    }

    /** The current generation (how many compactions the store has been through). */
    public synchronized long generation() {
        return generation;
    }

    @Override
    public synchronized void close() throws DeviceException {
        if (closed) {
            return;
        }
        closed = true;
        block.close();
    }

    @Override
    public String toString() {
        return "LogKvStore[" + name + " on " + block.name() + ", " + index.size() + " keys, generation "
                + generation + "]";
    }
}
