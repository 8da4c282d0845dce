package dev.castline.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * An episode as its Markdown file describes it, in the admin API's terms: what {@code push}
 * sends, and what {@code pull} writes back.
 *
 * @param slug          from the front matter, else from the file's name
 * @param audio         the audio file to push with it, resolved against the episode file's folder
 * @param mp3Bytes      what the front matter says the audio's size is (checked, never sent)
 * @param mp3Millis     what the front matter says its duration is (checked, never sent)
 * @param warnings      things read but not used, each naming the file, line and field
 * @param transcript    the transcript file to attach (.vtt, .srt or .json), resolved like the audio; null for none
 */
public record EpisodeDoc(String slug, String title, String summary, String showNotes, List<Chapter> chapters,
                         List<Guest> guests, List<String> tags, List<Link> links, Integer season, Integer episode,
                         String episodeType, Boolean explicit, Instant publishAt, Path audio, Long mp3Bytes,
                         Long mp3Millis, List<String> warnings, Path transcript) {

    /** An episode file without a transcript. */
    public EpisodeDoc(String slug, String title, String summary, String showNotes, List<Chapter> chapters,
                      List<Guest> guests, List<String> tags, List<Link> links, Integer season, Integer episode,
                      String episodeType, Boolean explicit, Instant publishAt, Path audio, Long mp3Bytes,
                      Long mp3Millis, List<String> warnings) {
        this(slug, title, summary, showNotes, chapters, guests, tags, links, season, episode, episodeType, explicit, publishAt, audio,
                mp3Bytes, mp3Millis, warnings, null);
    }

    public EpisodeDoc {
        chapters = List.copyOf(chapters);
        guests = List.copyOf(guests);
        tags = List.copyOf(tags);
        links = List.copyOf(links);
        warnings = List.copyOf(warnings);
    }

    /** A topic of the episode, from the "Topics Include" list. */
    public record Chapter(long startMillis, String title, String url) {
    }

    public record Guest(String name, String role, String website, String avatarUrl, String socialHandle) {
    }

    /** {@code kind} is {@code reference} or {@code library}. */
    public record Link(String kind, String url, String title) {
    }
}
