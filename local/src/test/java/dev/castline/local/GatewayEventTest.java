package dev.castline.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castline.testing.Events;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The event the stand-in builds follows API Gateway's payload format 2.0 to the letter. */
class GatewayEventTest {
    @Test
    void buildsAPayload20Event() {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("Accept", List.of("application/json"));
        headers.put("X-Multi", List.of("a", "b"));
        headers.put("Cookie", List.of("one=1; two=2"));
        headers.put("Content-Type", List.of("audio/mpeg"));
        byte[] body = {0, 1, 2, (byte) 255};
        String event = GatewayEvent.build(new GatewayEvent.Request("POST", "/episodes/caf%C3%A9", "tag=a&tag=b&q=x%20y&flag",
                headers, body, "127.0.0.1", "POST /episodes/{slug}", Map.of("slug", "café"), "req-1",
                Instant.parse("2026-11-23T03:00:00Z")), "127.0.0.1:3000");

        JsonNode e = Events.json(event);
        assertThat(e.get("version").asText()).isEqualTo("2.0");
        assertThat(e.get("routeKey").asText()).isEqualTo("POST /episodes/{slug}");
        assertThat(e.get("rawPath").asText()).isEqualTo("/episodes/caf%C3%A9");
        assertThat(e.get("rawQueryString").asText()).isEqualTo("tag=a&tag=b&q=x%20y&flag");
        assertThat(e.get("headers").get("accept").asText()).isEqualTo("application/json");
        assertThat(e.get("headers").get("x-multi").asText()).isEqualTo("a,b");
        assertThat(e.get("headers").has("cookie")).isFalse();
        assertThat(e.get("cookies")).extracting(JsonNode::asText).containsExactly("one=1", "two=2");
        assertThat(e.get("queryStringParameters").get("tag").asText()).isEqualTo("a,b");
        assertThat(e.get("queryStringParameters").get("q").asText()).isEqualTo("x y");
        assertThat(e.get("queryStringParameters").get("flag").asText()).isEmpty();
        assertThat(e.get("pathParameters").get("slug").asText()).isEqualTo("café");
        assertThat(e.get("requestContext").get("http").get("method").asText()).isEqualTo("POST");
        assertThat(e.get("requestContext").get("http").get("sourceIp").asText()).isEqualTo("127.0.0.1");
        assertThat(e.get("requestContext").get("requestId").asText()).isEqualTo("req-1");
        assertThat(e.get("requestContext").get("stage").asText()).isEqualTo("$default");
        assertThat(e.get("requestContext").get("timeEpoch").asLong()).isEqualTo(1795402800000L);
        assertThat(e.get("isBase64Encoded").asBoolean()).isTrue();
        assertThat(Base64.getDecoder().decode(e.get("body").asText())).isEqualTo(body);
    }

    @Test
    void readsTheFunctionsAnswerIncludingBase64AndCookies() {
        String output = "{\"statusCode\":201,\"headers\":{\"Content-Type\":\"application/gzip\"},\"cookies\":[\"a=1\"],"
                + "\"body\":\"" + Base64.getEncoder().encodeToString(new byte[] {31, (byte) 139}) + "\",\"isBase64Encoded\":true}";
        GatewayEvent.Response r = GatewayEvent.parseResponse(output.getBytes(StandardCharsets.UTF_8));
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.headers()).containsEntry("content-type", "application/gzip");
        assertThat(r.cookies()).containsExactly("a=1");
        assertThat(r.body()).containsExactly(31, (byte) 139);

        GatewayEvent.Response bare = GatewayEvent.parseResponse("{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(bare.status()).as("payload 2.0: JSON without statusCode is a 200 body").isEqualTo(200);
    }
}
