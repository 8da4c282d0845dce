package dev.castline.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Plays API Gateway (HTTP API) on one port: each request is routed by the template's routes,
 * turned into the payload-2.0 event API Gateway would send, passed to the function's real
 * {@code handleRequest}, and the function's answer is written back as API Gateway would write it.
 * {@code /media/} is served from the audio bucket, standing in for CloudFront, and the answers are
 * compressed as the site's CloudFront distribution compresses them ({@link CdnCompression}).
 */
final class Gateway implements AutoCloseable {
    private static final byte[] NOT_FOUND = "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] INTERNAL_ERROR = "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Router<RequestStreamHandler> router;
    private final MediaServer media;

    /** @throws java.net.BindException when the port is taken */
    Gateway(InetSocketAddress address, Router<RequestStreamHandler> router, MediaServer media) throws IOException {
        this.router = router;
        this.media = media;
        this.server = HttpServer.create(address, 256);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    void start() {
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = newRequestId();
        try {
            exchange.getResponseHeaders().set("apigw-requestid", requestId);
            String rawPath = exchange.getRequestURI().getRawPath();
            if (rawPath.startsWith(MediaServer.PREFIX)) {
                media.serve(exchange);
                return;
            }
            String method = exchange.getRequestMethod().toUpperCase(java.util.Locale.ROOT);
            var match = router.match(method, rawPath);
            if (match.isEmpty()) {
                send(exchange, 404, Map.of("content-type", "application/json"), NOT_FOUND, method);
                return;
            }
            byte[] body = exchange.getRequestBody().readAllBytes();
            String host = exchange.getRequestHeaders().getFirst("Host");
            String event = GatewayEvent.build(new GatewayEvent.Request(method, rawPath,
                    exchange.getRequestURI().getRawQuery(), exchange.getRequestHeaders(), body,
                    exchange.getRemoteAddress().getAddress().getHostAddress(), match.get().route().routeKey(),
                    match.get().pathParameters(), requestId, Instant.now()), host == null ? "localhost" : host);

            ByteArrayOutputStream output = new ByteArrayOutputStream();
            match.get().target().handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), output,
                    new LocalContext(requestId, match.get().route().functionId()));
            GatewayEvent.Response response = GatewayEvent.parseResponse(output.toByteArray());
            response.cookies().forEach(c -> exchange.getResponseHeaders().add("Set-Cookie", c));
            CdnCompression.Encoded encoded = CdnCompression.apply(rawPath, exchange.getRequestHeaders().getFirst("Accept-Encoding"),
                    response.status(), response.headers(), response.body());
            send(exchange, response.status(), encoded.headers(), encoded.body(), method);
        } catch (Exception | Error e) {
            // What API Gateway does when the function itself fails: a bare 500, details in the logs.
            System.err.println("[gateway] " + requestId + " function failed: " + e);
            e.printStackTrace();
            send(exchange, 500, Map.of("content-type", "application/json"), INTERNAL_ERROR, "GET");
        } finally {
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, int status, Map<String, String> headers, byte[] body, String method)
            throws IOException {
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("content-length") && !name.equalsIgnoreCase("transfer-encoding")) {
                exchange.getResponseHeaders().set(name, value);
            }
        });
        boolean noBody = body.length == 0 || method.equals("HEAD") || status == 204 || status == 304;
        if (noBody && method.equals("HEAD") && body.length > 0) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
        }
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static String newRequestId() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
