package dev.castline.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castline.emulation.DynamoDbLocal;
import dev.castline.emulation.EmulatorClients;
import dev.castline.domain.AudioFormat;
import dev.castline.domain.Episode;
import dev.castline.domain.MediaKey;
import dev.castline.domain.NotFoundException;
import dev.castline.domain.Status;
import dev.castline.domain.ValidationException;
import dev.castline.store.ConflictException;
import dev.castline.store.EpisodeStore;
import dev.castline.store.TableLayout;
import dev.castline.testing.RecordedMedia;
import dev.castline.testing.MutableClock;
import dev.castline.testing.TestTables;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The host's rules for episodes, against the real store (DynamoDB Local). */
class EpisodeServiceTest {
    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");

    private final DynamoDbClient dynamo = EmulatorClients.dynamoDb(DynamoDbLocal.shared().endpoint());
    private final String table = TestTables.create(dynamo);
    private final MutableClock clock = new MutableClock(NOW);
    private final EpisodeStore store = new EpisodeStore(dynamo, table, new TableLayout(TableLayout.DEFAULT_SHOW), clock);
    private final RecordedMedia media = new RecordedMedia();
    private final EpisodeService service = new EpisodeService(store, media, clock);

    private static final NewEpisode.KnownAudio AUDIO = new NewEpisode.KnownAudio(AudioFormat.MP3, 1_000_000, 60_000);

    @Test
    void aDraftGetsANewIdAndGuidAndASlugFromItsTitle() {
        Episode draft = service.create(NewEpisode.draft(new EpisodeEdit().title("Café & Crème: Rails at Scale").showNotes("See [why](https://example.com/why).")));

        assertThat(draft.status()).isEqualTo(Status.DRAFT);
        assertThat(draft.slug()).isEqualTo("cafe-creme-rails-at-scale");
        assertThat(draft.id()).isNotBlank().isNotEqualTo(draft.guid());
        assertThat(draft.guid()).isNotBlank();
        assertThat(draft.publishAt()).isNull();
        assertThat(draft.showNotesMarkdown()).isEqualTo("See [why](https://example.com/why).");
        assertThat(draft.showNotesHtml()).startsWith("<p>").contains("<a href=\"https://example.com/why\"");
        assertThat(draft.createdAt()).isEqualTo(NOW);
        assertThat(draft.version()).isEqualTo(1);
        assertThat(store.findById(draft.id(), true)).contains(draft);
    }

