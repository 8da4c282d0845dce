package dev.castline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code castline import feed --dry-run} asks the admin API what the import would do with each
 * item ({@code POST /api/v1/admin/imports?dryRun=true}, reads only): over a half-imported feed it
 * tells the items already there from those it would import, and names one the API would refuse,
 * exactly as the real run then does; and it changes nothing.
 */
@ExtendWith(LocalStack.class)
class ImportDryRunEndToEndTest {
    static FeedServer server;
    private final LocalStack.Running running;

    ImportDryRunEndToEndTest(LocalStack.Running running) {
        this.running = running;
    }

    private static String item(String guid, String title, String pubDate) {
        return "<item><title>" + title + "</title><guid>" + guid + "</guid><pubDate>" + pubDate + "</pubDate>"
                + "<enclosure url=\"https://cdn.halfway.example/" + guid + ".mp3\" length=\"1000\" type=\"audio/mpeg\"/>"
                + "<itunes:duration>60</itunes:duration></item>";
    }

    @BeforeAll
    static void oldHost() {
        server = new FeedServer().bytes("/halfway.xml", "application/rss+xml", ("<rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">"
                + "<channel><title>Halfway There</title>"
                + item("halfway-4", "Halfway Four", "Thu, 04 Mar 2021 12:00:00 +0000")
                + item("halfway-3", "Halfway Three", "Wed, 03 Mar 2021 12:00:00 +0000")
                + item("halfway-2", "Halfway Two", "Tue, 02 Mar 2021 12:00:00 +0000")
                + item("halfway-old", "Halfway Before Time", "Tue, 31 Dec 1968 10:00:00 +0000")
                + "</channel></rss>").getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aDryRunOverAHalfImportedFeedTellsWhatIsThereWhatWouldBeImportedAndWhatWouldBeRefused() throws Exception {
        Cli cli = Cli.on(running);
        String url = server.url("/halfway.xml").toString();
        cli.ok("import", "feed", url, "--limit", "2");
        Set<String> feedBefore = ImportFeeds.castlineFeed(running).keySet();
        String episodesBefore = cli.ok("episodes", "--json").out();
        String showBefore = cli.ok("show", "--json").out();

        Cli.Run dry = cli.run("import", "feed", url, "--dry-run");

        assertThat(dry.code()).as("an item the API would refuse: as the real run, exit 2; stderr: %s", dry.err()).isEqualTo(Exit.USAGE);
        assertThat(dry.out()).contains("dry run: nothing changed")
                .contains("  already there halfway-4  2021-03-04T12:00:00Z  Halfway Four (halfway-four)")
                .contains("  already there halfway-3  2021-03-03T12:00:00Z  Halfway Three (halfway-three)")
                .contains("  would import halfway-2  2021-03-02T12:00:00Z  Halfway Two")
                .contains("  would be refused halfway-old  1968-12-31T10:00:00Z  Halfway Before Time: ")
                .contains("publishAt must be from 1970-01-01T00:00:00Z")
                .contains("  in all: 1 episode(s) to import, 2 already there, 1 the API would refuse")
                .doesNotContain("would import halfway-4").doesNotContain("would import halfway-3");
        assertThat(dry.requests()).extracting(Cli.Request::method).containsOnly("GET", "POST");
        assertThat(dry.requests("POST")).hasSize(4)
                .allMatch(r -> r.uri().getPath().equals("/api/v1/admin/imports") && "dryRun=true".equals(r.uri().getQuery()));
        assertThat(ImportFeeds.castlineFeed(running).keySet()).as("Castline's feed unchanged").isEqualTo(feedBefore);
        assertThat(cli.ok("episodes", "--json").out()).as("the episodes unchanged").isEqualTo(episodesBefore);
        assertThat(cli.ok("show", "--json").out()).as("the show unchanged").isEqualTo(showBefore);

        Cli.Run dryJson = cli.run("import", "feed", url, "--dry-run", "--json");

        assertThat(dryJson.code()).isEqualTo(Exit.USAGE);
        JsonNode plan = Api.JSON.reader().with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .readTree(dryJson.out()); // one JSON object and nothing else
        assertThat(plan.path("dryRun").asBoolean()).isTrue();
        assertThat(plan.path("showNeeds").isArray() && plan.path("showNeeds").isEmpty()).as("showNeeds: %s", plan).isTrue();
        assertThat(plan.path("showWouldChange").isArray()).as("showWouldChange: %s", plan).isTrue();
        assertThat(plan.path("problems").isArray()).as("problems: %s", plan).isTrue();
        assertThat(plan.path("items").asInt()).isEqualTo(4);
        assertThat(List.of(plan.path("wouldImport").asInt(), plan.path("alreadyThere").asInt(), plan.path("wouldRefuse").asInt()))
                .containsExactly(1, 2, 1);
        assertThat(plan.path("episodes")).extracting(e -> e.path("guid").asText() + " " + e.path("action").asText() + " "
                + e.path("slug").asText()).containsExactly("halfway-4 alreadyThere halfway-four", "halfway-3 alreadyThere halfway-three",
                "halfway-2 import ", "halfway-old refused ");
        assertThat(plan.path("episodes").get(3).path("reason").asText()).contains("publishAt must be from 1970-01-01T00:00:00Z");
        assertThat(plan.path("episodes").get(2).path("publishAt").asText()).isEqualTo("2021-03-02T12:00:00Z");
        assertThat(dryJson.requests()).extracting(Cli.Request::method).containsOnly("GET", "POST");
        assertThat(dryJson.requests("POST")).hasSize(4)
                .allMatch(r -> r.uri().getPath().equals("/api/v1/admin/imports") && "dryRun=true".equals(r.uri().getQuery()));
        assertThat(ImportFeeds.castlineFeed(running).keySet()).as("Castline's feed unchanged").isEqualTo(feedBefore);
        assertThat(cli.ok("episodes", "--json").out()).as("the episodes unchanged").isEqualTo(episodesBefore);

        Cli.Run real = cli.run("import", "feed", url);

        assertThat(real.code()).isEqualTo(Exit.USAGE);
        assertThat(real.out()).contains("imported 1 episode(s); 2 already there; 1 refused (see above)");
        assertThat(real.err()).contains("item 3 (guid halfway-old): refused: ").contains("publishAt must be from 1970-01-01T00:00:00Z");
        assertThat(ImportFeeds.castlineFeed(running)).containsKey("halfway-2").doesNotContainKey("halfway-old");
        cli.ok("show", "set", "title=Running Locally");
    }

    /**
     * A Castline deployed before dry runs would take {@code ?dryRun=true} for a real import: played
     * by a proxy to the stack whose API document lacks the parameter, the dry run stops before it
     * sends any item.
     */
    @Test
    void aDryRunAgainstACastlineThatPredatesDryRunsSendsNothing() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        AtomicInteger posts = new AtomicInteger();
        HttpServer older = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        older.createContext("/", exchange -> {
            try {
                URI target = URI.create(running.stack().baseUrl() + exchange.getRequestURI().toString());
                if (exchange.getRequestMethod().equals("POST")) {
                    posts.incrementAndGet();
                }
                HttpRequest.Builder forward = HttpRequest.newBuilder(target).method(exchange.getRequestMethod(),
                        HttpRequest.BodyPublishers.ofByteArray(exchange.getRequestBody().readAllBytes()));
                for (String header : new String[] {"Authorization", "Content-Type", "Accept"}) {
                    String value = exchange.getRequestHeaders().getFirst(header);
                    if (value != null) {
                        forward.header(header, value);
                    }
                }
                HttpResponse<byte[]> answer = client.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
                byte[] body = answer.body();
                if (exchange.getRequestURI().getPath().equals("/api/v1/openapi.json")) {
                    JsonNode document = Api.JSON.readTree(body);
                    ((ArrayNode) document.path("paths").path("/api/v1/admin/imports").path("post").path("parameters"))
                            .removeAll();
                    body = Api.JSON.writeValueAsBytes(document);
                }
                exchange.getResponseHeaders().add("Content-Type", answer.headers().firstValue("content-type").orElse("application/json"));
                exchange.sendResponseHeaders(answer.statusCode(), body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    exchange.getResponseBody().write(body);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                exchange.close();
            }
        });
        older.start();
        try {
            Cli cli = Cli.on(running).env("CASTLINE_API", "http://127.0.0.1:" + older.getAddress().getPort());
            Cli.Run dry = cli.run("import", "feed", server.url("/halfway.xml").toString(), "--dry-run");

            assertThat(dry.code()).as("stderr: %s", dry.err()).isEqualTo(Exit.FAILURE);
            assertThat(dry.err()).contains("does not know dry runs yet").contains("nothing was sent");
            assertThat(posts.get()).isZero();
        } finally {
            older.stop(0);
        }
    }
}
