package dev.castline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.castline.feedimport.ImportedChapter;
import dev.castline.feedimport.ImportedEnclosure;
import dev.castline.feedimport.ImportedItem;
import dev.castline.feedimport.ImportedPerson;
import dev.castline.feedimport.ImportedShow;
import dev.castline.feedimport.ImportedTranscript;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** From a feed's channel and items to the admin API's bodies: what is kept, cut, skipped, and said so. */
class ImportMappingTest {
    private static ImportedItem item(String title, Instant date, ImportedEnclosure enclosure, Long millis, List<ImportedChapter> chapters) {
        return new ImportedItem(0, "guid-1", false, title, date, "Notes", "Summary", 2, 7, "bonus", true, enclosure, millis, chapters, null,
                List.of(new ImportedPerson("Ivy Moss", "guest", "cast", "https://ivy.example.com", null)),
                List.of(new ImportedTranscript("https://x.example/t.vtt", "text/vtt", null, null)), null, null);
    }

    @Test
    void anItemKeepsItsGuidDateToTheSecondEnclosureAndDuration() {
        FeedMapping.Mapped m = FeedMapping.item(item("Title", Instant.parse("2021-03-02T15:30:00.750Z"),
                new ImportedEnclosure("https://cdn.example/a.mp3", "audio/mpeg", 1234L), 4_018_500L, List.of()), List.of());

        JsonNode body = m.body();
        assertThat(body.path("guid").asText()).isEqualTo("guid-1");
        assertThat(body.path("publishAt").asText()).isEqualTo("2021-03-02T15:30:00Z");
        assertThat(body.path("audio").toString()).isEqualTo("{\"url\":\"https://cdn.example/a.mp3\",\"type\":\"audio/mpeg\",\"bytes\":1234,\"durationSeconds\":4018.500}");
        assertThat(body.path("season").asInt()).isEqualTo(2);
        assertThat(body.path("episodeType").asText()).isEqualTo("bonus");
        assertThat(body.path("guests").get(0).path("website").asText()).isEqualTo("https://ivy.example.com");
        assertThat(m.notes()).as("transcripts are fetched and attached apart from the body").noneMatch(n -> n.contains("transcript"));
    }

    @Test
    void transcriptLinksAreTakenBestFirstAndThoseWithoutTimesAreSaidSo() {
        ImportedItem item = new ImportedItem(0, "guid-1", false, "T", Instant.EPOCH, null, null, null, null, null, null,
                new ImportedEnclosure("https://cdn.example/a.mp3", "audio/mpeg", 1L), 1L, List.of(), null, List.of(),
                List.of(new ImportedTranscript("https://x.example/t.html", "text/html", "en", null),
                        new ImportedTranscript("https://x.example/t.json", "application/json", "fr-CA", null),
                        new ImportedTranscript("https://x.example/t.srt", "application/srt", "EN", "captions"),
                        new ImportedTranscript("https://x.example/t.txt", "text/plain", null, null),
                        new ImportedTranscript("https://x.example/t.vtt", "text/vtt; charset=utf-8", "english!", null),
                        new ImportedTranscript("https://x.example/other.srt?v=2", null, null, null),
                        new ImportedTranscript("https://x.example/t.pdf", "application/pdf", null, null)), null, null);

        FeedMapping.TranscriptLinks links = FeedMapping.transcripts(item);

        assertThat(links.usable()).containsExactly(new FeedMapping.TranscriptLink("https://x.example/t.vtt", "text/vtt", null),
                new FeedMapping.TranscriptLink("https://x.example/t.srt", "application/x-subrip", "en"),
                new FeedMapping.TranscriptLink("https://x.example/other.srt?v=2", "application/x-subrip", null),
                new FeedMapping.TranscriptLink("https://x.example/t.json", "application/json", "fr-ca"));
        assertThat(links.unusable()).containsExactly(
                "https://x.example/t.html is text/html: Castline takes timed transcripts (WebVTT, SRT or Podcasting 2.0 JSON), and this has"
                        + " no times to make cues of",
                "https://x.example/t.txt is text/plain: Castline takes timed transcripts (WebVTT, SRT or Podcasting 2.0 JSON), and this has"
                        + " no times to make cues of",
                "https://x.example/t.pdf is application/pdf: Castline takes timed transcripts (WebVTT, SRT or Podcasting 2.0 JSON), and this"
                        + " is none of them");
    }