    @Test
    void aSlugDerivedFromATakenTitleIsMadeUniqueButAGivenOneIsAConflict() {
        Episode first = service.create(NewEpisode.draft(new EpisodeEdit().title("Same Title")));
        Episode second = service.create(NewEpisode.draft(new EpisodeEdit().title("Same Title")));
        Episode third = service.create(NewEpisode.draft(new EpisodeEdit().title("Same Title")));

        assertThat(List.of(first.slug(), second.slug(), third.slug())).containsExactly("same-title", "same-title-2", "same-title-3");
        assertThatThrownBy(() -> service.create(NewEpisode.draft(new EpisodeEdit().title("Other").slug("same-title"))))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.SLUG_TAKEN));
    }

    @Test
    void aGivenGuidAndAPastPublishTimeMakeAPublishedEpisodeThatKeepsBoth() {
        Instant past = Instant.parse("2019-06-15T19:00:00Z");
        Episode imported = service.create(new NewEpisode(new EpisodeEdit().title("From the old host"),
                "tag:oldhost.example,2019:episode-42", past, AUDIO));

        assertThat(imported.guid()).isEqualTo("tag:oldhost.example,2019:episode-42");
        assertThat(imported.publishAt()).isEqualTo(past);
        assertThat(imported.status()).isEqualTo(Status.PUBLISHED);
        assertThat(imported.isPublicAt(NOW)).isTrue();
        assertThat(MediaKey.parse(imported.audio().key())).hasValueSatisfying(k -> {
            assertThat(k.owner()).isEqualTo(imported.id());
            assertThat(k.audioFormat()).contains(AudioFormat.MP3);
        });
        assertThat(imported.audio().contentType()).isEqualTo("audio/mpeg");
        assertThat(imported.audio().durationMillis()).isEqualTo(60_000);

        // An edit never touches the guid.
        Episode edited = service.edit(imported.id(), OptionalLong.of(1), new EpisodeEdit().title("Renamed"));
        assertThat(edited.guid()).isEqualTo("tag:oldhost.example,2019:episode-42");
    }

    @Test
    void aFuturePublishTimeSchedulesAndAPublishTimeWithoutAudioIsRefused() {
        Episode later = service.create(new NewEpisode(new EpisodeEdit().title("Later"), null, NOW.plus(Duration.ofDays(2)), AUDIO));
        assertThat(later.status()).isEqualTo(Status.SCHEDULED);
        assertThat(later.isPublicAt(NOW)).isFalse();

        assertThatThrownBy(() -> service.create(new NewEpisode(new EpisodeEdit().title("No audio"), null, NOW, null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("publishAt"));
        assertThatThrownBy(() -> service.create(NewEpisode.draft(new EpisodeEdit().summary("no title"))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.field()).isEqualTo("title"));
    }

    @Test
    void aNewSlugKeepsTheOldOneReservedForTheEpisode() {
        Episode draft = service.create(NewEpisode.draft(new EpisodeEdit().title("First Name")));
        Episode renamed = service.edit(draft.id(), OptionalLong.empty(), new EpisodeEdit().slug("second-name"));
        Episode back = service.edit(draft.id(), OptionalLong.empty(), new EpisodeEdit().slug("first-name"));

        assertThat(renamed.formerSlugs()).containsExactly("first-name");
        assertThat(back.formerSlugs()).containsExactly("second-name");
        assertThat(back.version()).isEqualTo(3);
    }

    @Test
    void aChangeBasedOnAnOldVersionIsAConflictAndChangesNothing() {
        Episode draft = service.create(NewEpisode.draft(new EpisodeEdit().title("Versioned")));
        service.edit(draft.id(), OptionalLong.of(1), new EpisodeEdit().summary("v2"));

        assertThatThrownBy(() -> service.edit(draft.id(), OptionalLong.of(1), new EpisodeEdit().summary("lost update")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.VERSION_MISMATCH));
        assertThatThrownBy(() -> service.remove(draft.id(), OptionalLong.of(1))).isInstanceOf(ConflictException.class);
        assertThat(service.get(draft.id()).summary()).isEqualTo("v2");
    }

    @Test
    void publishingNeedsAudioAndTheTimeDecidesPublishedOrScheduled() {
        Episode draft = service.create(NewEpisode.draft(new EpisodeEdit().title("To Publish")));
        assertThatThrownBy(() -> service.publish(draft.id(), OptionalLong.empty(), Optional.empty()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.NOT_READY));

        Episode withAudio = service.create(new NewEpisode(new EpisodeEdit().title("Has Audio"), null, null, AUDIO));
        assertThat(withAudio.status()).isEqualTo(Status.DRAFT);
        Episode scheduled = service.publish(withAudio.id(), OptionalLong.empty(), Optional.of(NOW.plusSeconds(3600).plusMillis(400)));
        assertThat(scheduled.status()).isEqualTo(Status.SCHEDULED);
        assertThat(scheduled.publishAt()).isEqualTo(NOW.plusSeconds(3600));
        Episode now = service.publish(withAudio.id(), OptionalLong.empty(), Optional.empty());
        assertThat(now.status()).isEqualTo(Status.PUBLISHED);
        assertThat(now.publishAt()).isEqualTo(NOW);
        Episode unpublished = service.unpublish(withAudio.id(), OptionalLong.of(now.version()));
        assertThat(unpublished.status()).isEqualTo(Status.DRAFT);
        assertThat(unpublished.publishAt()).isNull();
    }

    @Test
    void removingAnEpisodeDeletesItAndThenItsMedia() {
        Episode episode = service.create(new NewEpisode(new EpisodeEdit().title("Gone Soon"), null, NOW.minusSeconds(5), AUDIO));

        service.remove(episode.id(), OptionalLong.empty());

        assertThat(store.findById(episode.id(), true)).isEmpty();
        assertThat(media.deleted()).containsExactly(episode.audio().key());
        assertThatThrownBy(() -> service.get(episode.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void unpublishingWithholdsTheAudioAndPublishingAgainRestoresItFirst() {
        Episode episode = service.create(new NewEpisode(new EpisodeEdit().title("Comes And Goes"), null, NOW.minusSeconds(5), AUDIO));
        String key = episode.audio().key();

        Episode rescheduled = service.publish(episode.id(), OptionalLong.empty(), Optional.of(NOW.plusSeconds(60)));
        assertThat(media.calls()).as("a public episode's audio is never withheld: nothing to restore").isEmpty();

        service.unpublish(episode.id(), OptionalLong.of(rescheduled.version()));
        assertThat(media.calls()).containsExactly("withhold " + key);
        assertThat(service.get(episode.id()).status()).isEqualTo(Status.DRAFT);

        Episode again = service.publish(episode.id(), OptionalLong.empty(), Optional.empty());
        assertThat(again.status()).isEqualTo(Status.PUBLISHED);
        assertThat(media.calls()).containsExactly("withhold " + key, "restore " + key);
    }

    @Test
    void aPublishThatLosesARaceToAnEditWithholdsTheAudioAgain() {
        RecordedMedia racingMedia = new RecordedMedia() {
            @Override
            public void restore(String key) {
                super.restore(key);
                // The host saves an edit while the audio is being restored.
                service.edit(MediaKey.parse(key).orElseThrow().owner(), OptionalLong.empty(), new EpisodeEdit().summary("edited meanwhile"));
            }
        };
        EpisodeService racing = new EpisodeService(store, racingMedia, clock);
        Episode draft = racing.create(new NewEpisode(new EpisodeEdit().title("Racing"), null, null, AUDIO));
        String key = draft.audio().key();

        assertThatThrownBy(() -> racing.publish(draft.id(), OptionalLong.empty(), Optional.empty()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.VERSION_MISMATCH));

        assertThat(racingMedia.calls()).containsExactly("restore " + key, "withhold " + key);
        assertThat(service.get(draft.id()).status()).isEqualTo(Status.DRAFT);
    }
}
