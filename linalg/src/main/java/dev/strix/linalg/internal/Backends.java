package dev.strix.linalg.internal;

import dev.strix.linalg.spi.BackendUnavailableException;
import dev.strix.linalg.spi.LinalgBackend;
import java.lang.System.Logger.Level;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * Finds and initialises the linear-algebra backend named by {@value #PROPERTY} or by
 * {@code Linalg.useBackend}. "strix" (the default) is no backend: {@code null}, so the default
 * path costs one field read per call and no service lookup at start-up.
 */
public final class Backends {
    private Backends() {
    }

    /** The system property that selects the backend at start-up. */
    public static final String PROPERTY = "strix.linalg.backend";

    /** The default: Strix's own kernels. */
    public static final String STRIX = "strix";

    /**
     * The backend the system property asks for, or null for Strix's own kernels. A backend that
     * cannot be used is not replaced by Strix's kernels silently: the error is logged now and a
     * stand-in is returned that throws it (with its cause) from every call it would have served,
     * so the first such call fails with a clear message instead of a class-initialisation error.
     */
    public static LinalgBackend fromSystemProperty() {
        String name = System.getProperty(PROPERTY);
        if (name == null || name.isBlank() || name.trim().equalsIgnoreCase(STRIX)) {
            return null;
        }
        try {
            return select(name, "-D" + PROPERTY + "=" + name);
        } catch (BackendUnavailableException e) {
            System.getLogger("dev.strix.linalg").log(Level.ERROR, e.getMessage(), e);
            return Unavailable.of(e);
        }
    }

    /** The named backend, initialised, or null for "strix"; {@code how} says how it was asked for. */
    public static LinalgBackend select(String name, String how) {
        String key = name.trim().toLowerCase(Locale.ROOT);
        if (key.equals(STRIX)) {
            System.getLogger("dev.strix.linalg").log(Level.INFO, "Strix linalg backend: strix (own kernels; " + how + ")");
            return null;
        }
        List<String> seen = new ArrayList<>();
        LinalgBackend found = null;
        try {
            for (LinalgBackend b : ServiceLoader.load(LinalgBackend.class, Backends.class.getClassLoader())) {
                seen.add(b.name());
                if (found == null && b.name().equalsIgnoreCase(key)) {
                    found = b;
                }
            }
        } catch (ServiceConfigurationError e) {
            throw new BackendUnavailableException("linalg backend \"" + name + "\" (" + how + "): a provider on the"
                    + " class path could not be loaded: " + e.getMessage(), e);
        }
        if (found == null) {
            throw new BackendUnavailableException("linalg backend \"" + name + "\" (" + how + ") is not on the class path;"
                    + " available: strix" + (seen.isEmpty() ? "" : ", " + String.join(", ", seen))
                    + (key.equals("nd4j") ? " (add the dev.strix:strix-backend-nd4j dependency)" : ""), null);
        }
        long t0 = System.nanoTime();
        String description;
        try {
            description = found.initialise();
        } catch (RuntimeException | LinkageError e) {
            throw new BackendUnavailableException("linalg backend \"" + found.name() + "\" (" + how
                    + ") failed to initialise: " + e, e);
        }
        System.getLogger("dev.strix.linalg").log(Level.INFO, "Strix linalg backend: " + found.name() + " (" + description
                + "; initialised in " + (System.nanoTime() - t0) / 1_000_000 + " ms; " + how + ")");
        return found;
    }

    /**
     * Stands in for a backend that failed: every operation, including ones added to the SPI later,
     * throws the selection error (a proxy, so no method can be forgotten; only the failure path
     * pays for it).
     */
    static final class Unavailable {
        private Unavailable() {
        }

        static LinalgBackend of(BackendUnavailableException error) {
            return (LinalgBackend) Proxy.newProxyInstance(LinalgBackend.class.getClassLoader(),
                    new Class<?>[] {LinalgBackend.class}, (proxy, method, args) -> {
                        switch (method.getName()) {
                            case "name":
                                return "unavailable";
                            case "toString":
                                return "unavailable linalg backend: " + error.getMessage();
                            case "hashCode":
                                return System.identityHashCode(proxy);
                            case "equals":
                                return proxy == args[0];
                            default:
                                throw new BackendUnavailableException(error.getMessage(), error.getCause());
                        }
                    });
        }
    }
}
