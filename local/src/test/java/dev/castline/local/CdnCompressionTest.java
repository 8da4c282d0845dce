package dev.castline.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castline.template.SamTemplate;
import dev.castline.testing.ApiFixture;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The local stack compresses what the site's CloudFront distribution compresses, as it does. */
@ExtendWith(CastlineLocalExtension.class)
class CdnCompressionTest {
    private static final byte[] PAGE = "<!DOCTYPE html><p>".concat("a listener's page ".repeat(100)).getBytes(StandardCharsets.UTF_8);

    private static byte[] gunzip(byte[] body) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    @Test
    void textIsGzippedWhenAcceptedWithAWeakEtagAndVary() throws IOException {
        var encoded = CdnCompression.apply("/", "br, gzip;q=0.8", 200, Map.of("content-type", "text/html; charset=utf-8", "etag", "\"abc\"",
                "vary", "Cookie"), PAGE);

        assertThat(encoded.headers()).containsEntry("content-encoding", "gzip").containsEntry("etag", "W/\"abc\"")
                .containsEntry("vary", "Cookie, Accept-Encoding");
        assertThat(encoded.body().length).isLessThan(PAGE.length / 5);
        assertThat(gunzip(encoded.body())).isEqualTo(PAGE);
    }

    @Test
    void whatCloudFrontLeavesAloneIsLeftAlone() {
        Map<String, String> html = Map.of("content-type", "text/html");
        assertThat(CdnCompression.apply("/", null, 200, html, PAGE).headers()).doesNotContainKey("content-encoding").containsEntry("vary", "Accept-Encoding");
        assertThat(CdnCompression.apply("/", "identity", 200, html, PAGE).body()).isSameAs(PAGE);
        assertThat(CdnCompression.apply("/", "gzip;q=0", 200, html, PAGE).body()).as("refused by q=0").isSameAs(PAGE);
        assertThat(CdnCompression.apply("/", "gzip;q=0.0, br", 200, html, PAGE).body()).isSameAs(PAGE);
        assertThat(CdnCompression.apply("/", "x-gzip2", 200, html, PAGE).body()).isSameAs(PAGE);
        assertThat(CdnCompression.apply("/api/v1/admin/show", "gzip", 200, Map.of("content-type", "application/json"), PAGE).body())
                .as("the admin API's behaviour does not compress").isSameAs(PAGE);
        byte[] small = new byte[CdnCompression.MIN_BYTES - 1];
        assertThat(CdnCompression.apply("/", "gzip", 200, html, small).body()).isSameAs(small);
        assertThat(CdnCompression.apply("/x.png", "gzip", 200, Map.of("content-type", "image/png"), PAGE).body()).isSameAs(PAGE);
        assertThat(CdnCompression.apply("/", "gzip", 200, Map.of("content-type", "text/html", "content-encoding", "br"), PAGE).body()).isSameAs(PAGE);
        for (String type : List.of("application/json", "application/rss+xml; charset=utf-8", "application/xml", "text/javascript",
                "image/svg+xml", "text/css", "text/vtt")) {
            assertThat(CdnCompression.compressible(type)).as(type).isTrue();
        }
    }

    @Test
    void theRuleIsTheTemplatesOnlyTheAdminApiIsServedUncompressed() {
        SamTemplate template = SamTemplate.load(ApiFixture.root().resolve("template.yaml"));
        List<String> uncompressed = new ArrayList<>();
        List<String> compressed = new ArrayList<>();
        for (Map<String, Object> distribution : template.resourcesOfType("AWS::CloudFront::Distribution").values()) {
            Map<String, Object> config = SamTemplate.map(distribution.get("DistributionConfig"));
            boolean site = SamTemplate.list(config.get("Origins")).stream().anyMatch(o -> "api".equals(SamTemplate.map(o).get("Id")));
            if (!site) {
                continue;
            }
            List<Object> behaviours = new ArrayList<>(SamTemplate.list(config.get("CacheBehaviors")));
            for (Object b : behaviours) {
                Map<String, Object> behaviour = SamTemplate.map(b);
                (Boolean.TRUE.equals(behaviour.get("Compress")) ? compressed : uncompressed).add(String.valueOf(behaviour.get("PathPattern")));
            }
            assertThat(SamTemplate.map(config.get("DefaultCacheBehavior")).get("Compress")).isEqualTo(true);
        }
        assertThat(uncompressed).containsExactly(CdnCompression.UNCOMPRESSED_PREFIX + "*");
        assertThat(compressed).contains("/feed.xml", "/episodes/*", "/assets/*");
    }

    @Test
    void thePagesArriveGzippedAndStillRevalidate(CastlineLocal stack) throws IOException {
        URI home = URI.create(stack.baseUrl() + "/");
        HttpResponse<byte[]> plain = Http.send(HttpRequest.newBuilder(home).build());
        HttpResponse<byte[]> gzipped = Http.send(HttpRequest.newBuilder(home).header("Accept-Encoding", "gzip").build());

        assertThat(plain.headers().firstValue("content-encoding")).isEmpty();
        assertThat(gzipped.headers().firstValue("content-encoding")).contains("gzip");
        assertThat(gunzip(gzipped.body())).isEqualTo(plain.body());
        String etag = gzipped.headers().firstValue("etag").orElseThrow();
        assertThat(etag).isEqualTo("W/" + plain.headers().firstValue("etag").orElseThrow());
        HttpResponse<byte[]> again = Http.send(HttpRequest.newBuilder(home).header("Accept-Encoding", "gzip").header("If-None-Match", etag).build());
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.headers().firstValue("etag")).as("the 304 names the tag of the copy it confirms").contains(etag);
        assertThat(again.headers().firstValue("vary").orElse("")).containsIgnoringCase("accept-encoding");

        HttpResponse<byte[]> feed = Http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/feed.xml")).header("Accept-Encoding", "gzip").build());
        assertThat(feed.headers().firstValue("content-encoding")).contains("gzip");
        assertThat(new String(gunzip(feed.body()), StandardCharsets.UTF_8)).startsWith("<?xml");
        HttpResponse<byte[]> admin = Http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/api/v1/admin/episodes?status=published"))
                .header("Authorization", "Bearer " + stack.adminToken()).header("Accept-Encoding", "gzip").build());
        assertThat(admin.statusCode()).isEqualTo(200);
        assertThat(admin.body().length).as("big enough to be compressed elsewhere").isGreaterThanOrEqualTo(CdnCompression.MIN_BYTES);
        assertThat(admin.headers().firstValue("content-encoding")).isEmpty();
    }
}
