package dev.castline.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castline.emulation.DynamoDbLocal;
import dev.castline.emulation.EmulatorClients;
import dev.castline.domain.AudioFormat;
import dev.castline.domain.Episode;
import dev.castline.domain.MediaKey;
import dev.castline.domain.ValidationException;
import dev.castline.media.AudioInfo;
import dev.castline.media.UnsupportedAudioException;
import dev.castline.store.EpisodeStore;
import dev.castline.store.TableLayout;
import dev.castline.testing.RecordedMedia;
import dev.castline.testing.MutableClock;
import dev.castline.testing.TestTables;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Uploads from request to verdict: the one piece the admin API and the upload processor share. */
class UploadsTest {
    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");

    private final DynamoDbClient dynamo = EmulatorClients.dynamoDb(DynamoDbLocal.shared().endpoint());
    private final MutableClock clock = new MutableClock(NOW);
    private final EpisodeStore store = new EpisodeStore(dynamo, TestTables.create(dynamo), new TableLayout("uploads"), clock);
    private final RecordedMedia media = new RecordedMedia();
    private final List<String> signed = new ArrayList<>();
    private final EpisodeService episodes = new EpisodeService(store, media, clock);
    private final Uploads uploads = new Uploads(store, media, clock);
    private final Uploads.Signing signing = new Uploads.Signing((key, contentType, bytes, ttl) -> {
        signed.add(key.value() + " " + contentType + " " + bytes + " " + ttl.toMinutes());
        return new UploadSigner.Signed(URI.create("https://bucket.example/" + key.value() + "?sig"),
                Map.of("content-type", contentType), NOW.plus(ttl));
    }, 1_000_000, Duration.ofMinutes(15));

    private Episode draft() {
        return episodes.create(NewEpisode.draft(new EpisodeEdit().title("Needs Audio " + System.nanoTime())));
    }

    @Test
    void aRequestSignsOneKeyTypeAndSizeAndRecordsThePendingUpload() {
        Episode draft = draft();
        Uploads.Requested requested = uploads.request(signing, draft.id(), OptionalLong.of(1), "AUDIO/MPEG", 5_000, "show.mp3");

        assertThat(requested.key().owner()).isEqualTo(draft.id());
        assertThat(requested.key().audioFormat()).contains(AudioFormat.MP3);
        assertThat(signed).containsExactly(requested.key().value() + " audio/mpeg 5000 15");
        Episode waiting = store.findById(draft.id(), true).orElseThrow();
        assertThat(waiting.upload().key()).isEqualTo(requested.key().value());
        assertThat(waiting.upload().isPending()).isTrue();
        assertThat(waiting.version()).isEqualTo(2);
        assertThat(requested.episode()).isEqualTo(waiting);
    }

