package dev.strix.unikernel;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * HTTP in and out. The port an analysis serves on is part of the configuration, not of the code:
 * on the unix target it is a host port, on the qemu target the guest port that QEMU forwards to
 * the host port the user chose.
 */
public interface Network {
    /** The configured name of the network device. */
    String name();

    /**
     * Starts serving {@code handler} on the configured port. Each request runs on a runtime
     * thread; an exception from the handler becomes a 500 response naming it.
     */
    Service serve(Handler handler) throws DeviceException;

    /** Makes an outbound HTTP request; {@code body} may be null for GET. */
    Response request(String method, URI uri, byte[] body, Duration timeout) throws DeviceException;

    /** Answers one request. */
    @FunctionalInterface
    interface Handler {
        Response handle(Request request) throws Exception;
    }

    /** A running HTTP service. */
    interface Service extends AutoCloseable {
        /** The port it listens on inside its machine (the guest's port on the qemu target). */
        int port();

        /** Stops accepting, lets requests in flight finish for up to a second. */
        @Override
        void close();
    }

    /** An HTTP request as the handler sees it; header names are lower case. */
    record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        public Request {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(path, "path");
            headers = Map.copyOf(headers);
            body = body == null ? new byte[0] : body;
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** An HTTP response. */
    record Response(int status, String contentType, byte[] body) {
        public Response {
            if (status < 100 || status > 599) {
                throw new IllegalArgumentException("HTTP status must be 100..599, got " + status);
            }
            Objects.requireNonNull(contentType, "contentType");
            body = body == null ? new byte[0] : body;
        }

        public static Response text(int status, String text) {
            return new Response(status, "text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
        }

        public static Response bytes(String contentType, byte[] body) {
            return new Response(200, contentType, body);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
