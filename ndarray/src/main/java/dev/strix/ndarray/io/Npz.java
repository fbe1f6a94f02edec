package dev.strix.ndarray.io;

import dev.strix.ndarray.NdArray;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * NumPy's {@code .npz} archives ({@code np.savez}, {@code np.savez_compressed}): a zip file of
 * {@code .npy} entries, one per named array. Reading accepts stored and deflated entries; each
 * entry is read as {@link Npy#read(InputStream, String)} does.
 */
public final class Npz {
    private Npz() {
    }

    /**
     * Reads every array of an archive, in archive order; keys are the entry names without their
     * {@code .npy} suffix (as {@code np.load(...).files}).
     *
     * @throws NdFormatException if the file is not a zip archive (position 0), or an entry is not a
     *     valid {@code .npy} (the message names the archive and the entry; the position is the
     *     byte offset inside the entry)
     * @throws IOException if the file cannot be read
     */
    public static Map<String, NdArray> read(Path file) throws IOException {
        Objects.requireNonNull(file, "Npz.read: file is null");
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw NdFormatException.atOffset(file, file.toString(), 0, "not a valid .npz (zip) archive: "
                    + e.getMessage(), e);
        }
        try (ZipFile z = zip) {
            Map<String, NdArray> out = new LinkedHashMap<>();
            Enumeration<? extends ZipEntry> entries = z.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (e.isDirectory()) {
                    continue;
                }
                String entryName = e.getName();
                String key = entryName.endsWith(".npy") ? entryName.substring(0, entryName.length() - 4) : entryName;
                String where = file + ":" + entryName;
                try (InputStream in = z.getInputStream(e)) {
                    // sizes in the zip directory are not trusted: the reader grows with the data
                    out.put(key, Npy.read(in, file, where, -1));
                } catch (ZipException ze) {
                    throw NdFormatException.atOffset(file, where, 0, "corrupt zip entry: " + ze.getMessage(), ze);
                }
            }
            return out;
        } catch (ZipException | IllegalArgumentException e) {
            // malformed archives can surface while iterating (e.g. bad entry names)
            throw NdFormatException.atOffset(file, file.toString(), 0, "corrupt .npz (zip) archive: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Writes the arrays to an archive, atomically, as {@code np.savez} ({@code compressed} false:
     * stored entries) or {@code np.savez_compressed} (deflated) would; each key becomes the entry
     * {@code key + ".npy"}, in the map's iteration order. Entry timestamps are fixed (1980-01-01)
     * so equal input gives equal bytes.
     *
     * @throws IllegalArgumentException if a key is null or empty or an array is null
     * @throws IOException if the file cannot be written
     */
    public static void write(Path file, Map<String, NdArray> arrays, boolean compressed) throws IOException {
        Objects.requireNonNull(file, "Npz.write: file is null");
        Objects.requireNonNull(arrays, "Npz.write: map is null");
        for (Map.Entry<String, NdArray> en : arrays.entrySet()) {
            if (en.getKey() == null || en.getKey().isEmpty()) {
                throw new IllegalArgumentException("Npz.write: array names must be non-empty, got "
                        + (en.getKey() == null ? "null" : "''"));
            }
            if (en.getValue() == null) {
                throw new IllegalArgumentException("Npz.write: the array '" + en.getKey() + "' is null");
            }
        }
        AtomicFiles.write(file, out -> {
            ZipOutputStream zos = new ZipOutputStream(out);
            for (Map.Entry<String, NdArray> en : arrays.entrySet()) {
                ZipEntry ze = new ZipEntry(en.getKey() + ".npy");
                ze.setTime(FIXED_TIME);
                if (compressed) {
                    ze.setMethod(ZipEntry.DEFLATED);
                } else {
                    // stored entries need their size and CRC up front: one counting pass first
                    CountingCrc c = new CountingCrc();
                    Npy.write(c, en.getValue());
                    ze.setMethod(ZipEntry.STORED);
                    ze.setSize(c.count);
                    ze.setCompressedSize(c.count);
                    ze.setCrc(c.crc.getValue());
                }
                zos.putNextEntry(ze);
                Npy.write(zos, en.getValue());
                zos.closeEntry();
            }
            zos.finish();
        });
    }

    /** 1980-01-01 00:00 local time, the earliest zip timestamp (what NumPy writes too). */
    private static final long FIXED_TIME = new java.util.GregorianCalendar(1980, 0, 1).getTimeInMillis();

    private static final class CountingCrc extends OutputStream {
        final CRC32 crc = new CRC32();
        long count;

        @Override
        public void write(int b) {
            crc.update(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            crc.update(b, off, len);
            count += len;
        }
    }
}