    @Test
    void anItemWithoutADateTitleOrAudioTypeIsSkippedWithTheReason() {
        ImportedEnclosure mp3 = new ImportedEnclosure("https://cdn.example/a.mp3", "audio/mpeg", 1L);
        assertThat(FeedMapping.item(item("T", null, mp3, 1L, List.of()), List.of()).skipped()).contains("no readable pubDate");
        assertThat(FeedMapping.item(item(" ", Instant.EPOCH, mp3, 1L, List.of()), List.of()).skipped()).isEqualTo("no title");
        assertThat(FeedMapping.item(item("T", Instant.EPOCH, new ImportedEnclosure("https://cdn.example/a.bin", "application/octet-stream", 1L),
                1L, List.of()), List.of()).skipped()).contains("not audio or video");
    }

    @Test
    void aMissingTypeComesFromTheExtensionAndAMissingLengthOrDurationIsZeroSaidSo() {
        FeedMapping.Mapped m = FeedMapping.item(item("T", Instant.EPOCH, new ImportedEnclosure("https://cdn.example/a.M4A?x=1", null, null),
                null, List.of()), List.of());
        assertThat(m.body().path("audio").path("type").asText()).isEqualTo("audio/x-m4a");
        assertThat(m.body().path("audio").path("bytes").asLong()).isZero();
        assertThat(m.notes()).anyMatch(n -> n.contains("from the URL's extension")).anyMatch(n -> n.contains("no readable itunes:duration"));
    }

    @Test
    void chaptersKeepOrderAndLeaveOutUntitledHiddenAndRepeatedStarts() {
        List<ImportedChapter> chapters = List.of(new ImportedChapter(0, "Intro", null, null, true),
                new ImportedChapter(95_500, "Main", "https://x.example", null, true), new ImportedChapter(95_500, "Same time", null, null, true),
                new ImportedChapter(100_000, "Image", null, null, false), new ImportedChapter(200_000, null, null, null, true));
        FeedMapping.Mapped m = FeedMapping.item(item("T", Instant.EPOCH, new ImportedEnclosure("https://cdn.example/a.mp3", "audio/mpeg", 1L),
                1L, chapters), chapters);
        assertThat(m.body().path("chapters").toString())
                .isEqualTo("[{\"startTime\":0.000,\"title\":\"Intro\"},{\"startTime\":95.500,\"title\":\"Main\",\"url\":\"https://x.example\"}]");
        assertThat(m.notes()).anyMatch(n -> n.startsWith("3 chapter(s) left out"));
    }

    @Test
    void theChannelOverwritesWhatItSaysAndKeepsTheRest() {
        ObjectNode current = Api.JSON.createObjectNode().put("title", "Old").put("siteBaseUrl", "https://new.example").put("copyright", "(c) old");
        ImportedShow show = new ImportedShow("Tide Tables", "Marina", "About tides", "EN-us", "https://x.example/a.jpg",
                List.of(new ImportedShow.Category("News & Politics", null)), true, new ImportedShow.Owner("Marina", "not an email"), null,
                List.of(new ImportedShow.Funding("https://x.example/fund", "")), List.of(), new ImportedShow.Locked(true, "m@x.example"),
                null, null, null, null, null, null);

        ObjectNode next = FeedMapping.settings(current, show);

        assertThat(next.path("title").asText()).isEqualTo("Tide Tables");
        assertThat(next.path("language").asText()).isEqualTo("en-us");
        assertThat(next.path("appleCategory").asText()).as("Apple's 2019 name").isEqualTo("News");
        assertThat(next.has("ownerEmail")).as("not an email: not sent").isFalse();
        assertThat(next.path("copyright").asText()).as("kept").isEqualTo("(c) old");
        assertThat(next.path("siteBaseUrl").asText()).isEqualTo("https://new.example");
        assertThat(next.path("locked").asBoolean()).isTrue();
        assertThat(next.get("fundingText").isNull()).isTrue();
        assertThat(FeedMapping.changed(current, next)).contains("title", "language", "appleCategory", "locked").doesNotContain("copyright", "siteBaseUrl");
        assertThat(FeedMapping.changed(next, next.deepCopy())).isEmpty();
    }
}
