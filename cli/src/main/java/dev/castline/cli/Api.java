package dev.castline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The admin API over HTTP: JSON in and out, the bearer token on every call (and nowhere else),
 * API errors turned into one line naming the field, with the exit code that fits. Transient
 * failures (the connection, a 502/503/504) are retried with backoff for idempotent calls only:
 * GET, HEAD, PUT and DELETE, never POST or PATCH.
 */
public final class Api {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int ATTEMPTS = 4;

    /** An answer: status, headers, and the body as JSON (null when empty). */
    public record Response(int status, java.net.http.HttpHeaders headers, JsonNode body) {
        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }

        /** The version in the ETag, for If-Match. */
        public String etag() {
            return header("etag").orElseThrow(() -> new Exit.Failure(Exit.FAILURE, "the API's answer has no ETag"));
        }
    }

    private final Profiles.Connection connection;
    private final Env env;
    private final HttpClient http;

    public Api(Profiles.Connection connection, Env env) {
        this(connection, env, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
    }

    Api(Profiles.Connection connection, Env env, HttpClient http) {
        this.connection = connection;
        this.env = env;
        this.http = http;
    }

    public String baseUrl() {
        return connection.api();
    }

    HttpClient http() {
        return http;
    }

    Env env() {
        return env;
    }

    public Response get(String path) {
        return call("GET", path, null, Map.of());
    }

    /** A GET whose 404 is an answer, not an error. */
    public Optional<Response> find(String path) {
        try {
            return Optional.of(get(path));
        } catch (ApiError e) {
            if (e.status == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    public Response post(String path, JsonNode body, Map<String, String> headers) {
        return call("POST", path, body, headers);
    }

    public Response patch(String path, JsonNode body, String ifMatch) {
        return call("PATCH", path, body, Map.of("If-Match", ifMatch));
    }

    public Response put(String path, JsonNode body, Map<String, String> headers) {
        return call("PUT", path, body, headers);
    }

    public Response delete(String path, Map<String, String> headers) {
        return call("DELETE", path, null, headers);
    }

    /** A PUT of a file as it is (not JSON), with its content type; retried like any PUT. */
    public Response putFile(String path, byte[] file, String contentType) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(connection.api() + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + connection.token())
                .header("Accept", "application/json")
                .header("User-Agent", "castline-cli")
                .header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(file)).build();
        HttpResponse<byte[]> response = send(request, HttpResponse.BodyHandlers.ofByteArray(), true);
        JsonNode json = null;
        try {
            json = response.body().length == 0 ? null : JSON.readTree(response.body());
        } catch (IOException e) {
            if (response.statusCode() < 400) {
                throw new Exit.Failure(Exit.FAILURE, "PUT " + path + ": the answer is not JSON");
            }
        }
        if (response.statusCode() >= 400) {
            throw ApiError.of("PUT", path, response.statusCode(), json);
        }
        return new Response(response.statusCode(), response.headers(), json);
    }

    public static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public ObjectNode object() {
        return JSON.createObjectNode();
    }

    Response call(String method, String path, JsonNode body, Map<String, String> headers) {
        URI uri = URI.create(connection.api() + path);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + connection.token())
                .header("Accept", "application/json")
                .header("User-Agent", "castline-cli");
        headers.forEach(request::header);
        if (body != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<byte[]> response = send(request.build(), HttpResponse.BodyHandlers.ofByteArray(), idempotent(method));
        JsonNode json = null;
        if (response.body().length > 0) {
            try {
                json = JSON.readTree(response.body());
            } catch (IOException e) {
                if (response.statusCode() < 400) {
                    throw new Exit.Failure(Exit.FAILURE, method + " " + path + ": the answer is not JSON");
                }
            }
        }
        if (response.statusCode() >= 400) {
            throw ApiError.of(method, path, response.statusCode(), json);
        }
        return new Response(response.statusCode(), response.headers(), json);
    }

    static boolean idempotent(String method) {
        return switch (method) {
            case "GET", "HEAD", "PUT", "DELETE" -> true;
            default -> false;
        };
    }

    /** Sends, retrying transient failures with backoff when {@code retry} (idempotent calls). */
    <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler, boolean retry) {
        int attempts = retry ? ATTEMPTS : 1;
        for (int attempt = 1; ; attempt++) {
            env.requests().sent(request.method(), request.uri());
            try {
                HttpResponse<T> response;
                try {
                    response = http.send(request, handler);
                } finally {
                    env.requests().finished(request.method(), request.uri());
                }
                int status = response.statusCode();
                if (attempt < attempts && (status == 502 || status == 503 || status == 504)) {
                    pause(attempt, response.headers().firstValue("retry-after"));
                    continue;
                }
                return response;
            } catch (ConnectException | HttpTimeoutException e) {
                if (attempt >= attempts) {
                    throw new Exit.Failure(Exit.SERVER, "cannot reach " + origin(request.uri()) + ": " + describe(e)
                            + (attempts > 1 ? " (tried " + attempts + " times)" : ""));
                }
                pause(attempt, Optional.empty());
            } catch (IOException e) {
                if (attempt >= attempts) {
                    throw new Exit.Failure(Exit.SERVER, request.method() + " " + origin(request.uri()) + " failed: " + describe(e)
                            + (attempts > 1 ? " (tried " + attempts + " times)" : ""));
                }
                pause(attempt, Optional.empty());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Exit.Failure(Exit.INTERRUPTED, "interrupted");
            }
        }
    }

    private void pause(int attempt, Optional<String> retryAfter) {
        long millis = 250L << (attempt - 1);
        if (retryAfter.isPresent() && retryAfter.get().matches("\\d{1,3}")) {
            millis = Math.max(millis, Math.min(10_000, Long.parseLong(retryAfter.get()) * 1000));
        }
        try {
            env.sleeper().sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Exit.Failure(Exit.INTERRUPTED, "interrupted");
        }
    }

    private static String origin(URI uri) {
        return uri.getScheme() + "://" + uri.getAuthority();
    }

    private static String describe(IOException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** An error answer of the API, as one line with the field it blames. */
    public static final class ApiError extends Exit.Failure {
        final int status;
        final String errorCode;
        final String field;

        private ApiError(int exit, String message, int status, String errorCode, String field) {
            super(exit, message);
            this.status = status;
            this.errorCode = errorCode;
            this.field = field;
        }

        public int status() {
            return status;
        }

        static ApiError of(String method, String path, int status, JsonNode body) {
            JsonNode error = body == null ? null : body.path("error");
            String code = error == null ? null : error.path("code").asText(null);
            String message = error == null ? null : error.path("message").asText(null);
            String field = error == null ? null : error.path("field").asText(null);
            int exit = switch (status) {
                case 400, 413, 422 -> Exit.USAGE;
                case 401, 403 -> Exit.AUTH;
                case 404 -> Exit.NOT_FOUND;
                case 409, 412, 428 -> Exit.CONFLICT;
                default -> status >= 500 ? Exit.SERVER : Exit.FAILURE;
            };
            StringBuilder line = new StringBuilder();
            if (status == 401) {
                line.append("the API refused the token (401): run castline login again");
            } else {
                line.append("the API answered ").append(status);
                if (code != null) {
                    line.append(' ').append(code);
                }
                line.append(" to ").append(method).append(' ').append(path);
                if (field != null) {
                    line.append(": ").append(field);
                }
                if (message != null) {
                    line.append(": ").append(message);
                }
            }
            return new ApiError(exit, line.toString(), status, code, field);
        }
    }
}
