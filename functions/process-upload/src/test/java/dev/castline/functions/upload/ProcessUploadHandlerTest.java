package dev.castline.functions.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castline.emulation.EmulatorClients;
import dev.castline.config.MediaConfig;
import dev.castline.domain.Artwork;
import dev.castline.domain.ImageFormat;
import dev.castline.domain.MediaKey;
import dev.castline.domain.Episode;
import dev.castline.domain.Upload;
import dev.castline.store.StoreUnavailableException;
import dev.castline.testing.ApiFixture;
import dev.castline.testing.Images;
import dev.castline.testing.Throttling;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * What the processor does without S3 in the way: it reads the keys of real S3 events, ignores
 * what is not an upload, lets transient faults out so that Lambda retries, and writes an accepted
 * artwork's renditions (to a bucket in memory) before the show names it. (The whole path with S3
 * runs in local/'s UploadEndToEndTest and ArtworkEndToEndTest.)
 */
class ProcessUploadHandlerTest {
    private final ApiFixture fixture = new ApiFixture();
    private final S3Client deadS3 = S3Client.builder().region(Region.US_EAST_1).credentialsProvider(EmulatorClients.CREDENTIALS)
            .endpointOverride(URI.create("http://127.0.0.1:9")).forcePathStyle(true)
            .httpClient(UrlConnectionHttpClient.create()).build();
    private final MediaConfig media = new MediaConfig("castline-audio", Optional.of(URI.create("http://127.0.0.1:9")));

    @Test
    void readsTheObjectKeysOfTheSampleEventDecodedAsS3EncodesThem() throws Exception {
        try (InputStream in = new ByteArrayInputStream(ApiFixture.event("s3-audio-created.json").getBytes(StandardCharsets.UTF_8))) {
            assertThat(dev.castline.lambda.S3Events.objectKeys(in))
                    .containsExactly("audio/3f0c9a7e-8d1b-4c55-9a0e-2b7f6d1c4e21/9b1d3c5e-7f2a-4b6c-8d0e-1f3a5b7c9d2e.mp3");
        }
        String encoded = "{\"Records\":[{\"s3\":{\"object\":{\"key\":\"audio/a/my+file%C3%A9.mp3\",\"size\":1}}}]}";
        assertThat(dev.castline.lambda.S3Events.objectKeys(new ByteArrayInputStream(encoded.getBytes(StandardCharsets.UTF_8))))
                .containsExactly("audio/a/my fileé.mp3");
    }

    @Test
    void objectsOutsideTheAudioLayoutAndEventsForNoPendingUploadChangeNothing() throws Exception {
        ProcessUploadHandler handler = new ProcessUploadHandler(fixture.config, media, fixture.dynamo, deadS3, fixture.clock);
        Episode before = fixture.store.findBySlug(ApiFixture.PODIA, true).orElseThrow();
        for (String key : new String[] {"covers/art.png", "audio/../etc/passwd", "audio/" + before.id() + "/not-pending.mp3"}) {
            handler.handleRequest(event(key), new ByteArrayOutputStream(), null);
        }
        assertThat(fixture.store.findById(before.id(), true)).contains(before);
    }

    @Test
    void aThrottledTableIsThrownSoLambdaRetriesTheEvent() {
        Episode e = fixture.store.findBySlug(ApiFixture.PODIA, true).orElseThrow();
        String key = "audio/" + e.id() + "/0b6d7a3e-6c3f-4c43-9d61-1d1b2f1b2c3d.mp3";
        fixture.store.update(e, e.toBuilder().upload(new Upload(key, "audio/mpeg", 100, Instant.now(), null)).version(e.version() + 1).build());
        ProcessUploadHandler throttled = new ProcessUploadHandler(fixture.config, media, fixture.client(new Throttling()), deadS3, fixture.clock);
        assertThatThrownBy(() -> throttled.handleRequest(event(key), new ByteArrayOutputStream(), null))
                .isInstanceOf(StoreUnavailableException.class);
    }

    @Test
    void anUnreachableBucketIsThrownToo() {
        Episode e = fixture.store.findBySlug(ApiFixture.PODIA, true).orElseThrow();
        String key = "audio/" + e.id() + "/0b6d7a3e-6c3f-4c43-9d61-1d1b2f1b2c3d.mp3";
        fixture.store.update(e, e.toBuilder().upload(new Upload(key, "audio/mpeg", 100, Instant.now(), null)).version(e.version() + 1).build());
        ProcessUploadHandler handler = new ProcessUploadHandler(fixture.config, media, fixture.dynamo, deadS3, fixture.clock);
        assertThatThrownBy(() -> handler.handleRequest(event(key), new ByteArrayOutputStream(), null))
                .isInstanceOf(software.amazon.awssdk.core.exception.SdkClientException.class);
        assertThat(fixture.store.findById(e.id(), true).orElseThrow().upload().isPending()).as("nothing was decided").isTrue();
    }

