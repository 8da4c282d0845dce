package dev.castline.functions.withdraw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.castline.emulation.EmulatorClients;
import dev.castline.testing.ApiFixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/** The CDN forgets removed media: the invalidation CloudFront receives, against a stand-in of its API. */
class WithdrawMediaHandlerTest {
    private static final String KEY = "audio/3f0c9a7e-8d1b-4c55-9a0e-2b7f6d1c4e21/9b1d3c5e-7f2a-4b6c-8d0e-1f3a5b7c9d2e.mp3";

    private record Received(String method, String path, Map<String, List<String>> headers, String body) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int answer = 201;
    private final HttpServer cloudFront = start();

    private HttpServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders(), new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                byte[] body = (answer == 201 ? "<Invalidation><Id>I2J0I21PCUYOIK</Id><Status>InProgress</Status></Invalidation>"
                        : "<ErrorResponse><Error><Code>Throttling</Code></Error></ErrorResponse>").getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(answer, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stop() {
        cloudFront.stop(0);
    }

    private WithdrawMediaHandler handler() {
        URI endpoint = URI.create("http://127.0.0.1:" + cloudFront.getAddress().getPort());
        return new WithdrawMediaHandler(Map.of(dev.castline.config.CdnConfig.MEDIA_DISTRIBUTION_ID, "E2QWRUHAPOMQZL"),
                new CdnInvalidations(UrlConnectionHttpClient.create(), EmulatorClients.CREDENTIALS, endpoint));
    }

    private static void handle(WithdrawMediaHandler handler, String event) throws IOException {
        handler.handleRequest(new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), new ByteArrayOutputStream(), null);
    }

    @Test
    void aRemovedAudioKeyIsInvalidatedOnTheMediaDistributionWithASignedRequest() throws Exception {
        handle(handler(), ApiFixture.event("s3-audio-removed.json"));

        assertThat(received).hasSize(1);
        Received call = received.get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/2020-05-31/distribution/E2QWRUHAPOMQZL/invalidation");
        assertThat(call.body())
                .contains("<InvalidationBatch xmlns=\"http://cloudfront.amazonaws.com/doc/2020-05-31/\">")
                .contains("<Quantity>1</Quantity><Items><Path>/" + KEY + "</Path></Items>")
                .containsPattern("<CallerReference>castline-[0-9a-f]{32}</CallerReference>");
        assertThat(call.headers().get("Authorization")).singleElement().asString()
                .startsWith("AWS4-HMAC-SHA256 Credential=" + EmulatorClients.CREDENTIALS.resolveCredentials().accessKeyId() + "/")
                .contains("/us-east-1/cloudfront/aws4_request");
    }

    @Test
    void aRetriedEventIsTheSameInvalidationAndAnotherRemovalOfTheKeyIsANewOne() throws Exception {
        String event = ApiFixture.event("s3-audio-removed.json");
        handle(handler(), event);
        handle(handler(), event);
        handle(handler(), event.replace("0A1B2C3D4E5F679902", "0A1B2C3D4E5F679AAA"));

        List<String> references = received.stream()
                .map(r -> r.body().replaceAll(".*<CallerReference>(.*)</CallerReference>.*", "$1")).toList();
        assertThat(references.get(0)).isEqualTo(references.get(1));
        assertThat(references.get(2)).isNotEqualTo(references.get(0));
    }

    @Test
    void keysTheMediaUrlNeverServedCostNoInvalidation() throws Exception {
        for (String key : new String[] {"withheld/" + KEY, "audio/../etc/passwd", "covers/art.png"}) {
            handle(handler(), ApiFixture.event("s3-audio-removed.json").replace(KEY, key));
        }
        assertThat(received).isEmpty();
    }

    @Test
    void aRefusalIsThrownSoLambdaRetriesTheEvent() {
        answer = 503;
        assertThatThrownBy(() -> handle(handler(), ApiFixture.event("s3-audio-removed.json")))
                .isInstanceOf(IOException.class).hasMessageContaining("503");
    }

    @Test
    void withoutTheDistributionIdTheFunctionDoesNotStart() {
        assertThatThrownBy(() -> new WithdrawMediaHandler(Map.of(), null))
                .hasMessageContaining(dev.castline.config.CdnConfig.MEDIA_DISTRIBUTION_ID);
    }
}
