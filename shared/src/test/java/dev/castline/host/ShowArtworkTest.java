package dev.castline.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castline.domain.Artwork;
import dev.castline.domain.ImageFormat;
import dev.castline.domain.MediaKey;
import dev.castline.domain.Upload;
import dev.castline.domain.ValidationException;
import dev.castline.emulation.DynamoDbLocal;
import dev.castline.emulation.EmulatorClients;
import dev.castline.media.ImageInfo;
import dev.castline.media.UnsupportedImageException;
import dev.castline.store.ConflictException;
import dev.castline.store.ShowStore;
import dev.castline.store.TableLayout;
import dev.castline.testing.Images;
import dev.castline.testing.MutableClock;
import dev.castline.testing.RecordedMedia;
import dev.castline.testing.Shows;
import dev.castline.testing.TestTables;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The show's artwork from the host's request to the processor's verdict. */
class ShowArtworkTest {
    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final String MEDIA = TestTables.MEDIA_BASE_URL;
    private static final AtomicInteger SHOWS = new AtomicInteger();

    private final DynamoDbClient dynamo = EmulatorClients.dynamoDb(DynamoDbLocal.shared().endpoint());
    private final MutableClock clock = new MutableClock(NOW);
    private final ShowStore shows = new ShowStore(dynamo, TestTables.create(dynamo), new TableLayout("artwork-" + SHOWS.incrementAndGet()), clock);
    private final RecordedMedia media = new RecordedMedia();
    private final List<String> signed = new ArrayList<>();
    private final ShowArtwork artwork = new ShowArtwork(shows, media, MEDIA, clock);
    private final Uploads.Signing signing = new Uploads.Signing((key, contentType, bytes, ttl) -> {
        signed.add(key.value() + " " + contentType + " " + bytes);
        return new UploadSigner.Signed(URI.create("https://bucket.example/" + key.value() + "?sig"), Map.of("content-type", contentType), NOW.plus(ttl));
    }, 500_000_000, Duration.ofMinutes(15));

    private static ShowArtwork.Prober image(int width, int height, Artwork.Colour colour, ImageFormat format) {
        return key -> Optional.of(new ImageInfo(format, width, height, colour));
    }

    private static final ShowArtwork.Prober GOOD = image(1400, 1400, Artwork.Colour.RGB, ImageFormat.PNG);

    @Test
    void anAcceptedImageBecomesTheShowsArtworkServedFromTheMediaUrl() throws Exception {
        shows.save(Shows.sample());
        ShowStore.Snapshot before = shows.load();
        ShowArtwork.Requested requested = artwork.request(signing, "image/png", 20_000);
        assertThat(requested.key().kind()).isEqualTo(MediaKey.Kind.ARTWORK);
        assertThat(requested.key().value()).startsWith("artwork/show/").endsWith(".png");
        assertThat(signed).containsExactly(requested.key().value() + " image/png 20000");
        assertThat(shows.load().artworkUpload()).hasValue(new Upload(requested.key().value(), "image/png", 20_000, NOW, null));
        assertThat(shows.load().settingsVersion()).as("asking to upload changes no setting").isEqualTo(before.settingsVersion());

        media.store(requested.key().value(), Images.png(1400, 1400));
        assertThat(artwork.process(requested.key().value(), GOOD)).isEqualTo(Uploads.Outcome.ACCEPTED);

        ShowStore.Snapshot after = shows.load();
        assertThat(after.show().orElseThrow().artworkUrl()).isEqualTo(MEDIA + "/" + requested.key().value());
        assertThat(after.artworkUpload()).isEmpty();
        assertThat(after.settingsVersion()).isEqualTo(before.settingsVersion() + 1);
        assertThat(after.feed().version()).as("the feed's itunes:image changed").isGreaterThan(before.feed().version());
        assertThat(media.deleted()).as("the old artwork was another host's URL: not ours to delete").isEmpty();

        // A duplicate event for the same object changes nothing.
        assertThat(artwork.process(requested.key().value(), GOOD)).isEqualTo(Uploads.Outcome.IGNORED);
        assertThat(shows.load().settingsVersion()).isEqualTo(after.settingsVersion());
    }

    @Test
    void newArtworkReplacesOursAndDeletesTheOldImage() throws Exception {
        shows.save(Shows.sample());
        MediaKey first = artwork.request(signing, "image/jpeg", 1000).key();
        media.store(first.value(), Images.jpeg(2000, 2000));
        artwork.process(first.value(), image(2000, 2000, Artwork.Colour.RGB, ImageFormat.JPEG));
        String second = artwork.request(signing, "image/png", 1000).key().value();
        media.store(second, Images.png(1400, 1400));
        assertThat(artwork.process(second, GOOD)).isEqualTo(Uploads.Outcome.ACCEPTED);
        assertThat(shows.load().show().orElseThrow().artworkUrl()).isEqualTo(MEDIA + "/" + second);
        assertThat(media.deleted()).as("the old image and its renditions").containsExactly(first.value(), first.rendition(128), first.rendition(480));
    }

