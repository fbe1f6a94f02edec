package dev.strix.unikernel.tool;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An analysis' {@code strix.conf}: Functoria's {@code config.ml} as a small declarative file.
 *
 * <pre>
 * [analysis]
 * class   = dev.strix.examples.diabetes.DiabetesReport
 * entropy = seed:20261125          # or system (the default)
 *
 * [devices]                         # name = kind [read-only] [optional]
 * data    = block read-only
 * results = kv
 * report  = http optional
 *
 * [params]                          # read with devices.parameter("serve-seconds")
 * serve-seconds = 0
 *
 * [bind]                            # for every target; paths relative to this file
 * data    = data/diabetes.csv
 * results = target/strix/results
 *
 * [bind.qemu]                       # overrides for one target
 * report  = 8080
 *
 * [qemu]                            # target options
 * memory  = 512M
 * </pre>
 *
 * Errors name the file and line. An http device bound to {@code off} is left unbound.
 */
public final class StrixConfig {
    public static final String FILE_NAME = "strix.conf";
    public static final List<String> TARGETS = List.of("unix", "jlink", "qemu");
    static final Set<String> KINDS = Set.of("block", "kv", "http");
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,31}");
    private static final Pattern CLASS = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");

    private final Path file;
    private String analysisClass;
    private String name;
    private String entropy = "system";
    private final Map<String, DeviceSpec> devices = new LinkedHashMap<>();
    private final Map<String, String> params = new LinkedHashMap<>();
    private final Map<String, String> bind = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> targetBind = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> targetOptions = new LinkedHashMap<>();

    private StrixConfig(Path file) {
        this.file = file;
    }

    /** Reads {@code <dir>/strix.conf}. */
    public static StrixConfig load(Path analysisDir) throws ToolException {
        Path file = analysisDir.toAbsolutePath().normalize().resolve(FILE_NAME);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ToolException("no " + FILE_NAME + " in " + file.getParent()
                    + ": an analysis folder needs one (see docs/unikernel.md)");
        } catch (CharacterCodingException e) {
            throw new ToolException(file + ": not valid UTF-8");
        } catch (IOException e) {
            throw new ToolException("cannot read " + file + ": " + e);
        }
        return parse(file, lines);
    }

    static StrixConfig parse(Path file, List<String> lines) throws ToolException {
        StrixConfig c = new StrixConfig(file);
        String section = null;
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = stripComment(lines.get(i)).strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[")) {
                if (!line.endsWith("]")) {
                    throw c.error(lineNo, "a section header must look like [name], got '" + line + "'");
                }
                section = line.substring(1, line.length() - 1).strip();
                c.checkSection(lineNo, section);
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw c.error(lineNo, "expected 'key = value', got '" + line + "'");
            }
            if (section == null) {
                throw c.error(lineNo, "'" + line + "' comes before any [section]");
            }
            c.accept(lineNo, section, line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        if (c.analysisClass == null) {
            throw new ToolException(file + ": missing 'class = <analysis class>' in [analysis]");
        }
        if (c.name == null) {
            c.name = file.getParent().getFileName().toString();
        }
        for (String bound : c.bind.keySet()) {
            c.requireDeclared(bound, "[bind]");
        }
        for (Map.Entry<String, Map<String, String>> e : c.targetBind.entrySet()) {
            for (String bound : e.getValue().keySet()) {
                c.requireDeclared(bound, "[bind." + e.getKey() + "]");
            }
        }
        return c;
    }

    private void requireDeclared(String device, String where) throws ToolException {
        if (!devices.containsKey(device)) {
            throw new ToolException(file + ": " + where + " binds '" + device + "', which [devices] does not declare"
                    + " (declared: " + (devices.isEmpty() ? "none" : String.join(", ", devices.keySet())) + ")");
        }
    }

    private void checkSection(int lineNo, String section) throws ToolException {
        if (section.equals("analysis") || section.equals("devices") || section.equals("params")
                || section.equals("bind") || TARGETS.contains(section)) {
            return;
        }
        if (section.startsWith("bind.") && TARGETS.contains(section.substring(5))) {
            return;
        }
        throw error(lineNo, "unknown section [" + section + "]; sections are [analysis], [devices], [params], "
                + "[bind], [bind.<target>] and [<target>] for targets " + TARGETS);
    }

    private void accept(int lineNo, String section, String key, String value) throws ToolException {
        if (value.isEmpty()) {
            throw error(lineNo, "'" + key + "' has no value");
        }
        switch (section) {
            case "analysis":
                switch (key) {
                    case "class":
                        if (!CLASS.matcher(value).matches()) {
                            throw error(lineNo, "'" + value + "' is not a Java class name");
                        }
                        analysisClass = value;
                        return;
                    case "name":
                        checkName(lineNo, value, "analysis name");
                        name = value;
                        return;
                    case "entropy":
                        entropy = checkEntropy(value, () -> error(lineNo, "entropy must be 'system' or 'seed:<integer>', got '" + value + "'"));
                        return;
                    default:
                        throw error(lineNo, "unknown key '" + key + "' in [analysis] (known: class, name, entropy)");
                }
            case "devices":
                checkName(lineNo, key, "device name");
                if (devices.containsKey(key)) {
                    throw error(lineNo, "device '" + key + "' is declared twice");
                }
                devices.put(key, parseDevice(lineNo, key, value));
                return;
            case "params":
                putOnce(lineNo, params, key, value, "parameter");
                return;
            case "bind":
                putOnce(lineNo, bind, key, value, "binding");
                return;
            default:
                if (section.startsWith("bind.")) {
                    putOnce(lineNo, targetBind.computeIfAbsent(section.substring(5), t -> new LinkedHashMap<>()), key, value, "binding");
                } else {
                    putOnce(lineNo, targetOptions.computeIfAbsent(section, t -> new LinkedHashMap<>()), key, value, "option");
                }
        }
    }

    private void putOnce(int lineNo, Map<String, String> map, String key, String value, String what) throws ToolException {
        if (map.putIfAbsent(key, value) != null) {
            throw error(lineNo, what + " '" + key + "' is given twice in this section");
        }
    }

    private DeviceSpec parseDevice(int lineNo, String name, String value) throws ToolException {
        String[] words = value.split("\\s+");
        String kind = words[0];
        if (!KINDS.contains(kind)) {
            throw error(lineNo, "device '" + name + "' has kind '" + kind + "'; kinds are block, kv and http"
                    + " (console, entropy and the clocks are always present)");
        }
        boolean readOnly = false;
        boolean optional = false;
        for (int w = 1; w < words.length; w++) {
            switch (words[w]) {
                case "read-only":
                    if (!kind.equals("block")) {
                        throw error(lineNo, "only block devices can be read-only");
                    }
                    readOnly = true;
                    break;
                case "optional":
                    optional = true;
                    break;
                default:
                    throw error(lineNo, "unknown device flag '" + words[w] + "' (flags: read-only, optional)");
            }
        }
        return new DeviceSpec(name, kind, readOnly, optional);
    }

    private void checkName(int lineNo, String value, String what) throws ToolException {
        if (!NAME.matcher(value).matches()) {
            throw error(lineNo, what + " '" + value + "' must be 1-32 of a-z, 0-9, '-' or '_', starting with a letter");
        }
    }

    interface ErrorFactory {
        ToolException make();
    }

    static String checkEntropy(String value, ErrorFactory error) throws ToolException {
        if (value.equals("system")) {
            return value;
        }
        if (value.startsWith("seed:")) {
            try {
                Long.parseLong(value.substring(5).strip());
                return "seed:" + value.substring(5).strip();
            } catch (NumberFormatException e) {
                throw error.make();
            }
        }
        throw error.make();
    }

    private static String stripComment(String line) {
        int hash = line.indexOf('#');
        return hash < 0 ? line : line.substring(0, hash);
    }

    private ToolException error(int line, String message) {
        return new ToolException(file + ":" + line + ": " + message);
    }

    public Path file() {
        return file;
    }

    public Path dir() {
        return file.getParent();
    }

    public String analysisClass() {
        return analysisClass;
    }

    public String name() {
        return name;
    }

    public String entropy() {
        return entropy;
    }

    public Map<String, DeviceSpec> devices() {
        return Collections.unmodifiableMap(devices);
    }

    public Map<String, String> params() {
        return Collections.unmodifiableMap(params);
    }

    /** Bindings for a target: [bind] overlaid with [bind.target]. */
    public Map<String, String> bindings(String target) {
        Map<String, String> m = new LinkedHashMap<>(bind);
        m.putAll(targetBind.getOrDefault(target, Map.of()));
        return m;
    }

    public Map<String, String> options(String target) {
        return Collections.unmodifiableMap(targetOptions.getOrDefault(target, Map.of()));
    }

    /** The device names of the declared kind, in declaration order. */
    public List<String> devicesOfKind(String kind) {
        List<String> names = new ArrayList<>();
        devices.values().stream().filter(d -> d.kind().equals(kind)).forEach(d -> names.add(d.name()));
        return names;
    }
}
