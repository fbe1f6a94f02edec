package dev.strix.unikernel.qemu;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The contents of an initramfs, collected in memory as a sorted map of paths, then written as a
 * gzip-compressed newc cpio archive. Parent folders are added implicitly (mode 0755); entries are
 * written in path order with uid/gid 0, one mtime and sequential inode numbers, and gzip's header
 * carries no time or name, so the same contents give the same bytes.
 */
public final class Initramfs {
    private sealed interface Entry permits Dir, Bytes, HostFile, Link, CharDev {
    }

    private record Dir(int mode) implements Entry {
    }

    private record Bytes(int mode, byte[] data) implements Entry {
    }

    private record HostFile(int mode, Path source) implements Entry {
    }

    private record Link(String target) implements Entry {
    }

    private record CharDev(int mode, int major, int minor) implements Entry {
    }

    /** What was written. */
    public record Stats(int entries, int files, long uncompressedBytes, long compressedBytes) {
    }

    private final TreeMap<String, Entry> entries = new TreeMap<>();

    private void put(String path, Entry e) {
        String p = normalize(path);
        if (entries.containsKey(p) && !(entries.get(p) instanceof Dir && e instanceof Dir)) {
            throw new IllegalArgumentException("initramfs path " + p + " added twice");
        }
        int slash = p.lastIndexOf('/');
        if (slash > 0) {
            String parent = p.substring(0, slash);
            if (!entries.containsKey(parent)) {
                put(parent, new Dir(0755));
            } else if (!(entries.get(parent) instanceof Dir)) {
                throw new IllegalArgumentException("initramfs path " + parent + " is not a folder");
            }
        }
        entries.put(p, e);
    }

    private static String normalize(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.isEmpty() || p.endsWith("/") || p.contains("//") || p.equals("..") || p.startsWith("../")
                || p.contains("/../") || p.endsWith("/..")) {
            throw new IllegalArgumentException("bad initramfs path '" + path + "'");
        }
        return p;
    }

    public Initramfs directory(String path) {
        put(path, new Dir(0755));
        return this;
    }

    public Initramfs file(String path, int mode, byte[] data) {
        put(path, new Bytes(mode, data.clone()));
        return this;
    }

    public Initramfs text(String path, int mode, String text) {
        return file(path, mode, text.getBytes(StandardCharsets.UTF_8));
    }

    public Initramfs hostFile(String path, int mode, Path source) {
        put(path, new HostFile(mode, source));
        return this;
    }

    public Initramfs symlink(String path, String target) {
        put(path, new Link(target));
        return this;
    }

    public Initramfs charDevice(String path, int mode, int major, int minor) {
        put(path, new CharDev(mode, major, minor));
        return this;
    }

    /**
     * Adds a host folder tree under {@code path}: files keep their executable bit (0755 or 0644),
     * symbolic links stay links, folders are 0755; the host's owners and times are dropped.
     */
    public Initramfs tree(String path, Path root) throws IOException {
        directory(path);
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted().toList()) {
                if (p.equals(root)) {
                    continue;
                }
                String rel = root.relativize(p).toString().replace('\\', '/');
                String target = path + "/" + rel;
                if (Files.isSymbolicLink(p)) {
                    symlink(target, Files.readSymbolicLink(p).toString());
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    directory(target);
                } else if (Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    hostFile(target, executable(p) ? 0755 : 0644, p);
                }
            }
        }
        return this;
    }

    private static boolean executable(Path p) throws IOException {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            return perms.contains(PosixFilePermission.OWNER_EXECUTE);
        } catch (UnsupportedOperationException e) {
            return Files.isExecutable(p);
        }
    }

    /** Paths in the order they are written. */
    public Map<String, String> listing() {
        Map<String, String> m = new TreeMap<>();
        for (var e : entries.entrySet()) {
            m.put(e.getKey(), describe(e.getValue()));
        }
        return m;
    }

    private static String describe(Entry e) {
        if (e instanceof Dir) {
            return "dir";
        } else if (e instanceof Bytes b) {
            return String.valueOf(b.data().length);
        } else if (e instanceof HostFile h) {
            try {
                return String.valueOf(Files.size(h.source()));
            } catch (IOException ex) {
                return "?";
            }
        } else if (e instanceof Link l) {
            return "-> " + l.target();
        } else {
            CharDev c = (CharDev) e;
            return "char " + c.major() + "," + c.minor();
        }
    }

    /** Writes the uncompressed cpio archive. */
    public Stats writeCpio(OutputStream out, long mtime) throws IOException {
        CpioWriter w = new CpioWriter(out, mtime);
        int files = 0;
        for (var me : entries.entrySet()) {
            String p = me.getKey();
            Entry e = me.getValue();
            if (e instanceof Dir d) {
                w.directory(p, d.mode());
            } else if (e instanceof Bytes b) {
                w.file(p, b.mode(), b.data());
                files++;
            } else if (e instanceof HostFile h) {
                w.file(p, h.mode(), h.source());
                files++;
            } else if (e instanceof Link l) {
                w.symlink(p, l.target());
            } else if (e instanceof CharDev c) {
                w.charDevice(p, c.mode(), c.major(), c.minor());
            }
        }
        w.finish();
        out.flush();
        return new Stats(w.entries(), files, w.bytes(), w.bytes());
    }

    /** Writes the archive gzip-compressed (fixed header: no name, mtime 0) to {@code file}. */
    public Stats writeGzip(Path file, long mtime, int level) throws IOException {
        Stats s;
        try (OutputStream raw = Files.newOutputStream(file);
                OutputStream gz = new LeveledGzip(new BufferedOutputStream(raw, 1 << 16), level);
                OutputStream buf = new BufferedOutputStream(gz, 1 << 16)) {
            s = writeCpio(buf, mtime);
        }
        return new Stats(s.entries(), s.files(), s.uncompressedBytes(), Files.size(file));
    }

    private static final class LeveledGzip extends GZIPOutputStream {
        LeveledGzip(OutputStream out, int level) throws IOException {
            super(out, 1 << 16);
            def.setLevel(level < 0 ? Deflater.DEFAULT_COMPRESSION : level);
        }
    }
}
