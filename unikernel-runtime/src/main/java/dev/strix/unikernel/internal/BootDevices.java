package dev.strix.unikernel.internal;

import dev.strix.unikernel.Block;
import dev.strix.unikernel.Console;
import dev.strix.unikernel.DeviceException;
import dev.strix.unikernel.DeviceException.Reason;
import dev.strix.unikernel.Devices;
import dev.strix.unikernel.Entropy;
import dev.strix.unikernel.KvStore;
import dev.strix.unikernel.MonotonicClock;
import dev.strix.unikernel.Network;
import dev.strix.unikernel.WallClock;
import dev.strix.unikernel.unix.DirectoryKvStore;
import dev.strix.unikernel.unix.FileBlock;
import dev.strix.unikernel.unix.HostNetwork;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The devices described by a boot file, opened eagerly so that a missing file or a bad binding is
 * reported before the analysis starts, and closed when it ends.
 */
public final class BootDevices implements Devices, AutoCloseable {
    private final String target;
    private final Console console;
    private final Map<String, Block> blocks = new TreeMap<>();
    private final Map<String, KvStore> stores = new TreeMap<>();
    private final Map<String, Network> networks = new TreeMap<>();
    private final Map<String, String> params = new TreeMap<>();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private Entropy entropy;

    private BootDevices(String target, Console console) {
        this.target = target;
        this.console = console;
    }

    /** Opens every device the boot properties bind; on failure closes what was opened. */
    public static BootDevices open(Properties boot, Console console) throws DeviceException {
        BootDevices d = new BootDevices(boot.getProperty("target", "unix").trim(), console);
        try {
            d.openAll(boot);
        } catch (DeviceException | RuntimeException e) {
            d.close();
            throw e;
        }
        return d;
    }

    private void openAll(Properties boot) throws DeviceException {
        entropy = entropyOf(boot.getProperty("entropy", "system").trim());
        String httpBind = boot.getProperty("http.bind", "127.0.0.1").trim();
        for (String key : new TreeSet<>(boot.stringPropertyNames())) {
            String value = boot.getProperty(key).trim();
            String[] parts = key.split("\\.", 2);
            if (parts.length < 2) {
                continue;
            }
            String kind = parts[0];
            String name = parts[1];
            switch (kind) {
                case "block":
                    if (!name.endsWith(".readonly")) {
                        boolean ro = Boolean.parseBoolean(boot.getProperty(key + ".readonly", "false").trim());
                        Block b = openBlock(name, value, ro);
                        toClose.add(b);
                        blocks.put(name, b);
                    }
                    break;
                case "kv":
                    stores.put(name, openStore(name, value));
                    break;
                case "http":
                    if (!name.equals("bind")) {
                        networks.put(name, new HostNetwork(name, httpBind, port(name, value), console));
                    }
                    break;
                case "param":
                    params.put(name, value);
                    break;
                default:
                    break;
            }
        }
    }

    /** A host file, or in the qemu guest a device node ({@code /dev/vdX}). */
    private static Block openBlock(String name, String path, boolean readOnly) throws DeviceException {
        return FileBlock.open(name, Path.of(path), readOnly);
    }

    private KvStore openStore(String name, String binding) throws DeviceException {
        if (binding.startsWith("dir:")) {
            return DirectoryKvStore.open(name, Path.of(binding.substring(4)), false);
        }
        if (binding.startsWith("log:")) {
            LogKvStore store = LogKvStore.open(name, openBlock(name, binding.substring(4), false));
            toClose.add(store);
            return store;
        }
        throw new DeviceException(name, Reason.BAD_ARGUMENT, "key-value binding '" + binding
                + "' must be dir:<folder> or log:<block device>");
    }

    private static int port(String name, String value) throws DeviceException {
        try {
            int p = Integer.parseInt(value);
            if (p >= 0 && p <= 65535) {
                return p;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new DeviceException(name, Reason.BAD_ARGUMENT, "http port must be a number 0..65535, got '" + value + "'");
    }

    private static Entropy entropyOf(String spec) throws DeviceException {
        if (spec.equals("system")) {
            return new SystemEntropy();
        }
        if (spec.startsWith("seed:")) {
            try {
                return new SeededEntropy(Long.parseLong(spec.substring(5).trim()));
            } catch (NumberFormatException e) {
                throw new DeviceException("entropy", Reason.BAD_ARGUMENT, "seed must be a 64-bit integer: '" + spec + "'");
            }
        }
        throw new DeviceException("entropy", Reason.BAD_ARGUMENT, "entropy must be 'system' or 'seed:<integer>', got '" + spec + "'");
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public Console console() {
        return console;
    }

    @Override
    public Block block(String name) {
        return lookup(blocks, "block", name);
    }

    @Override
    public KvStore kv(String name) {
        return lookup(stores, "kv", name);
    }

    @Override
    public Network network(String name) {
        return lookup(networks, "http", name);
    }

    @Override
    public Entropy entropy() {
        return entropy;
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
        return Optional.ofNullable(params.get(name));
    }

    @Override
    public Set<String> names(String kind) {
        switch (kind) {
            case "block": return Collections.unmodifiableSet(blocks.keySet());
            case "kv": return Collections.unmodifiableSet(stores.keySet());
            case "http": return Collections.unmodifiableSet(networks.keySet());
            default: throw new IllegalArgumentException("device kind must be block, kv or http, got '" + kind + "'");
        }
    }

    private static <T> T lookup(Map<String, T> map, String kind, String name) {
        T device = map.get(name);
        if (device == null) {
            throw new IllegalArgumentException("no " + kind + " device named '" + name + "' is bound; bound "
                    + kind + " devices: " + (map.isEmpty() ? "none" : String.join(", ", map.keySet()))
                    + " (declare it in strix.conf and bind it, e.g. --" + kind + " " + name + "=...)");
        }
        return device;
    }

    @Override
    public void close() {
        for (AutoCloseable c : toClose) {
            try {
                c.close();
            } catch (Exception e) {
                console.warn("closing a device failed: " + e);
            }
        }
        toClose.clear();
    }
}