    @Test
    void anAcceptedArtworkGetsItsRenditionsCachedForEverBeforeTheShowNamesIt() throws Exception {
        MemoryS3 s3 = new MemoryS3();
        MediaKey key = pendingArtwork(s3);
        String before = artworkUrl();
        List<String> artworkWhenPut = new ArrayList<>();
        s3.beforePut(put -> artworkWhenPut.add(artworkUrl()));
        ProcessUploadHandler handler = new ProcessUploadHandler(fixture.config, media, fixture.dynamo, s3, fixture.clock);

        handler.handleRequest(event(key.value()), new ByteArrayOutputStream(), null);

        assertThat(s3.puts()).extracting(PutObjectRequest::key).containsExactlyElementsOf(key.renditions());
        assertThat(s3.puts()).allSatisfy(put -> {
            assertThat(put.contentType()).isEqualTo("image/png");
            assertThat(put.cacheControl()).isEqualTo("public, max-age=31536000, immutable");
        });
        assertThat(artworkWhenPut).as("the show named its old artwork while each was written").containsOnly(before);
        assertThat(artworkUrl()).isEqualTo(MediaKey.url(fixture.config.mediaBaseUrl(), key.value()));
        for (int side : Artwork.RENDITION_SIDES) {
            BufferedImage rendition = ImageIO.read(new ByteArrayInputStream(s3.object(key.rendition(side))));
            assertThat(rendition.getWidth()).isEqualTo(side);
            assertThat(rendition.getHeight()).isEqualTo(side);
        }

        // S3 tells the processor of each rendition it wrote: those events change nothing.
        long version = fixture.shows.load().settingsVersion();
        for (String rendition : key.renditions()) {
            handler.handleRequest(event(rendition), new ByteArrayOutputStream(), null);
            assertThat(s3.object(rendition)).as("kept").isNotNull();
        }
        assertThat(s3.puts()).hasSize(Artwork.RENDITION_SIDES.size());
        assertThat(fixture.shows.load().settingsVersion()).isEqualTo(version);
    }

    @Test
    void aRenditionThatCannotBeWrittenFailsTheEventAndTheShowKeepsItsArtwork() throws Exception {
        MemoryS3 s3 = new MemoryS3();
        MediaKey key = pendingArtwork(s3);
        String before = artworkUrl();
        s3.beforePut(put -> {
            if (put.key().equals(key.rendition(480))) {
                throw S3Exception.builder().statusCode(503).message("Slow Down").build();
            }
        });
        ProcessUploadHandler handler = new ProcessUploadHandler(fixture.config, media, fixture.dynamo, s3, fixture.clock);

        assertThatThrownBy(() -> handler.handleRequest(event(key.value()), new ByteArrayOutputStream(), null))
                .as("thrown, so Lambda retries the event").isInstanceOf(S3Exception.class);

        assertThat(artworkUrl()).isEqualTo(before);
        assertThat(fixture.shows.load().artworkUpload().orElseThrow().isPending()).isTrue();
        assertThat(s3.object(key.value())).as("the upload is kept for the retry").isNotNull();

        s3.beforePut(put -> { });
        handler.handleRequest(event(key.value()), new ByteArrayOutputStream(), null);
        assertThat(artworkUrl()).isEqualTo(MediaKey.url(fixture.config.mediaBaseUrl(), key.value()));
    }

    /** A 1400 px PNG in the bucket, the show's pending artwork upload. */
    private MediaKey pendingArtwork(MemoryS3 s3) {
        MediaKey key = MediaKey.newShowArtwork(ImageFormat.PNG);
        byte[] png = Images.png(1400, 1400);
        fixture.shows.requestArtwork(new Upload(key.value(), "image/png", png.length, fixture.clock.instant(), null));
        s3.store(key.value(), png);
        return key;
    }

    private String artworkUrl() {
        return fixture.shows.load().show().orElseThrow().artworkUrl();
    }

    private static InputStream event(String key) {
        String json = "{\"Records\":[{\"eventSource\":\"aws:s3\",\"eventName\":\"ObjectCreated:Put\",\"s3\":{\"bucket\":{\"name\":\"castline-audio\"},"
                + "\"object\":{\"key\":\"" + key + "\",\"size\":100}}}]}";
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