    @Test
    void theRenditionsAreWrittenBeforeTheShowNamesTheArtwork() throws Exception {
        shows.save(Shows.sample());
        MediaKey key = artwork.request(signing, "image/jpeg", 1000).key();
        media.store(key.value(), Images.jpeg(1400, 1400));
        List<String> artworkWhenPut = new ArrayList<>();
        media.beforePut(k -> artworkWhenPut.add(shows.load().show().orElseThrow().artworkUrl()));

        assertThat(artwork.process(key.value(), image(1400, 1400, Artwork.Colour.RGB, ImageFormat.JPEG))).isEqualTo(Uploads.Outcome.ACCEPTED);

        assertThat(media.calls()).containsExactly("read " + key.value(),
                "put " + key.rendition(128) + " image/jpeg", "put " + key.rendition(480) + " image/jpeg");
        assertThat(artworkWhenPut).as("the show still named its old artwork while each was written")
                .containsExactly(Shows.sample().artworkUrl(), Shows.sample().artworkUrl());
        assertThat(shows.load().show().orElseThrow().artworkUrl()).isEqualTo(MEDIA + "/" + key.value());
        for (int side : Artwork.RENDITION_SIDES) {
            java.awt.image.BufferedImage copy = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(media.object(key.rendition(side)).orElseThrow()));
            assertThat(copy.getWidth()).isEqualTo(side);
            assertThat(copy.getHeight()).isEqualTo(side);
        }
    }

    @Test
    void aRenditionThatCannotBeWrittenLeavesTheShowsArtworkAndTheRetriedEventFinishes() throws Exception {
        shows.save(Shows.sample());
        MediaKey key = artwork.request(signing, "image/png", 1000).key();
        media.store(key.value(), Images.png(1400, 1400));
        media.beforePut(k -> {
            if (k.equals(key.rendition(480))) {
                throw new IllegalStateException("S3 is down");
            }
        });

        assertThatThrownBy(() -> artwork.process(key.value(), GOOD)).hasMessage("S3 is down");

        ShowStore.Snapshot after = shows.load();
        assertThat(after.show().orElseThrow().artworkUrl()).as("the old artwork, whose renditions exist").isEqualTo(Shows.sample().artworkUrl());
        assertThat(after.artworkUpload().orElseThrow().isPending()).as("still waiting: Lambda retries the event").isTrue();
        assertThat(media.deleted()).as("the upload is kept for the retry").isEmpty();

        media.beforePut(k -> { });
        assertThat(artwork.process(key.value(), GOOD)).isEqualTo(Uploads.Outcome.ACCEPTED);
        assertThat(shows.load().show().orElseThrow().artworkUrl()).isEqualTo(MEDIA + "/" + key.value());
        assertThat(key.renditions()).allSatisfy(r -> assertThat(media.object(r)).isPresent());
    }

    @Test
    void anImageWhosePixelsCannotBeDecodedIsRefusedAndNothingIsWritten() throws Exception {
        shows.save(Shows.sample());
        MediaKey key = artwork.request(signing, "image/png", 1000).key();
        media.store(key.value(), java.util.Arrays.copyOf(Images.png(1400, 1400), 300)); // a sound header, then nothing

        assertThat(artwork.process(key.value(), GOOD)).isEqualTo(Uploads.Outcome.REJECTED);

        assertThat(shows.load().artworkUpload().orElseThrow().rejectedReason()).isEqualTo("the image data is damaged: it cannot be decoded");
        assertThat(shows.load().show().orElseThrow().artworkUrl()).isEqualTo(Shows.sample().artworkUrl());
        assertThat(media.calls()).noneMatch(c -> c.startsWith("put "));
        assertThat(media.deleted()).startsWith(key.value());
    }

    @Test
    void theEventOfARenditionItWroteChangesNothing() throws Exception {
        shows.save(Shows.sample());
        MediaKey key = artwork.request(signing, "image/png", 1000).key();
        media.store(key.value(), Images.png(1400, 1400));
        artwork.process(key.value(), GOOD);
        ShowStore.Snapshot before = shows.load();
        List<String> callsBefore = List.copyOf(media.calls());

        for (String rendition : key.renditions()) {
            assertThat(artwork.process(rendition, GOOD)).isEqualTo(Uploads.Outcome.IGNORED);
        }
        assertThat(media.calls()).isEqualTo(callsBefore);
        assertThat(shows.load().settingsVersion()).isEqualTo(before.settingsVersion());
    }

    @Test
    void anImageThatBreaksTheRulesIsRefusedWithTheReasonAndDeleted() throws Exception {
        shows.save(Shows.sample());
        long version = shows.load().settingsVersion();
        refused(image(1600, 1400, Artwork.Colour.RGB, ImageFormat.PNG), "image/png", "the image is 1600 × 1400 px; show artwork must be square");
        refused(image(600, 600, Artwork.Colour.RGB, ImageFormat.PNG), "image/png", "show artwork must be at least 1400 × 1400 px");
        refused(image(1400, 1400, Artwork.Colour.CMYK, ImageFormat.JPEG), "image/jpeg", "the image is CMYK; show artwork must be RGB");
        refused(key -> {
            throw new UnsupportedImageException("not a JPEG or PNG file");
        }, "image/png", "not a JPEG or PNG file");
        refused(image(1400, 1400, Artwork.Colour.RGB, ImageFormat.JPEG), "image/png", "the file is a JPEG (image/jpeg), but the upload announced a PNG (image/png)");
        assertThat(shows.load().show().orElseThrow().artworkUrl()).isEqualTo(Shows.sample().artworkUrl());
        assertThat(shows.load().settingsVersion()).isEqualTo(version);
    }

    private void refused(ShowArtwork.Prober prober, String contentType, String reason) throws Exception {
        String key = artwork.request(signing, contentType, 1000).key().value();
        assertThat(artwork.process(key, prober)).isEqualTo(Uploads.Outcome.REJECTED);
        Upload upload = shows.load().artworkUpload().orElseThrow();
        assertThat(upload.key()).isEqualTo(key);
        assertThat(upload.rejectedReason()).contains(reason);
        assertThat(media.deleted()).endsWith(key, MediaKey.parse(key).orElseThrow().rendition(128), MediaKey.parse(key).orElseThrow().rendition(480));
        assertThat(media.calls()).noneMatch(c -> c.startsWith("put "));
    }

    @Test
    void anObjectTheShowDoesNotWaitForIsDeletedAndChangesNothing() throws Exception {
        shows.save(Shows.sample());
        MediaKey supersededKey = artwork.request(signing, "image/png", 1000).key();
        String superseded = supersededKey.value();
        String current = artwork.request(signing, "image/png", 1000).key().value();
        assertThat(artwork.process(superseded, GOOD)).isEqualTo(Uploads.Outcome.DISCARDED);
        assertThat(media.deleted()).as("with any renditions an earlier attempt wrote")
                .containsExactly(superseded, supersededKey.rendition(128), supersededKey.rendition(480));
        assertThat(shows.load().artworkUpload().orElseThrow().key()).isEqualTo(current);
        assertThat(shows.load().show().orElseThrow().artworkUrl()).isEqualTo(Shows.sample().artworkUrl());

        // An object that is gone by the time it is read: nothing to decide.
        assertThat(artwork.process(current, key -> Optional.empty())).isEqualTo(Uploads.Outcome.IGNORED);
        assertThat(shows.load().artworkUpload().orElseThrow().isPending()).isTrue();
        // Or gone between the probe and reading it whole.
        assertThat(artwork.process(current, GOOD)).isEqualTo(Uploads.Outcome.IGNORED);
        assertThat(shows.load().artworkUpload().orElseThrow().isPending()).isTrue();
        assertThat(media.calls()).noneMatch(c -> c.startsWith("put "));
        // A key of another kind or owner is not artwork's business.
        assertThat(artwork.process("audio/ep-1/" + java.util.UUID.randomUUID() + ".mp3", GOOD)).isEqualTo(Uploads.Outcome.IGNORED);
    }

    @Test
    void aRequestNamesAnImageTypeAndASizeWithinTheLimit() {
        shows.save(Shows.sample());
        assertThatThrownBy(() -> artwork.request(signing, "image/gif", 1000)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("image/jpeg or image/png").extracting(e -> ((ValidationException) e).field()).isEqualTo("contentType");
        assertThatThrownBy(() -> artwork.request(signing, "image/png", Artwork.MAX_BYTES + 1)).isInstanceOf(ValidationException.class)
                .extracting(e -> ((ValidationException) e).field()).isEqualTo("bytes");
        assertThatThrownBy(() -> artwork.request(signing, "image/png", 0)).isInstanceOf(ValidationException.class);
        assertThat(signed).isEmpty();
        assertThat(shows.load().artworkUpload()).isEmpty();
    }

    @Test
    void aShowWithoutSettingsCannotTakeArtworkYet() {
        assertThatThrownBy(() -> artwork.request(signing, "image/png", 1000)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("no settings yet");
        assertThat(signed).as("no URL signed for nothing").isEmpty();
    }
}
