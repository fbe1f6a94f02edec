package dev.strix.unikernel;

import java.util.Objects;

/**
 * A device could not do what was asked. Checked, so that an analysis decides what a failed read
 * or a full store means for it; the runtime never exits the JVM on a device error.
 */
public class DeviceException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Why the operation failed, for code that reacts differently to each. */
    public enum Reason {
        /** The host or guest I/O layer failed (the cause says how). */
        IO,
        /** A write to a device or store bound read-only. */
        READ_ONLY,
        /** No space left on the device or in the store. */
        FULL,
        /** The thing asked for (a device binding, a file behind it) does not exist. */
        NOT_FOUND,
        /** Stored data fails its own checks (bad magic, checksum, impossible length). */
        CORRUPT,
        /** An argument is outside what the device accepts (unaligned sector, bad key). */
        BAD_ARGUMENT,
        /** The device was closed. */
        CLOSED
    }

    private final String device;
    private final Reason reason;

    public DeviceException(String device, Reason reason, String message) {
        this(device, reason, message, null);
    }

    public DeviceException(String device, Reason reason, String message, Throwable cause) {
        super(device + ": " + message, cause);
        this.device = Objects.requireNonNull(device, "device");
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** The device's configured name (for example {@code data} or {@code results}). */
    public String device() {
        return device;
    }

    public Reason reason() {
        return reason;
    }
}
