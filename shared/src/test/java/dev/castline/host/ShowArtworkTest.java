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
        String first = artwork.request(signing, "image/jpeg", 1000).key().value();
        artwork.process(first, image(2000, 2000, Artwork.Colour.RGB, ImageFormat.JPEG));
        String second = artwork.request(signing, "image/png", 1000).key().value();
        assertThat(artwork.process(second, GOOD)).isEqualTo(Uploads.Outcome.ACCEPTED);
        assertThat(shows.load().show().orElseThrow().artworkUrl()).isEqualTo(MEDIA + "/" + second);
        assertThat(media.deleted()).containsExactly(first);
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
        assertThat(media.deleted()).endsWith(key);
    }

    @Test
    void anObjectTheShowDoesNotWaitForIsDeletedAndChangesNothing() throws Exception {
        shows.save(Shows.sample());
        String superseded = artwork.request(signing, "image/png", 1000).key().value();
        String current = artwork.request(signing, "image/png", 1000).key().value();
        assertThat(artwork.process(superseded, GOOD)).isEqualTo(Uploads.Outcome.DISCARDED);
        assertThat(media.deleted()).containsExactly(superseded);
        assertThat(shows.load().artworkUpload().orElseThrow().key()).isEqualTo(current);
        assertThat(shows.load().show().orElseThrow().artworkUrl()).isEqualTo(Shows.sample().artworkUrl());

        // An object that is gone by the time it is read: nothing to decide.
        assertThat(artwork.process(current, key -> Optional.empty())).isEqualTo(Uploads.Outcome.IGNORED);
        assertThat(shows.load().artworkUpload().orElseThrow().isPending()).isTrue();
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
