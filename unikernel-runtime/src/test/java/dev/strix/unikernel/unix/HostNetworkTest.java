package dev.strix.unikernel.unix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.strix.unikernel.Console;
import dev.strix.unikernel.DeviceException;
import dev.strix.unikernel.Network;
import dev.strix.unikernel.Network.Response;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HostNetworkTest {
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final Console console = new StreamConsole(new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(log, true, StandardCharsets.UTF_8), Console.Level.INFO);

    @Test
    void servesAndRequests() throws Exception {
        HostNetwork net = new HostNetwork("web", "127.0.0.1", 0, console);
        try (Network.Service s = net.serve(req -> switch (req.path()) {
            case "/echo" -> Response.text(200, req.method() + " " + req.query() + " " + req.bodyText());
            case "/boom" -> throw new IllegalStateException("kaput");
            default -> Response.text(404, "no\n");
        })) {
            URI base = URI.create("http://127.0.0.1:" + s.port());
            Response echo = net.request("POST", base.resolve("/echo?x=1"), "hi".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(10));
            assertEquals(200, echo.status());
            assertEquals("POST x=1 hi", echo.bodyText());
            assertTrue(echo.contentType().startsWith("text/plain"));
            assertEquals(404, net.request("GET", base.resolve("/x"), null, Duration.ofSeconds(10)).status());
            Response boom = net.request("GET", base.resolve("/boom"), null, Duration.ofSeconds(10));
            assertEquals(500, boom.status());
            assertTrue(boom.bodyText().contains("kaput"));
            assertTrue(log.toString(StandardCharsets.UTF_8).contains("handler failed on /boom"));

            DeviceException taken = assertThrows(DeviceException.class,
                    () -> new HostNetwork("web2", "127.0.0.1", s.port(), console).serve(r -> Response.text(200, "")));
            assertTrue(taken.getMessage().contains("port " + s.port() + " on 127.0.0.1 is in use"), taken.getMessage());
        }
    }

    @Test
    void aFailedRequestIsADeviceErrorNamingTheUri() {
        HostNetwork net = new HostNetwork("web", "127.0.0.1", 0, console);
        DeviceException e = assertThrows(DeviceException.class,
                () -> net.request("GET", URI.create("http://127.0.0.1:1/"), null, Duration.ofSeconds(5)));
        assertTrue(e.getMessage().contains("GET http://127.0.0.1:1/ failed"), e.getMessage());
        assertEquals(DeviceException.Reason.BAD_ARGUMENT, assertThrows(DeviceException.class,
                () -> net.request("GET", URI.create("ftp://x/"), null, Duration.ofSeconds(5))).reason());
        assertThrows(IllegalArgumentException.class, () -> new HostNetwork("web", "127.0.0.1", 70000, console));
        assertThrows(IllegalArgumentException.class, () -> Response.text(42, "x"));
    }
}
