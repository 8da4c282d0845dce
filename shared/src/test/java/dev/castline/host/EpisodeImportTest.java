package dev.castline.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.castline.domain.Episode;
import dev.castline.domain.Status;
import dev.castline.domain.ValidationException;
import dev.castline.emulation.DynamoDbLocal;
import dev.castline.emulation.EmulatorClients;
import dev.castline.emulation.OperationCounter;
import dev.castline.store.ConflictException;
import dev.castline.store.EpisodeStore;
import dev.castline.store.TableLayout;
import dev.castline.testing.MutableClock;
import dev.castline.testing.RecordedMedia;
import dev.castline.testing.TestTables;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Episodes brought from another host's feed: released as they were, found again by guid. */
class EpisodeImportTest {
    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final Instant RELEASED = Instant.parse("2019-06-15T19:00:00Z");
    private static final String GUID = "https://oldhost.example/?p=42";
    private static final NewEpisode.ExternalAudio ENCLOSURE =
            new NewEpisode.ExternalAudio("https://media.oldhost.example/ep42.mp3?source=feed", "audio/mpeg", 0, 3_723_500);

    private final OperationCounter operations = new OperationCounter();
    private final DynamoDbClient dynamo = EmulatorClients.dynamoDb(DynamoDbLocal.shared().endpoint(), operations);
    private final String table = TestTables.create(dynamo);
    private final MutableClock clock = new MutableClock(NOW);
    private final EpisodeStore store = new EpisodeStore(dynamo, table, new TableLayout(TableLayout.DEFAULT_SHOW), clock);
    private final RecordedMedia media = new RecordedMedia();
    private final EpisodeService service = new EpisodeService(store, media, clock);

    private static NewEpisode item(String guid, String title) {
        return new NewEpisode(new EpisodeEdit().title(title).summary("Imported."), guid, RELEASED, ENCLOSURE);
    }

    @Test
    void anImportedEpisodeIsPublishedWithItsGuidDateAndEnclosureAsTheyWere() {
        EpisodeService.Imported imported = service.importEpisode(item(GUID, "Episode 42"));

        assertThat(imported.created()).isTrue();
        Episode e = imported.episode();
        assertThat(e.guid()).isEqualTo(GUID);
        assertThat(e.status()).isEqualTo(Status.PUBLISHED);
        assertThat(e.publishAt()).isEqualTo(RELEASED);
        assertThat(e.audio().isExternal()).isTrue();
        assertThat(e.audio().url("https://media.castline.test")).isEqualTo(ENCLOSURE.url());
        assertThat(e.audio().bytes()).isZero();
        assertThat(e.audio().durationMillis()).isEqualTo(3_723_500);
        assertThat(store.findById(e.id(), true)).contains(e);
        assertThat(store.findByGuid(GUID, true)).contains(e);
    }

    @Test
    void importingTheSameGuidAgainReturnsTheEpisodeAndWritesNothing() {
        Episode first = service.importEpisode(item(GUID, "Episode 42")).episode();
        operations.reset();

        EpisodeService.Imported again = service.importEpisode(item(GUID, "Episode 42, retitled at the old host"));

        assertThat(again.created()).isFalse();
        assertThat(again.episode()).isEqualTo(first);
        assertThat(operations.operations()).as("reads only").containsOnly("GetItem");
    }

    @Test
    void noTwoEpisodesShareAGuidAndDeletingOneFreesIt() {
        Episode imported = service.importEpisode(item(GUID, "Episode 42")).episode();
        assertThatThrownBy(() -> service.create(new NewEpisode(new EpisodeEdit().title("Another"), GUID, null, null)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.GUID_TAKEN));

        service.remove(imported.id(), OptionalLong.empty());
        assertThat(store.findByGuid(GUID, true)).isEmpty();
        assertThat(service.importEpisode(item(GUID, "Episode 42")).created()).isTrue();
    }

    @Test
    void anotherHostsAudioIsNeverMovedOrDeleted() {
        Episode e = service.importEpisode(item(GUID, "Episode 42")).episode();
        service.unpublish(e.id(), OptionalLong.empty());
        service.publish(e.id(), OptionalLong.empty(), Optional.empty());
        service.remove(e.id(), OptionalLong.empty());
        assertThat(media.calls()).as("nothing of ours to withhold, restore or delete").isEmpty();
    }

