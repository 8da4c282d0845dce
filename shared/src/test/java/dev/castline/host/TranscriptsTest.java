package dev.castline.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castline.domain.AudioFormat;
import dev.castline.domain.Episode;
import dev.castline.domain.ValidationException;
import dev.castline.emulation.DynamoDbLocal;
import dev.castline.emulation.EmulatorClients;
import dev.castline.store.EpisodeStore;
import dev.castline.store.TableLayout;
import dev.castline.testing.MutableClock;
import dev.castline.testing.RecordedMedia;
import dev.castline.testing.TestTables;
import dev.castline.transcript.Cue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Attaching, replacing and removing transcripts, against the real store (DynamoDB Local). */
class TranscriptsTest {
    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final String VTT = """
            WEBVTT

            00:00.000 --> 00:04.500
            <v Nick Janetakis>Welcome to Running in Production.

            00:04.500 --> 00:09.000
            <v Jason Charnes>Thanks for having me &amp; the team.
            """;

    private final DynamoDbClient dynamo = EmulatorClients.dynamoDb(DynamoDbLocal.shared().endpoint());
    private final String table = TestTables.create(dynamo);
    private final MutableClock clock = new MutableClock(NOW);
    private final TableLayout layout = new TableLayout(TableLayout.DEFAULT_SHOW);
    private final EpisodeStore store = new EpisodeStore(dynamo, table, layout, clock);
    private final EpisodeService episodes = new EpisodeService(store, new RecordedMedia(), clock);
    private final Transcripts transcripts = new Transcripts(episodes, store);

    private Episode episodeOf(long audioMillis) {
        return episodes.create(new NewEpisode(new EpisodeEdit().title("Transcribed " + System.nanoTime()), null, NOW.minusSeconds(60),
                new NewEpisode.KnownAudio(AudioFormat.MP3, 1_000_000, audioMillis)));
    }

    @Test
    void anAttachedTranscriptIsReadBackWithItsEpisodeInOneQuery() {
        Episode e = episodeOf(60_000);
        Transcripts.Attached attached = transcripts.attach(e.id(), OptionalLong.of(e.version()), VTT.getBytes(StandardCharsets.UTF_8),
                dev.castline.domain.TranscriptFormat.VTT, "en-US");

        assertThat(attached.warnings()).isEmpty();
        assertThat(attached.episode().version()).isEqualTo(e.version() + 1);
        assertThat(attached.episode().transcript().language()).isEqualTo("en-us");
        assertThat(attached.episode().transcript().cues()).isEqualTo(2);
        EpisodeStore.WithTranscript read = store.findWithTranscript(e.id(), true).orElseThrow();
        assertThat(read.episode()).isEqualTo(attached.episode());
        assertThat(read.transcript().orElseThrow().cues()).containsExactly(
                new Cue(0, 4_500, "Nick Janetakis", "Welcome to Running in Production."),
                new Cue(4_500, 9_000, "Jason Charnes", "Thanks for having me & the team."));
    }

    @Test
    void replacingOrRemovingATranscriptLeavesNoOldPartBehindAndDeletingTheEpisodeNone() {
        Episode e = episodeOf(3_600_000);
        Episode first = transcripts.attach(e.id(), OptionalLong.empty(), bigSrt(), dev.castline.domain.TranscriptFormat.SRT, "en").episode();
        assertThat(first.transcript().parts()).as("a transcript too big for one item").isGreaterThan(1);
        assertThat(itemsInPartition(e.id())).isEqualTo(1 + first.transcript().parts());
        assertThat(store.findWithTranscript(e.id(), true).orElseThrow().transcript().orElseThrow().cues()).hasSize(first.transcript().cues());

        Episode second = transcripts.attach(e.id(), OptionalLong.empty(), VTT.getBytes(StandardCharsets.UTF_8), dev.castline.domain.TranscriptFormat.VTT, "en").episode();
        assertThat(second.transcript().id()).isNotEqualTo(first.transcript().id());
        assertThat(itemsInPartition(e.id())).isEqualTo(2);

        Episode removed = transcripts.remove(e.id(), OptionalLong.empty());
        assertThat(removed.transcript()).isNull();
        assertThat(itemsInPartition(e.id())).isEqualTo(1);

        Episode again = transcripts.attach(e.id(), OptionalLong.empty(), VTT.getBytes(StandardCharsets.UTF_8), dev.castline.domain.TranscriptFormat.VTT, "en").episode();
        episodes.remove(again.id(), OptionalLong.empty());
        assertThat(itemsInPartition(e.id())).isZero();
    }

