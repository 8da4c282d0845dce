package dev.castline.testing;

import dev.castline.emulation.DynamoDbLocal;
import dev.castline.emulation.OperationCounter;
import dev.castline.emulation.EmulatorClients;
import dev.castline.config.Config;
import dev.castline.domain.Status;
import dev.castline.store.EpisodeStore;
import dev.castline.store.ShowStore;
import dev.castline.http.Json;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * What a handler test needs: a fresh table holding the episodes the files in events/ refer to,
 * a clock, an operation counter, and a way to push an event through a handler's real
 * {@code handleRequest} and read the Lambda response back.
 */
public final class ApiFixture {
    /** The handlers' "now": after every seeded publication date except the scheduled one. */
    public static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    public static final String PODIA = "podia-has-everything-you-need-to-sell-online-courses";
    public static final String PASSIV = "passiv-is-a-portfolio-management-and-automation-platform";
    public static final String REAL_ESTATE = "a-real-estate-order-and-appraisal-system-for-a-small-business";
    public static final String DRAFT = "an-unfinished-draft";
    public static final String SCHEDULED = "next-weeks-episode";

    public final OperationCounter operations = new OperationCounter();
    public final MutableClock clock = new MutableClock(NOW);
    public final String table = TestTables.create(EmulatorClients.dynamoDb(DynamoDbLocal.shared().endpoint()));
    public final Config config = TestTables.config(table);
    /** Built exactly as the functions build theirs, plus the counter. */
    public final DynamoDbClient dynamo = client(operations);
    public final EpisodeStore store = new EpisodeStore(dynamo, table, config.layout(), clock);
    public final ShowStore shows = new ShowStore(dynamo, table, config.layout(), clock);

    public ApiFixture() {
        shows.save(Shows.sample());
        store.create(Episodes.published(REAL_ESTATE, Instant.parse("2020-06-29T00:00:00Z"))
                .title("A Real Estate Order and Appraisal System for a Small Business").tags("django", "python", "aws").build());
        store.create(Episodes.published(PASSIV, Instant.parse("2020-06-22T00:00:00Z"))
                .title("Passiv Is a Portfolio Management and Automation Platform").tags("django", "python", "react").build());
        store.create(Episodes.published(PODIA, Instant.parse("2021-02-08T00:00:00Z"))
                .title("Podia Has Everything You Need to Sell Online Courses").tags("rails", "ruby", "react").build());
        store.create(Episodes.draft(DRAFT).tags("rails").build());
        store.create(Episodes.published(SCHEDULED, NOW.plus(Duration.ofDays(7))).status(Status.SCHEDULED).tags("rails").build());
        operations.reset();
    }

    /** Another client on the same table, built as the functions build theirs. */
    public DynamoDbClient client(software.amazon.awssdk.core.interceptor.ExecutionInterceptor... interceptors) {
        return dev.castline.config.Clients.dynamoDb(config, EmulatorClients.CREDENTIALS, interceptors);
    }

    /** The repository root: tests read events/ and template.yaml from it. */
    public static Path root() {
        String root = System.getProperty("castline.root");
        Path start = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        for (Path p = start; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("template.yaml"))) {
                return p;
            }
        }
        throw new IllegalStateException("no template.yaml above " + start);
    }

    public static String event(String fileName) {
        try {
            return Files.readString(root().resolve("events").resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The files in events/ whose route is {@code routeKey}, e.g. "GET /episodes". */
    public static List<String> eventsFor(String routeKey) {
        try (Stream<Path> files = Files.list(root().resolve("events"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(f -> f.endsWith(".json"))
                    .filter(f -> routeKey.equals(field(event(f), "routeKey")))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs one event through the handler exactly as the Lambda runtime would, and holds the answer
     * to the OpenAPI document ({@link ApiContract}): a status or body that drifts from the contract
     * fails the test that caused it. Events that are not API Gateway requests are not checked.
     */
    public static LambdaResponse invoke(RequestStreamHandler handler, String eventJson) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            handler.handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)), out, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LambdaResponse response = LambdaResponse.parse(out.toString(StandardCharsets.UTF_8));
        String routeKey = field(eventJson, "routeKey");
        String rawPath = field(eventJson, "rawPath");
        if (routeKey != null && rawPath != null && routeKey.indexOf(' ') > 0) {
            ApiContract.get().check(routeKey.substring(0, routeKey.indexOf(' ')), rawPath, response);
        }
        return response;
    }

    private static String field(String json, String name) {
        try (JsonParser p = Json.FACTORY.createParser(json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                if (field.equals(name)) {
                    return p.getValueAsString();
                }
                p.skipChildren();
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A Lambda proxy response as API Gateway reads it. */
    public record LambdaResponse(int status, Map<String, String> headers, String body, boolean base64) {
        static LambdaResponse parse(String json) {
            try (JsonParser p = Json.FACTORY.createParser(json)) {
                int status = 0;
                Map<String, String> headers = new HashMap<>();
                String body = null;
                boolean base64 = false;
                p.nextToken();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    switch (field) {
                        case "statusCode" -> status = p.getIntValue();
                        case "body" -> body = p.getValueAsString();
                        case "isBase64Encoded" -> base64 = p.getBooleanValue();
                        case "headers" -> {
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String name = p.currentName();
                                p.nextToken();
                                headers.put(name, p.getValueAsString());
                            }
                        }
                        default -> p.skipChildren();
                    }
                }
                return new LambdaResponse(status, headers, body, base64);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
