package dev.strix.unikernel;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * A key-value store of byte values under string keys: a host directory on the unix target, a
 * crash-safe log on a block device on the qemu target.
 *
 * <p>Keys are 1 to 255 bytes of UTF-8, made of {@code /}-separated segments that are neither empty
 * nor {@code .} or {@code ..} and contain no control characters or backslash (so a key maps to a
 * relative file path everywhere). {@link #put} is atomic and durable when it returns: after a
 * crash a key holds either its old or its new value, never a mix.
 */
public interface KvStore {
    int MAX_KEY_BYTES = 255;

    /** The configured name of the store. */
    String name();

    Optional<byte[]> get(String key) throws DeviceException;

    void put(String key, byte[] value) throws DeviceException;

    /** Removes the key; returns whether it was present. */
    boolean delete(String key) throws DeviceException;

    /** The keys that start with {@code prefix} ("" for all), in ascending order. */
    List<String> list(String prefix) throws DeviceException;

    default void putText(String key, String text) throws DeviceException {
        put(key, text.getBytes(StandardCharsets.UTF_8));
    }

    default Optional<String> getText(String key) throws DeviceException {
        return get(key).map(b -> new String(b, StandardCharsets.UTF_8));
    }

    /**
     * Checks a key against the rules above.
     *
     * @throws DeviceException with reason {@code BAD_ARGUMENT} naming the key and the broken rule
     */
    static void checkKey(String store, String key) throws DeviceException {
        String why = keyProblem(key);
        if (why != null) {
            throw new DeviceException(store, DeviceException.Reason.BAD_ARGUMENT,
                    "invalid key " + (key == null ? "null" : "'" + key + "'") + ": " + why);
        }
    }

    /** The rule a key breaks, or null when it is valid. */
    static String keyProblem(String key) {
        if (key == null || key.isEmpty()) {
            return "keys are 1 to " + MAX_KEY_BYTES + " bytes";
        }
        if (key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            return "longer than " + MAX_KEY_BYTES + " bytes of UTF-8";
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\') {
                return "contains a control character or backslash at index " + i;
            }
        }
        for (String segment : key.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return "segments between '/' must be non-empty and not '.' or '..'";
            }
        }
        return null;
    }
}
