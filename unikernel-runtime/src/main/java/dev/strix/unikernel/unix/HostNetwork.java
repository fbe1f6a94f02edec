package dev.strix.unikernel.unix;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.strix.unikernel.Console;
import dev.strix.unikernel.DeviceException;
import dev.strix.unikernel.DeviceException.Reason;
import dev.strix.unikernel.Network;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The network of the machine the JVM runs on: the host's on the unix and jlink targets, the
 * guest's (virtio-net, address set at boot) on the qemu target. Serves with the JDK's
 * {@code jdk.httpserver} and requests with {@code java.net.http}, so the image needs no library.
 */
public final class HostNetwork implements Network {
    private static final int MAX_REQUEST_BODY = 16 << 20;

    private final String name;
    private final String bindAddress;
    private final int port;
    private final Console console;

    /**
     * @param bindAddress the address to listen on ({@code 127.0.0.1} on a host, {@code 0.0.0.0} in
     *                    the VM where QEMU forwards the host port)
     * @param port        the configured port; 0 picks a free one (tests)
     */
    public HostNetwork(String name, String bindAddress, int port, Console console) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("http port must be 0..65535, got " + port);
        }
        this.name = name;
        this.bindAddress = bindAddress;
        this.port = port;
        this.console = console;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Service serve(Handler handler) throws DeviceException {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(bindAddress, port), 16);
        } catch (BindException e) {
            throw new DeviceException(name, Reason.IO, "port " + port + " on " + bindAddress
                    + " is in use or not allowed; bind another with --http " + name + "=<port>", e);
        } catch (IOException e) {
            throw new DeviceException(name, Reason.IO, "cannot listen on " + bindAddress + ":" + port + ": " + e, e);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "strix-http-" + name);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", exchange -> answer(exchange, handler));
        server.start();
        int actual = server.getAddress().getPort();
        return new Service() {
            @Override
            public int port() {
                return actual;
            }

            @Override
            public void close() {
                server.stop(1);
                pool.shutdownNow();
            }
        };
    }

    private void answer(HttpExchange exchange, Handler handler) throws IOException {
        try (exchange) {
            Response response;
            try {
                byte[] body = readBody(exchange.getRequestBody());
                Map<String, List<String>> headers = new LinkedHashMap<>();
                exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
                URI uri = exchange.getRequestURI();
                response = handler.handle(new Request(exchange.getRequestMethod(), uri.getPath(),
                        uri.getRawQuery(), headers, body));
                if (response == null) {
                    response = Response.text(500, "the handler returned no response\n");
                }
            } catch (RequestTooLarge e) {
                response = Response.text(413, "request body larger than " + MAX_REQUEST_BODY + " bytes\n");
            } catch (Exception e) {
                console.error("http " + name + ": handler failed on " + exchange.getRequestURI() + ": " + e);
                response = Response.text(500, "handler failed: " + e + "\n");
            }
            exchange.getResponseHeaders().set("Content-Type", response.contentType());
            byte[] out = response.body();
            boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
            exchange.sendResponseHeaders(response.status(), head || out.length == 0 ? -1 : out.length);
            if (!head && out.length > 0) {
                try (OutputStream os = exchange.getResponseBody()) {
                    os.write(out);
                }
            }
        }
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_REQUEST_BODY + 1);
        if (body.length > MAX_REQUEST_BODY) {
            throw new RequestTooLarge();
        }
        return body;
    }

    private static final class RequestTooLarge extends IOException {
        private static final long serialVersionUID = 1L;
    }

    @Override
    public Response request(String method, URI uri, byte[] body, Duration timeout) throws DeviceException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(uri).timeout(timeout).method(method, publisher).build();
        } catch (IllegalArgumentException e) {
            throw new DeviceException(name, Reason.BAD_ARGUMENT, "bad request " + method + " " + uri + ": " + e.getMessage(), e);
        }
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            String type = r.headers().firstValue("content-type").orElse("application/octet-stream");
            return new Response(r.statusCode(), type, r.body());
        } catch (IOException e) {
            throw new DeviceException(name, Reason.IO, method + " " + uri + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(name, Reason.IO, method + " " + uri + " was interrupted", e);
        }
    }
}
