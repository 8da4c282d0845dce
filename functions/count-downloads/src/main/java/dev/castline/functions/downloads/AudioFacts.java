package dev.castline.functions.downloads;

import dev.castline.domain.Audio;
import dev.castline.domain.Episode;
import dev.castline.store.EpisodeStore;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a download of an audio key needs to know about the file: its size and duration (the
 * episode's item) and its ID3 tag's size (the file's first bytes), asked once per file for each
 * log file, so a log of a million lines reads each episode once.
 */
final class AudioFacts {
    /** The size of the ID3v2 tags at the front of a stored audio file; 0 when it has none or is gone. */
    @FunctionalInterface
    interface TagSizes {
        long of(String key) throws IOException;
    }

    private final EpisodeStore episodes;
    private final TagSizes tags;
    private final Map<String, Optional<DownloadLedger.FileFacts>> known = new HashMap<>();

    AudioFacts(EpisodeStore episodes, TagSizes tags) {
        this.episodes = episodes;
        this.tags = tags;
    }

    /** The facts of {@code key} if it is the current audio of episode {@code episodeId}; empty otherwise. */
    synchronized Optional<DownloadLedger.FileFacts> of(String episodeId, String key) {
        Optional<DownloadLedger.FileFacts> facts = known.get(key);
        if (facts == null) {
            facts = read(episodeId, key);
            known.put(key, facts);
        }
        return facts;
    }

    private Optional<DownloadLedger.FileFacts> read(String episodeId, String key) {
        Optional<Audio> audio = episodes.findById(episodeId, false).map(Episode::audio).filter(a -> key.equals(a.key()));
        if (audio.isEmpty()) {
            return Optional.empty();
        }
        long tag;
        try {
            tag = tags.of(key);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Audio a = audio.get();
        return Optional.of(new DownloadLedger.FileFacts(a.bytes(), DownloadRules.minuteBytes(a.bytes(), a.durationMillis(), tag)));
    }

    /** The ID3v2 tags' size from the file's headers: "ID3", version, flags, 28-bit size (7 bits a byte), then footer if flagged. */
    static long id3Size(byte[] header) {
        if (header.length < 10 || header[0] != 'I' || header[1] != 'D' || header[2] != '3') {
            return 0;
        }
        long size = ((header[6] & 0x7F) << 21) | ((header[7] & 0x7F) << 14) | ((header[8] & 0x7F) << 7) | (header[9] & 0x7F);
        boolean footer = (header[5] & 0x10) != 0;
        return 10 + size + (footer ? 10 : 0);
    }
}