    @Test
    void anImportNeedsItsGuidDateAndAValidEnclosure() {
        refused(new NewEpisode(new EpisodeEdit().title("No guid"), null, RELEASED, ENCLOSURE), "guid");
        refused(new NewEpisode(new EpisodeEdit().title("No date"), "g-1", null, ENCLOSURE), "publishAt");
        refused(new NewEpisode(new EpisodeEdit().title("No audio"), "g-2", RELEASED, null), "audio");
        refused(new NewEpisode(new EpisodeEdit().title("Script URL"), "g-3", RELEASED,
                new NewEpisode.ExternalAudio("javascript:alert(1)", "audio/mpeg", 1, 1)), "audio.url");
        refused(new NewEpisode(new EpisodeEdit().title("Page, not audio"), "g-4", RELEASED,
                new NewEpisode.ExternalAudio("https://oldhost.example/ep.mp3", "text/html", 1, 1)), "audio.type");
        refused(new NewEpisode(new EpisodeEdit().title("Negative"), "g-5", RELEASED,
                new NewEpisode.ExternalAudio("https://oldhost.example/ep.mp3", "audio/mpeg", -1, 1)), "audio.bytes");
        assertThat(store.findByGuid("g-3", true)).isEmpty();
    }

    @Test
    void aPlannedImportSaysWhatTheImportWouldDoWithReadsOnly() {
        service.importEpisode(item(GUID, "Episode 42"));
        operations.reset();

        EpisodeService.Imported there = service.planImport(item(GUID, "Episode 42, retitled"));
        EpisodeService.Imported fresh = service.planImport(item("g-new", "Episode 42"));

        assertThat(there.created()).isFalse();
        assertThat(there.episode()).isEqualTo(store.findByGuid(GUID, true).orElseThrow());
        assertThat(fresh.created()).isTrue();
        assertThat(fresh.episode().slug()).as("the title's slug is taken: numbered as the import would").isEqualTo("episode-42-2");
        assertThat(fresh.episode().status()).isEqualTo(Status.PUBLISHED);
        assertThat(fresh.episode().publishAt()).isEqualTo(RELEASED);
        assertThat(operations.operations()).as("reads only").containsOnly("GetItem");
        assertThat(store.findByGuid("g-new", true)).isEmpty();
        assertThat(store.findById(fresh.episode().id(), true)).as("nothing stored").isEmpty();

        EpisodeService.Imported imported = service.importEpisode(item("g-new", "Episode 42"));
        assertThat(imported.created()).isTrue();
        assertThat(imported.episode().slug()).isEqualTo(fresh.episode().slug());
    }

    @Test
    void aPlannedImportRefusesWhatTheImportWouldAndWritesNothing() {
        Episode taken = service.importEpisode(item(GUID, "Episode 42")).episode();
        operations.reset();
        for (NewEpisode bad : List.of(new NewEpisode(new EpisodeEdit().title("No guid"), null, RELEASED, ENCLOSURE),
                new NewEpisode(new EpisodeEdit().title("No date"), "g-1", null, ENCLOSURE),
                new NewEpisode(new EpisodeEdit().title("Script URL"), "g-3", RELEASED,
                        new NewEpisode.ExternalAudio("javascript:alert(1)", "audio/mpeg", 1, 1)),
                new NewEpisode(new EpisodeEdit().title("x".repeat(300)), "g-6", RELEASED, ENCLOSURE))) {
            Throwable planned = catchThrowable(() -> service.planImport(bad));
            Throwable real = catchThrowable(() -> service.importEpisode(bad));
            assertThat(planned).as(bad.content().newTitle()).isInstanceOf(ValidationException.class);
            assertThat(((ValidationException) planned).field()).isEqualTo(((ValidationException) real).field());
            assertThat(planned).hasMessage(real.getMessage());
        }
        NewEpisode slugTaken = new NewEpisode(new EpisodeEdit().title("Another").slug(taken.slug()), "g-7", RELEASED, ENCLOSURE);
        Throwable planned = catchThrowable(() -> service.planImport(slugTaken));
        assertThat(planned).isInstanceOfSatisfying(ConflictException.class,
                e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.SLUG_TAKEN));
        operations.reset();
        planned = catchThrowable(() -> service.planImport(slugTaken));
        assertThat(operations.operations()).as("a refused plan only read").containsOnly("GetItem");
        assertThat(catchThrowable(() -> service.importEpisode(slugTaken))).isInstanceOf(ConflictException.class)
                .hasMessage(planned.getMessage());
        assertThat(store.findByGuid("g-7", true)).isEmpty();
    }

    private void refused(NewEpisode spec, String field) {
        assertThatThrownBy(() -> service.importEpisode(spec)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}
