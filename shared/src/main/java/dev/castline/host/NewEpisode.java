package dev.castline.host;

import dev.castline.domain.AudioFormat;
import java.time.Instant;

/**
 * What a new episode starts from: its content, and, when it comes from elsewhere (an imported
 * feed, the sample show), the guid it already has, its publish time and its audio. A new episode
 * with neither publish time nor audio is a draft.
 *
 * @param guid      the RSS guid it already has; null: a new one is made. Never regenerated later.
 * @param publishAt when it was or will be released; null for a draft. Needs {@code audio}.
 * @param audio     audio it already has, already measured; null for none yet
 */
public record NewEpisode(EpisodeEdit content, String guid, Instant publishAt, SourceAudio audio) {

    /** Audio a new episode already has. */
    public sealed interface SourceAudio permits KnownAudio, ExternalAudio {
    }

    /** Audio whose format, size and duration are known: the service files it under the episode's own media key. */
    public record KnownAudio(AudioFormat format, long bytes, long durationMillis) implements SourceAudio {
    }

    /** Audio another host serves (an imported episode's enclosure): linked as is, never copied. */
    public record ExternalAudio(String url, String contentType, long bytes, long durationMillis) implements SourceAudio {
    }

    /** A draft: content only, guid made by the service, no audio, not released. */
    public static NewEpisode draft(EpisodeEdit content) {
        return new NewEpisode(content, null, null, null);
    }
}
