package dev.castline.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.castline.domain.Artwork;
import dev.castline.domain.MediaKey;
import dev.castline.media.ImageInfo;
import dev.castline.media.ImageProbe;
import dev.castline.media.RangeSource;
import dev.castline.testing.Events;
import dev.castline.testing.Images;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The show's artwork on the local stack, over HTTP: the host asks for a signed URL, PUTs an image,
 * the S3 event processes it, and the image is either refused with the reason or becomes the
 * artwork that the API, the feed and the pages all point at, served by the stack itself.
 */
@ExtendWith(CastlineLocalExtension.class)
class ArtworkEndToEndTest {
    private final CastlineLocal stack;

    ArtworkEndToEndTest(CastlineLocal stack) {
        this.stack = stack;
        org.junit.jupiter.api.Assumptions.assumeTrue(stack.emitsObjectCreatedEvents(), "needs the embedded S3's events");
    }

    @Test
    void theSampleShowsArtworkIsServedByTheStackAndMeetsTheRules() throws Exception {
        String url = Events.json(Http.get(URI.create(stack.baseUrl() + "/api/v1/show")).body()).get("artworkUrl").asText();
        assertThat(url).startsWith(stack.baseUrl() + "/media/artwork/");
        HttpResponse<byte[]> image = Http.send(HttpRequest.newBuilder(URI.create(url)).build());
        assertThat(image.statusCode()).isEqualTo(200);
        assertThat(image.headers().firstValue("content-type")).hasValue("image/png");
        ImageInfo info = probe(image.body());
        assertThat(Artwork.refusal(info.width(), info.height(), info.colour())).isEmpty();
        assertThat(image.body().length).as("a small generated image").isLessThan(64 * 1024);
        assertThePagesShowItsRenditions(url, "image/png");
    }

