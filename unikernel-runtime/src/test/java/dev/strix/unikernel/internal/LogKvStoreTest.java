package dev.strix.unikernel.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.strix.unikernel.DeviceException;
import dev.strix.unikernel.DeviceException.Reason;
import dev.strix.unikernel.unix.FileBlock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogKvStoreTest {
    private static final int SS = 512;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** The whole store as key -> value (values as ISO-8859-1 strings, so maps compare by content). */
    private static Map<String, String> contents(LogKvStore s) throws DeviceException {
        Map<String, String> m = new TreeMap<>();
        for (String k : s.list("")) {
            m.put(k, new String(s.get(k).orElseThrow(), StandardCharsets.ISO_8859_1));
        }
        return m;
    }

    private static byte[] value(Random r, int length, int tag) {
        byte[] v = new byte[length];
        r.nextBytes(v);
        if (length > 0) {
            v[0] = (byte) tag;
        }
        return v;
    }

    @Test
    void putGetDeleteListAndReopen() throws Exception {
        MemoryBlock b = new MemoryBlock(SS, 64, false);
        try (LogKvStore s = LogKvStore.open("results", b)) {
            assertEquals(List.of(), s.list(""));
            s.putText("report/summary.txt", "hello");
            s.put("report/fig.png", new byte[1000]);
            s.put("empty", new byte[0]);
            s.putText("report/summary.txt", "hello again");
            assertEquals(Optional.of("hello again"), s.getText("report/summary.txt"));
            assertEquals(List.of("empty", "report/fig.png", "report/summary.txt"), s.list(""));
            assertEquals(List.of("report/fig.png", "report/summary.txt"), s.list("report/"));
            assertTrue(s.delete("empty"));
            assertFalse(s.delete("empty"));
            assertEquals(Optional.empty(), s.get("empty"));
        }
        try (LogKvStore s = LogKvStore.open("results", new MemoryBlock(SS, b.image(), false))) {
            assertEquals(List.of("report/fig.png", "report/summary.txt"), s.list(""));
            assertEquals(Optional.of("hello again"), s.getText("report/summary.txt"));
            assertArrayEquals(new byte[1000], s.get("report/fig.png").orElseThrow());
        }
    }

    @Test
    void compactsWhenTheLogFillsAndKeepsEverythingAcrossGenerations() throws Exception {
        MemoryBlock b = new MemoryBlock(SS, 2 + 2 * 16, false);
        LogKvStore s = LogKvStore.open("kv", b);
        for (int i = 0; i < 100; i++) {
            s.putText("k" + (i % 3), "value " + i);
        }
        assertTrue(s.generation() > 5, "generation " + s.generation());
        assertEquals(Map.of("k0", "value 99", "k1", "value 97", "k2", "value 98"), contents(s));
        LogKvStore again = LogKvStore.open("kv", new MemoryBlock(SS, b.image(), false));
        assertEquals(contents(s), contents(again));
        assertEquals(s.generation(), again.generation());
    }

    @Test
    void fullStoreFailsAndChangesNothing() throws Exception {
        MemoryBlock b = new MemoryBlock(SS, 2 + 2 * 8, false);
        LogKvStore s = LogKvStore.open("kv", b);
        s.put("a", new byte[1500]); // 4 sectors
        s.put("b", new byte[1500]); // 4 sectors: the region of 8 is full
        DeviceException e = assertThrows(DeviceException.class, () -> s.put("c", new byte[10]));
        assertEquals(Reason.FULL, e.reason());
        assertTrue(e.getMessage().contains("full"), e.getMessage());
        assertEquals(List.of("a", "b"), s.list(""));
        s.put("b", new byte[100]); // replacing fits after compaction
        s.put("c", new byte[10]);
        assertEquals(List.of("a", "b", "c"), s.list(""));
        DeviceException tooBig = assertThrows(DeviceException.class, () -> s.put("d", new byte[8 * SS]));
        assertEquals(Reason.FULL, tooBig.reason());
        assertEquals(List.of("a", "b", "c"), LogKvStore.open("kv", new MemoryBlock(SS, b.image(), false)).list(""));
    }

    @Test
    void valueOfTheDocumentedMaximumFits() throws Exception {
        LogKvStore s = LogKvStore.open("kv", new MemoryBlock(SS, 2 + 2 * 20, false));
        byte[] v = new byte[(int) s.maxValueBytes()];
        Arrays.fill(v, (byte) 7);
        s.put("k", v);
        assertArrayEquals(v, s.get("k").orElseThrow());
        assertEquals(Reason.FULL, assertThrows(DeviceException.class, () -> s.put("k", new byte[v.length + 1])).reason());
    }

    @Test
    void readOnlyBlockReadsButRefusesChanges() throws Exception {
        MemoryBlock b = new MemoryBlock(SS, 64, false);
        LogKvStore.open("kv", b).putText("x", "1");
        LogKvStore ro = LogKvStore.open("kv", new MemoryBlock(SS, b.image(), true));
        assertEquals(Optional.of("1"), ro.getText("x"));
        assertEquals(Reason.READ_ONLY, assertThrows(DeviceException.class, () -> ro.putText("y", "2")).reason());
        assertEquals(Reason.READ_ONLY, assertThrows(DeviceException.class, () -> ro.delete("x")).reason());
        // a blank read-only device is an empty store, not an error
        assertEquals(List.of(), LogKvStore.open("kv", new MemoryBlock(SS, 64, true)).list(""));
    }

    @Test
    void refusesForeignDataTinyDevicesBadKeysAndUseAfterClose() throws Exception {
        byte[] foreign = new byte[64 * SS];
        Arrays.fill(foreign, 0, 100, (byte) 'x');
        DeviceException e = assertThrows(DeviceException.class,
                () -> LogKvStore.open("kv", new MemoryBlock(SS, foreign, false)));
        assertEquals(Reason.CORRUPT, e.reason());
        assertEquals(Reason.BAD_ARGUMENT, assertThrows(DeviceException.class,
                () -> LogKvStore.open("kv", new MemoryBlock(SS, 10, false))).reason());
        LogKvStore s = LogKvStore.open("kv", new MemoryBlock(SS, 64, false));
        assertEquals(Reason.BAD_ARGUMENT, assertThrows(DeviceException.class, () -> s.putText("../x", "1")).reason());
        assertEquals(Reason.BAD_ARGUMENT, assertThrows(DeviceException.class, () -> s.putText("", "1")).reason());
        s.close();
        assertEquals(Reason.CLOSED, assertThrows(DeviceException.class, () -> s.get("a")).reason());
    }

    @Test
    void worksOnAnImageFileThroughFileBlock(@TempDir Path dir) throws Exception {
        Path img = dir.resolve("kv.img");
        Files.write(img, new byte[64 * SS]);
        try (LogKvStore s = LogKvStore.open("kv", FileBlock.open("kv", img, false))) {
            s.putText("a/b", "c");
        }
        try (LogKvStore s = LogKvStore.open("kv", FileBlock.open("kv", img, true))) {
            assertEquals(Optional.of("c"), s.getText("a/b"));
        }
        assertEquals(Reason.NOT_FOUND, assertThrows(DeviceException.class,
                () -> FileBlock.open("x", dir.resolve("missing"), true)).reason());
    }

    // ---- crash safety ---------------------------------------------------------------------------

    /** One operation of a workload; value null means delete. */
    private record Op(String key, byte[] value) {
    }

    /** Runs {@code ops}, recording the model after each and the journal length when it returned. */
    private static final class Recorded {
        final MemoryBlock block;
        final List<Map<String, String>> states = new ArrayList<>(); // states.get(i): after i ops
        final List<Integer> ends = new ArrayList<>(); // ends.get(i): journal length when op i returned

        Recorded(int sectors, List<Op> ops) throws DeviceException {
            block = new MemoryBlock(SS, sectors, false);
            LogKvStore s = LogKvStore.open("kv", block);
            Map<String, String> model = new TreeMap<>();
            states.add(new TreeMap<>(model));
            int formatWrites = block.journal.size();
            for (Op op : ops) {
                try {
                    if (op.value == null) {
                        s.delete(op.key);
                        model.remove(op.key);
                    } else {
                        s.put(op.key, op.value);
                        model.put(op.key, new String(op.value, StandardCharsets.ISO_8859_1));
                    }
                } catch (DeviceException e) {
                    assertEquals(Reason.FULL, e.reason(), e.getMessage());
                }
                states.add(new TreeMap<>(model));
                ends.add(block.journal.size());
            }
            assertTrue(formatWrites == 1, "format writes one sector");
        }

        /** States a crash after {@code p} sector writes may show: the committed one, or the next. */
        List<Map<String, String>> allowed(int p) {
            int done = 0;
            while (done < ends.size() && ends.get(done) <= p) {
                done++;
            }
            List<Map<String, String>> ok = new ArrayList<>();
            ok.add(states.get(done));
            if (done < ends.size()) {
                ok.add(states.get(done + 1));
            }
            return ok;
        }
    }

    private static void checkCrashImage(Recorded rec, int p, byte[] img, String what) throws DeviceException {
        LogKvStore s;
        try {
            s = LogKvStore.open("kv", new MemoryBlock(SS, img.clone(), false));
        } catch (DeviceException e) {
            throw new AssertionError(what + ": reopening failed: " + e.getMessage(), e);
        }
        Map<String, String> got = contents(s);
        List<Map<String, String>> ok = rec.allowed(p);
        if (!ok.contains(got)) {
            fail(what + ": state after reopening " + got.keySet() + " is neither the committed state "
                    + ok.get(0).keySet() + " nor the next one");
        }
        // the store goes on working after the crash: a new put survives another reopen
        try {
            s.putText("after-crash", "ok");
        } catch (DeviceException e) {
            assertEquals(Reason.FULL, e.reason(), what);
            for (String k : s.list("")) {
                s.delete(k);
            }
            s.putText("after-crash", "ok");
        }
        LogKvStore re = LogKvStore.open("kv", new MemoryBlock(SS, imageOf(s), false));
        assertEquals(Optional.of("ok"), re.getText("after-crash"), what);
    }

    /** The image behind a store opened on a MemoryBlock (by reading every sector back). */
    private static byte[] imageOf(LogKvStore s) throws DeviceException {
        try {
            var f = LogKvStore.class.getDeclaredField("block");
            f.setAccessible(true);
            return ((MemoryBlock) f.get(s)).image();
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Op> workload(long seed, int count) {
        Random r = new Random(seed);
        List<Op> ops = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String key = "k" + r.nextInt(6);
            if (r.nextInt(6) == 0) {
                ops.add(new Op(key, null));
            } else {
                int len = switch (r.nextInt(4)) {
                    case 0 -> r.nextInt(20);
                    case 1 -> 400 + r.nextInt(300); // straddles a sector boundary
                    case 2 -> 1000 + r.nextInt(1500);
                    default -> 3000 + r.nextInt(1500); // may not fit at all: FULL
                };
                ops.add(new Op(key, value(r, len, i)));
            }
        }
        return ops;
    }

    @Test
    void everyPrefixOfTheSectorWritesReopensToTheCommittedState() throws Exception {
        // a small device so that the workload goes through many compactions and FULL errors
        Recorded rec = new Recorded(2 + 2 * 12, workload(1, 120));
        List<MemoryBlock.SectorWrite> journal = rec.block.journal;
        assertTrue(journal.size() > 200, "journal of " + journal.size());
        byte[] blank = new byte[(int) rec.block.sectorCount() * SS];
        int compactions = 0;
        for (int p = 0; p <= journal.size(); p++) {
            byte[] img = MemoryBlock.replay(blank, SS, journal.subList(0, p));
            checkCrashImage(rec, p, img, "crash after " + p + " sector writes");
            if (p < journal.size()) {
                if (journal.get(p).sector() < 2) {
                    compactions++;
                }
                for (int torn : new int[] {1, 8, 40, 300}) {
                    byte[] t = img.clone();
                    MemoryBlock.tear(t, SS, journal.get(p), torn);
                    checkCrashImage(rec, p, t, "crash after " + p + " sector writes and " + torn
                            + " bytes of sector " + journal.get(p).sector());
                }
            }
        }
        assertTrue(compactions > 5, "compactions " + compactions);
    }

    @Test
    void unflushedWritesPersistingInAnyOrderStillReopenToACommittedState() throws Exception {
        // between two flushes a disk may persist any subset of the sectors written
        Recorded rec = new Recorded(2 + 2 * 12, workload(2, 80));
        List<MemoryBlock.SectorWrite> journal = rec.block.journal;
        byte[] blank = new byte[(int) rec.block.sectorCount() * SS];
        Random r = new Random(3);
        for (int p = 1; p <= journal.size(); p++) {
            int epoch = journal.get(p - 1).epoch();
            int epochStart = p - 1;
            while (epochStart > 0 && journal.get(epochStart - 1).epoch() == epoch) {
                epochStart--;
            }
            for (int trial = 0; trial < 4; trial++) {
                List<MemoryBlock.SectorWrite> kept = new ArrayList<>(journal.subList(0, epochStart));
                for (int i = epochStart; i < p; i++) {
                    if (r.nextBoolean()) {
                        kept.add(journal.get(i));
                    }
                }
                // the in-flight op can only have started if all earlier ops' writes were flushed
                checkCrashImage(rec, epochStart, MemoryBlock.replay(blank, SS, kept),
                        "crash with a subset of the unflushed writes " + epochStart + ".." + p);
            }
        }
    }

    @Test
    void randomOperationsMatchAHashMapModelAcrossReopens() throws Exception {
        Random r = new Random(42);
        MemoryBlock b = new MemoryBlock(SS, 2 + 2 * 100, false);
        LogKvStore s = LogKvStore.open("kv", b);
        Map<String, byte[]> model = new HashMap<>();
        int full = 0;
        for (int i = 0; i < 3000; i++) {
            String key = "dir" + r.nextInt(3) + "/key" + r.nextInt(15);
            switch (r.nextInt(10)) {
                case 0, 1 -> assertEquals(model.remove(key) != null, s.delete(key), "delete " + key);
                case 2, 3 -> {
                    Optional<byte[]> got = s.get(key);
                    assertEquals(model.containsKey(key), got.isPresent(), key);
                    got.ifPresent(v -> assertArrayEquals(model.get(key), v, key));
                }
                case 4 -> {
                    String prefix = "dir" + r.nextInt(3) + "/";
                    List<String> want = new ArrayList<>(new TreeSet<>(model.keySet()).subSet(prefix, prefix + Character.MAX_VALUE));
                    assertEquals(want, s.list(prefix));
                }
                case 5 -> {
                    s = LogKvStore.open("kv", new MemoryBlock(SS, b.image(), false));
                    b = (MemoryBlock) blockOf(s);
                    assertEquals(new TreeSet<>(model.keySet()), new TreeSet<>(s.list("")));
                }
                default -> {
                    byte[] v = value(r, r.nextInt(r.nextBoolean() ? 100 : 6000), i);
                    try {
                        s.put(key, v);
                        model.put(key, v);
                    } catch (DeviceException e) {
                        assertEquals(Reason.FULL, e.reason());
                        full++;
                    }
                }
            }
        }
        for (var e : model.entrySet()) {
            assertArrayEquals(e.getValue(), s.get(e.getKey()).orElseThrow());
        }
        assertTrue(full > 0, "the workload should hit FULL at least once");
        assertTrue(s.generation() > 10, "generation " + s.generation());
    }

    private static Object blockOf(LogKvStore s) throws ReflectiveOperationException {
        var f = LogKvStore.class.getDeclaredField("block");
        f.setAccessible(true);
        return f.get(s);
    }
}