    @Test
    void aFileThatIsNotATranscriptOrDoesNotFitTheAudioIsRefusedAndChangesNothing() {
        Episode e = episodeOf(3_000);
        assertThatThrownBy(() -> transcripts.attach(e.id(), OptionalLong.empty(), "WEBVTT\n\nnot a timing\nhello\n".getBytes(StandardCharsets.UTF_8),
                dev.castline.domain.TranscriptFormat.VTT, "en")).isInstanceOfSatisfying(ValidationException.class, ex -> {
                    assertThat(ex.field()).isEqualTo("transcript");
                    assertThat(ex.getMessage()).startsWith("line 4:");
                });
        assertThatThrownBy(() -> transcripts.attach(e.id(), OptionalLong.empty(), VTT.getBytes(StandardCharsets.UTF_8), dev.castline.domain.TranscriptFormat.VTT, "en"))
                .as("cues run 6 s past a 3 s episode's end").isInstanceOfSatisfying(ValidationException.class,
                        ex -> assertThat(ex.getMessage()).contains("after the audio"));
        assertThatThrownBy(() -> transcripts.attach(e.id(), OptionalLong.empty(), VTT.getBytes(StandardCharsets.UTF_8), dev.castline.domain.TranscriptFormat.VTT, "english!"))
                .isInstanceOfSatisfying(ValidationException.class, ex -> assertThat(ex.field()).isEqualTo("language"));
        assertThat(episodes.get(e.id())).isEqualTo(e);
        assertThat(itemsInPartition(e.id())).isEqualTo(1);
    }

    @Test
    void cuesRunningAFewSecondsPastTheAudioAreKeptWithAWarning() {
        Episode e = episodeOf(7_000);
        Transcripts.Attached attached = transcripts.attach(e.id(), OptionalLong.empty(), VTT.getBytes(StandardCharsets.UTF_8), dev.castline.domain.TranscriptFormat.VTT, "en");
        assertThat(attached.episode().transcript()).isNotNull();
        assertThat(attached.warnings()).singleElement().asString().contains("after the audio");
    }

    @Test
    void anImportedEpisodeWhoseFeedGaveNoDurationTakesItsTranscriptUnchecked() {
        Episode imported = episodes.importEpisode(new NewEpisode(new EpisodeEdit().title("Imported " + System.nanoTime()),
                "guid-" + System.nanoTime(), NOW.minusSeconds(60), new NewEpisode.ExternalAudio("https://old.example/a.mp3", "audio/mpeg", 0, 0)))
                .episode();

        Transcripts.Attached attached = transcripts.attach(imported.id(), OptionalLong.empty(), VTT.getBytes(StandardCharsets.UTF_8),
                dev.castline.domain.TranscriptFormat.VTT, "en");

        assertThat(attached.episode().transcript().cues()).as("0 s is unknown, not a 0 s episode").isEqualTo(2);
        assertThat(attached.warnings()).isEmpty();
    }

    /** An hour of cues of random words: gzip cannot squeeze it into one 350 KB part. */
    private static byte[] bigSrt() {
        Random random = new Random(42);
        StringBuilder srt = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            srt.append(i + 1).append('\n').append(time(i * 1000L)).append(" --> ").append(time(i * 1000L + 900)).append('\n');
            for (int w = 0; w < 40; w++) {
                srt.append(Long.toString(random.nextLong() & Long.MAX_VALUE, 36)).append(' ');
            }
            srt.append("\n\n");
        }
        return srt.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String time(long ms) {
        return String.format("%02d:%02d:%02d,%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
    }

    private int itemsInPartition(String episodeId) {
        var key = layout.episodeKey(episodeId);
        // Paginated: a page stops at 1 MB, and parts are 350 KB each.
        return dynamo.queryPaginator(r -> r.tableName(table).consistentRead(true).keyConditionExpression("PK = :pk")
                .expressionAttributeValues(java.util.Map.of(":pk", key.get("PK")))).stream().mapToInt(p -> p.count()).sum();
    }
}
