package dev.castline.feedimport;

import java.time.Instant;
import java.util.List;

/**
 * One {@code <item>} of an imported feed: what becomes a published episode. The reader delivers
 * only items with a guid and a usable enclosure; every other field may be null (or a list empty),
 * and when a value was present but unreadable the feed's problems list says so.
 *
 * @param index               0-based position of the {@code <item>} in the feed
 * @param guid                {@code guid} exactly as written (trimmed): never changed, never invented
 *                            (except with {@link MissingGuid#USE_ENCLOSURE_URL}, reported per item)
 * @param guidIsPermaLink     {@code isPermaLink}, true when absent as RSS 2.0 says
 * @param title               plain text
 * @param publishedAt         {@code pubDate} (else {@code dc:date}); null when absent or unreadable
 * @param descriptionMarkdown show notes as Markdown, from {@code content:encoded}, else
 *                            {@code description}, else {@code itunes:summary}; "" when none
 * @param summary             plain text from {@code itunes:summary}, else {@code description},
 *                            else {@code content:encoded}, cut to 4000 UTF-8 bytes; "" when none
 * @param season              {@code itunes:season}, else {@code podcast:season}; positive
 * @param episode             {@code itunes:episode}, else {@code podcast:episode}; positive
 * @param episodeType         "full", "trailer" or "bonus"; null when absent or unknown
 * @param explicit            {@code itunes:explicit}; null when absent or unreadable
 * @param enclosure           the first {@code enclosure}
 * @param durationMillis      {@code itunes:duration}; null when absent, blank or unreadable
 * @param chapters            Podlove Simple Chapters written in the item, by start
 * @param chaptersUrl         {@code podcast:chapters url}: a JSON file the CLI fetches
 *                            and reads with {@link ChaptersJson}
 * @param persons             item-level {@code podcast:person} (guests and others)
 * @param transcripts         {@code podcast:transcript}
 * @param link                {@code link}: the episode's web page
 * @param imageUrl            {@code itunes:image href}
 */
public record ImportedItem(
        int index,
        String guid,
        boolean guidIsPermaLink,
        String title,
        Instant publishedAt,
        String descriptionMarkdown,
        String summary,
        Integer season,
        Integer episode,
        String episodeType,
        Boolean explicit,
        ImportedEnclosure enclosure,
        Long durationMillis,
        List<ImportedChapter> chapters,
        String chaptersUrl,
        List<ImportedPerson> persons,
        List<ImportedTranscript> transcripts,
        String link,
        String imageUrl) {

    public ImportedItem {
        chapters = List.copyOf(chapters);
        persons = List.copyOf(persons);
        transcripts = List.copyOf(transcripts);
    }
}
