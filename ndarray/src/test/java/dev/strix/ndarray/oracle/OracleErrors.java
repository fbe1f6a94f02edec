package dev.strix.ndarray.oracle;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.Callable;

/** Maps NumPy's exception types to the Java exception types Strix must throw. */
final class OracleErrors {
    private OracleErrors() {
    }

    /** The Java exception types that stand for a NumPy exception type. */
    static Class<?>[] javaTypes(String numpyType) {
        switch (numpyType) {
            case "ValueError":
                return new Class<?>[] {IllegalArgumentException.class};
            case "IndexError":
                return new Class<?>[] {IndexOutOfBoundsException.class};
            case "AxisError": // NumPy's AxisError is both a ValueError and an IndexError
                return new Class<?>[] {IllegalArgumentException.class, IndexOutOfBoundsException.class};
            default:
                throw new AssertionError("no Java mapping for NumPy exception type " + numpyType);
        }
    }

    static void assertThrowsLike(String id, JsonNode error, Callable<?> body) {
        String type = error.get("type").asText();
        Class<?>[] want = javaTypes(type);
        Object result;
        try {
            result = body.call();
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            for (Class<?> w : want) {
                if (w.isInstance(e)) {
                    return;
                }
            }
            throw new AssertionError(id + ": NumPy raises " + type + " (" + error.get("message").asText()
                    + ") but Strix threw " + e, e);
        }
        throw new AssertionError(id + ": NumPy raises " + type + " (" + error.get("message").asText()
                + ") but Strix returned " + result);
    }
}