    @Test
    void aRequestOutsideTheRulesIsRefusedNamingTheFieldAndSignsNothing() {
        Episode draft = draft();
        assertThatThrownBy(() -> uploads.request(signing, draft.id(), OptionalLong.empty(), "video/mp4", 5_000, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("contentType"));
        assertThatThrownBy(() -> uploads.request(signing, draft.id(), OptionalLong.empty(), "audio/mpeg", 1_000_001, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("bytes"));
        assertThatThrownBy(() -> uploads.request(signing, draft.id(), OptionalLong.empty(), "audio/mpeg", 0, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("bytes"));
        assertThatThrownBy(() -> uploads.request(signing, draft.id(), OptionalLong.empty(), "audio/mpeg", 10, "x".repeat(256)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("fileName"));
        assertThat(uploads.request(signing, draft.id(), OptionalLong.empty(), "audio/mpeg", 1_000_000, "x".repeat(255))).isNotNull();
        assertThat(signed).hasSize(1);
    }

    @Test
    void thePendingUploadBecomesTheAudioAndTheAudioItReplacesIsDeleted() throws IOException {
        Episode draft = draft();
        String first = uploads.request(signing, draft.id(), OptionalLong.empty(), "audio/mpeg", 5_000, null).key().value();
        assertThat(uploads.process(first, key -> Optional.of(new AudioInfo("audio/mpeg", 5_000, 61_500)))).isEqualTo(Uploads.Outcome.ACCEPTED);
        // The same event again changes nothing.
        assertThat(uploads.process(first, key -> { throw new AssertionError("not probed again"); })).isEqualTo(Uploads.Outcome.IGNORED);

        String second = uploads.request(signing, draft.id(), OptionalLong.empty(), "audio/x-m4a", 7_000, null).key().value();
        assertThat(uploads.process(second, key -> Optional.of(new AudioInfo("audio/x-m4a", 7_000, 30_000)))).isEqualTo(Uploads.Outcome.ACCEPTED);

        Episode done = store.findById(draft.id(), true).orElseThrow();
        assertThat(done.audio().key()).isEqualTo(second);
        assertThat(done.audio().durationMillis()).isEqualTo(30_000);
        assertThat(done.upload()).isNull();
        assertThat(media.deleted()).containsExactly(first);
    }

    @Test
    void aFileThatIsNotTheAnnouncedAudioIsRejectedWithTheReasonAndDeleted() throws IOException {
        Episode draft = draft();
        String key = uploads.request(signing, draft.id(), OptionalLong.empty(), "audio/mpeg", 5_000, null).key().value();

        assertThat(uploads.process(key, k -> Optional.of(new AudioInfo("audio/x-m4a", 5_000, 1_000)))).isEqualTo(Uploads.Outcome.REJECTED);

        Episode refused = store.findById(draft.id(), true).orElseThrow();
        assertThat(refused.audio()).isNull();
        assertThat(refused.upload().rejectedReason()).isEqualTo("the file is an M4A (audio/x-m4a), but the upload announced an MP3 (audio/mpeg)");
        assertThat(media.deleted()).containsExactly(key);

        String next = uploads.request(signing, draft.id(), OptionalLong.empty(), "audio/mpeg", 5_000, null).key().value();
        assertThat(uploads.process(next, k -> { throw new UnsupportedAudioException("not an MP3 or M4A file"); }))
                .isEqualTo(Uploads.Outcome.REJECTED);
        assertThat(store.findById(draft.id(), true).orElseThrow().upload().rejectedReason()).isEqualTo("not an MP3 or M4A file");
    }

    @Test
    void objectsThatNoEpisodeWaitsForAreDeletedAndForeignKeysLeftAlone() throws IOException {
        Episode draft = draft();
        String key = uploads.request(signing, draft.id(), OptionalLong.empty(), "audio/mpeg", 5_000, null).key().value();

        assertThat(uploads.process("notes/readme.txt", k -> { throw new AssertionError(); })).isEqualTo(Uploads.Outcome.IGNORED);
        String stray = MediaKey.newAudio(draft.id(), AudioFormat.MP3).value();
        assertThat(uploads.process(stray, k -> { throw new AssertionError(); }))
                .as("a key the episode does not wait for: a superseded or replayed upload").isEqualTo(Uploads.Outcome.DISCARDED);
        String orphan = MediaKey.newAudio("no-such-episode", AudioFormat.MP3).value();
        assertThat(uploads.process(orphan, k -> { throw new AssertionError(); })).isEqualTo(Uploads.Outcome.DISCARDED);
        assertThat(uploads.process(key, k -> Optional.empty())).as("an object already gone").isEqualTo(Uploads.Outcome.IGNORED);
        assertThat(store.findById(draft.id(), true).orElseThrow().upload().isPending()).isTrue();
        assertThat(media.deleted()).containsExactly(stray, orphan);
    }

    @Test
    void aSupersededUploadIsDeletedWhenItArrives() throws IOException {
        Episode draft = draft();
        String first = uploads.request(signing, draft.id(), OptionalLong.empty(), "audio/mpeg", 5_000, null).key().value();
        String second = uploads.request(signing, draft.id(), OptionalLong.empty(), "audio/mpeg", 6_000, null).key().value();

        assertThat(uploads.process(first, k -> { throw new AssertionError("never probed"); })).isEqualTo(Uploads.Outcome.DISCARDED);
        assertThat(uploads.process(second, k -> Optional.of(new AudioInfo("audio/mpeg", 6_000, 2_000)))).isEqualTo(Uploads.Outcome.ACCEPTED);
        assertThat(media.deleted()).containsExactly(first);
        assertThat(store.findById(draft.id(), true).orElseThrow().audio().key()).isEqualTo(second);
    }
}
