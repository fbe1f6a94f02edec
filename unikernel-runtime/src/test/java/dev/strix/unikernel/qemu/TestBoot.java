package dev.strix.unikernel.qemu;

import dev.strix.unikernel.Analysis;
import dev.strix.unikernel.Block;
import dev.strix.unikernel.Console;
import dev.strix.unikernel.Devices;
import dev.strix.unikernel.Entropy;
import dev.strix.unikernel.KvStore;
import dev.strix.unikernel.MonotonicClock;
import dev.strix.unikernel.Network;
import dev.strix.unikernel.WallClock;
import dev.strix.unikernel.internal.DeviceBlock;
import dev.strix.unikernel.internal.LogKvStore;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/**
 * A stand-in for the runtime's Boot main in the qemu integration tests: reads the same boot
 * properties, builds block and kv devices with DeviceBlock and LogKvStore, runs the analysis and
 * exits with its code. (The real Boot is the lead's; this keeps the image test independent of it.)
 */
public final class TestBoot {
    private TestBoot() {
    }

    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, Block> blocks = new TreeMap<>();
        Map<String, KvStore> kvs = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("block.") && !key.endsWith(".readonly")) {
                String name = key.substring(6);
                blocks.put(name, DeviceBlock.open(name, Path.of(p.getProperty(key)),
                        Boolean.parseBoolean(p.getProperty(key + ".readonly", "false"))));
            } else if (key.startsWith("kv.")) {
                String name = key.substring(3);
                String v = p.getProperty(key);
                kvs.put(name, LogKvStore.open(name, DeviceBlock.open(name, Path.of(v.substring("log:".length())), false)));
            }
        }
        Console console = new Console() {
            @Override
            public void println(String line) {
                System.out.println(line);
            }

            @Override
            public void log(Level level, String message) {
                System.out.println(level + " " + message);
            }
        };
        Devices devices = new Devices() {
            @Override
            public String target() {
                return p.getProperty("target");
            }

            @Override
            public Console console() {
                return console;
            }

            @Override
            public Block block(String name) {
                return blocks.get(name);
            }

            @Override
            public KvStore kv(String name) {
                return kvs.get(name);
            }

            @Override
            public Network network(String name) {
                throw new UnsupportedOperationException("no network in TestBoot");
            }

            @Override
            public Entropy entropy() {
                return new Entropy() {
                    private final SecureRandom r = new SecureRandom();

                    @Override
                    public void fill(byte[] bytes) {
                        r.nextBytes(bytes);
                    }

                    @Override
                    public boolean isDeterministic() {
                        return false;
                    }
                };
            }

            @Override
            public MonotonicClock monotonicClock() {
                return System::nanoTime;
            }

            @Override
            public WallClock wallClock() {
                return Instant::now;
            }

            @Override
            public Optional<String> parameter(String name) {
                return Optional.ofNullable(p.getProperty("param." + name));
            }

            @Override
            public Set<String> names(String kind) {
                return Set.copyOf(kind.equals("block") ? blocks.keySet() : kvs.keySet());
            }
        };
        Analysis a = (Analysis) Class.forName(p.getProperty("analysis")).getConstructor().newInstance();
        int code;
        try {
            code = a.run(devices);
        } catch (Exception e) {
            e.printStackTrace(System.out);
            code = 1;
        }
        for (KvStore kv : kvs.values()) {
            ((LogKvStore) kv).close();
        }
        for (Block b : blocks.values()) {
            b.close();
        }
        System.out.flush();
        System.exit(code);
    }
}
