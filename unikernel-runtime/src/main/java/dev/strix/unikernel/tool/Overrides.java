package dev.strix.unikernel.tool;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What the command line changes in a configuration: bindings ({@code --block data=file},
 * {@code --kv results=dir}, {@code --http report=8080} or {@code --http 8080}), parameters
 * ({@code --param k=v}), entropy ({@code --entropy seed:1}) and target options
 * ({@code -o memory=1G}). Paths are made absolute against the directory the user typed them in.
 */
final class Overrides {
    final Map<String, String> bindings = new LinkedHashMap<>();
    final Map<String, String> bindingKinds = new LinkedHashMap<>();
    final Map<String, String> params = new LinkedHashMap<>();
    final Map<String, String> options = new LinkedHashMap<>();
    String entropy;
    /** An http port given without a device name, bound to the only http device. */
    String anonymousHttpPort;

    boolean isEmpty() {
        return bindings.isEmpty() && params.isEmpty() && options.isEmpty() && entropy == null && anonymousHttpPort == null;
    }

    /** Takes one option and its value; returns false if {@code flag} is not an override flag. */
    boolean accept(String flag, String value, Path cwd) throws ToolException {
        switch (flag) {
            case "--block":
            case "--kv": {
                String[] kv = pair(flag, value);
                String kind = flag.substring(2);
                bindings.put(kv[0], cwd.resolve(kv[1]).toAbsolutePath().normalize().toString());
                bindingKinds.put(kv[0], kind);
                return true;
            }
            case "--http":
                if (value.contains("=")) {
                    String[] kv = pair(flag, value);
                    bindings.put(kv[0], kv[1]);
                    bindingKinds.put(kv[0], "http");
                } else {
                    anonymousHttpPort = value;
                }
                return true;
            case "--param": {
                String[] kv = pair(flag, value);
                params.put(kv[0], kv[1]);
                return true;
            }
            case "--entropy":
                entropy = StrixConfig.checkEntropy(value, () -> new ToolException(
                        "--entropy must be 'system' or 'seed:<integer>', got '" + value + "'"));
                return true;
            case "-o":
            case "--option": {
                String[] kv = pair(flag, value);
                options.put(kv[0], kv[1]);
                return true;
            }
            default:
                return false;
        }
    }

    private static String[] pair(String flag, String value) throws ToolException {
        int eq = value.indexOf('=');
        if (eq <= 0 || eq == value.length() - 1) {
            throw new ToolException(flag + " takes name=value, got '" + value + "'");
        }
        return new String[] {value.substring(0, eq), value.substring(eq + 1)};
    }

    void store(Properties p) {
        bindings.forEach((k, v) -> p.setProperty("bind." + bindingKinds.get(k) + "." + k, v));
        params.forEach((k, v) -> p.setProperty("param." + k, v));
        options.forEach((k, v) -> p.setProperty("option." + k, v));
        if (entropy != null) {
            p.setProperty("entropy", entropy);
        }
        if (anonymousHttpPort != null) {
            p.setProperty("http", anonymousHttpPort);
        }
    }

    static Overrides load(Properties p) {
        Overrides o = new Overrides();
        for (String key : p.stringPropertyNames()) {
            String v = p.getProperty(key);
            if (key.startsWith("bind.")) {
                String[] parts = key.split("\\.", 3);
                o.bindings.put(parts[2], v);
                o.bindingKinds.put(parts[2], parts[1]);
            } else if (key.startsWith("param.")) {
                o.params.put(key.substring(6), v);
            } else if (key.startsWith("option.")) {
                o.options.put(key.substring(7), v);
            } else if (key.equals("entropy")) {
                o.entropy = v;
            } else if (key.equals("http")) {
                o.anonymousHttpPort = v;
            }
        }
        return o;
    }
}