    /**
     * Every page's {@code <img>} of the artwork draws from its renditions alone (the srcset and the
     * src), and the stack serves each: 200, the original's type, cached for ever, as many pixels
     * a side as its width descriptor says.
     */
    private void assertThePagesShowItsRenditions(String originalUrl, String contentType) throws Exception {
        MediaKey original = MediaKey.ofUrl(stack.baseUrl() + "/media", originalUrl).orElseThrow();
        List<String> expected = new ArrayList<>();
        for (int side : Artwork.RENDITION_SIDES) {
            expected.add(stack.baseUrl() + "/media/" + original.rendition(side) + " " + side + "w");
        }
        String slug = stack.sampleSlugs().isEmpty() ? null : stack.sampleSlugs().getFirst();
        List<String> pages = new ArrayList<>(List.of("/"));
        if (slug != null) {
            pages.add("/episodes/" + slug);
            pages.add("/embed/" + slug);
        }
        for (String path : pages) {
            Elements images = Jsoup.parse(Http.get(URI.create(stack.baseUrl() + path)).body()).select("img.show-art, img.show-art-large");
            assertThat(images).as("%s shows the artwork", path).isNotEmpty().allSatisfy(img -> {
                assertThat(List.of(img.attr("srcset").split(", "))).as("%s srcset", path).containsExactlyElementsOf(expected);
                assertThat(img.attr("src")).isEqualTo(expected.getFirst().substring(0, expected.getFirst().indexOf(' ')));
                assertThat(img.attr("sizes")).endsWith("px");
            });
        }
        for (String candidate : expected) {
            String url = candidate.substring(0, candidate.indexOf(' '));
            int side = Integer.parseInt(candidate.substring(candidate.indexOf(' ') + 1, candidate.length() - 1));
            HttpResponse<byte[]> rendition = Http.send(HttpRequest.newBuilder(URI.create(url)).build());
            assertThat(rendition.statusCode()).as(url).isEqualTo(200);
            assertThat(rendition.headers().firstValue("content-type")).as(url).hasValue(contentType);
            assertThat(rendition.headers().firstValue("cache-control")).as(url).hasValue(MediaKey.CACHE_CONTROL);
            BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(rendition.body()));
            assertThat(decoded.getWidth()).as(url).isEqualTo(side);
            assertThat(decoded.getHeight()).as(url).isEqualTo(side);
        }
    }

    @Test
    void anImageThatIsNotArtworkIsRefusedWithTheReasonAndChangesNothing() throws Exception {
        String before = showArtworkUrl();
        refused("image/png", "<html>not an image</html>".repeat(10).getBytes(StandardCharsets.UTF_8), "not a JPEG or PNG file");
        refused("image/png", Images.png(1600, 1400), "the image is 1600 × 1400 px; show artwork must be square");
        refused("image/jpeg", Images.jpeg(600, 600), "the image is 600 × 600 px; show artwork must be at least 1400 × 1400 px");
        assertThat(showArtworkUrl()).isEqualTo(before);
    }

    private void refused(String contentType, byte[] file, String reason) throws Exception {
        JsonNode upload = requestUpload(contentType, file.length);
        assertThat(Http.send(signedPut(upload, file)).statusCode()).isEqualTo(200);
        String key = upload.get("key").asText();
        JsonNode show = waitFor(s -> s.has("artworkUpload") && s.get("artworkUpload").get("key").asText().equals(key)
                && s.get("artworkUpload").get("state").asText().equals("rejected"));
        assertThat(show.get("artworkUpload").get("reason").asText()).isEqualTo(reason);
        assertThat(Http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/media/" + key)).build()).statusCode())
                .as("a refused image is deleted, never served").isEqualTo(404);
    }

    @Test
    void anAcceptedImageIsTheArtworkOfTheApiTheFeedAndThePages() throws Exception {
        JsonNode original = admin("GET", "/api/v1/admin/show", null, 200);
        byte[] jpeg = Images.jpeg(1400, 1400);
        JsonNode upload = requestUpload("image/jpeg", jpeg.length);
        assertThat(upload.get("headers").has("if-none-match")).as("the URL writes once").isTrue();
        assertThat(Http.send(signedPut(upload, jpeg)).statusCode()).isEqualTo(200);
        String key = upload.get("key").asText();
        String url = stack.baseUrl() + "/media/" + key;
        try {
            JsonNode show = waitFor(s -> s.get("artworkUrl").asText().equals(url));
            assertThat(show.has("artworkUpload")).isFalse();

            assertThat(Events.json(Http.get(URI.create(stack.baseUrl() + "/api/v1/show")).body()).get("artworkUrl").asText()).isEqualTo(url);
            assertThat(Http.get(URI.create(stack.baseUrl() + "/feed.xml")).body()).contains("<itunes:image href=\"" + url + "\"/>");
            String home = Http.get(URI.create(stack.baseUrl() + "/")).body();
            assertThat(home).contains("<meta property=\"og:image\" content=\"" + url + "\">");
            HttpResponse<byte[]> served = Http.send(HttpRequest.newBuilder(URI.create(url)).build());
            assertThat(served.headers().firstValue("content-type")).hasValue("image/jpeg");
            assertThat(served.body()).isEqualTo(jpeg);
            assertThePagesShowItsRenditions(url, "image/jpeg");
        } finally {
            restore(original);
        }
    }

    /** Puts the sample show's settings and artwork back, for the other tests of the shared stack. */
    private void restore(JsonNode original) {
        // Its renditions first (deleted with it when it was replaced), as the processor writes them.
        byte[] png = SampleArtwork.png();
        SampleArtwork.putRenditions(png, (key, type, content) -> stack.s3().putObject(
                r -> r.bucket(CastlineLocal.AUDIO_BUCKET).key(key).contentType(type), software.amazon.awssdk.core.sync.RequestBody.fromBytes(content)));
        HttpResponse<byte[]> current = Http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/api/v1/admin/show"))
                .header("Authorization", "Bearer " + stack.adminToken()).build());
        ((com.fasterxml.jackson.databind.node.ObjectNode) original).remove("artworkUpload");
        HttpResponse<byte[]> put = Http.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/api/v1/admin/show"))
                .header("Authorization", "Bearer " + stack.adminToken()).header("Content-Type", "application/json")
                .header("If-Match", current.headers().firstValue("etag").orElseThrow())
                .PUT(HttpRequest.BodyPublishers.ofString(original.toString())).build());
        assertThat(put.statusCode()).as("restoring the sample show: %s", new String(put.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        // After the settings name it again, so the processor keeps it.
        stack.s3().putObject(r -> r.bucket(CastlineLocal.AUDIO_BUCKET).key(SampleArtwork.KEY.value()).contentType("image/png"),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(png));
    }

    private String showArtworkUrl() {
        return admin("GET", "/api/v1/admin/show", null, 200).get("artworkUrl").asText();
    }

    private JsonNode requestUpload(String contentType, int bytes) {
        return admin("POST", "/api/v1/admin/show/artwork", "{\"contentType\":\"" + contentType + "\",\"bytes\":" + bytes + "}", 201);
    }

    private static HttpRequest signedPut(JsonNode upload, byte[] body) {
        return AdminApi.signedPut(upload, body);
    }

    private JsonNode waitFor(Predicate<JsonNode> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        JsonNode show;
        do {
            show = admin("GET", "/api/v1/admin/show", null, 200);
            if (condition.test(show)) {
                return show;
            }
            Thread.sleep(100);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("the artwork upload was not processed in time: " + show);
    }

    private JsonNode admin(String method, String path, String body, int expectedStatus) {
        return new AdminApi(stack).call(method, path, body, expectedStatus);
    }

    private static ImageInfo probe(byte[] file) throws Exception {
        return ImageProbe.probe(RangeSource.of(file));
    }
}
