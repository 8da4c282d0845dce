package dev.castline.host;

import dev.castline.domain.Episode;
import dev.castline.domain.TranscriptFile;
import dev.castline.domain.TranscriptFormat;
import dev.castline.domain.ValidationException;
import dev.castline.store.EpisodeStore;
import dev.castline.store.TranscriptParts;
import dev.castline.transcript.DurationCheck;
import dev.castline.transcript.Srt;
import dev.castline.transcript.Transcript;
import dev.castline.transcript.TranscriptException;
import dev.castline.transcript.WebVtt;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * An episode's transcript as the host attaches it: a WebVTT, SRT or JSON file, read strictly enough to
 * be safe (a file that is not a transcript is refused naming the line), checked against the
 * episode's audio when its duration is known (cues past its end by more than a few seconds are
 * refused, smaller overruns warned of), then kept in one form that the feed's three formats and the episode page are made
 * from.
 */
public final class Transcripts {
    /** The episode with its transcript, and what the host should know (cues running past the audio). */
    public record Attached(Episode episode, List<String> warnings) {
    }

    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[a-zA-Z]{2,8})*");

    private final EpisodeService episodes;
    private final EpisodeStore store;

    public Transcripts(EpisodeService episodes, EpisodeStore store) {
        this.episodes = episodes;
        this.store = store;
    }

    /**
     * Reads {@code file} and makes it the episode's transcript, replacing any other.
     *
     * @param language ISO 639 code with an optional region; the feed's {@code podcast:transcript language}
     */
    public Attached attach(String episodeId, OptionalLong expectedVersion, byte[] file, TranscriptFormat format, String language) {
        if (language == null || language.length() > 35 || !LANGUAGE.matcher(language).matches()) {
            throw new ValidationException("language", "must be an ISO 639 language code, optionally with a region, e.g. en-us");
        }
        if (file.length > Transcript.MAX_BYTES) {
            throw new ValidationException("transcript", "is larger than " + Transcript.MAX_BYTES / (1024 * 1024) + " MB");
        }
        Episode current = current(episodeId, expectedVersion);
        Transcript transcript;
        List<String> warnings = List.of();
        try {
            transcript = switch (format) {
                case VTT -> WebVtt.parse(file);
                case SRT -> Srt.parse(file);
                case JSON -> dev.castline.transcript.TranscriptJson.parse(file);
            };
            // 0 is an imported episode's duration when its feed gave none: unknown, nothing to check against.
            if (current.audio() != null && current.audio().durationMillis() > 0) {
                warnings = DurationCheck.of(transcript, current.audio().durationMillis()).warnings();
            }
        } catch (TranscriptException e) {
            throw new ValidationException("transcript", e.getMessage());
        }
        List<byte[]> parts = TranscriptParts.encode(transcript).orElseThrow(() -> new ValidationException("transcript",
                "is too large to keep: at most " + TranscriptParts.MAX_PARTS + " × 350 KB once compressed"));
        TranscriptFile stored = new TranscriptFile(UUID.randomUUID().toString(), language.toLowerCase(Locale.ROOT),
                transcript.cues().size(), parts.size(), sha256(file));
        return new Attached(store.replaceTranscript(current, stored, parts), warnings);
    }

    private static String sha256(byte[] file) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(file));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Takes the episode's transcript away (nothing to do when it has none). */
    public Episode remove(String episodeId, OptionalLong expectedVersion) {
        Episode current = current(episodeId, expectedVersion);
        return current.transcript() == null ? current : store.replaceTranscript(current, null, List.of());
    }

    private Episode current(String id, OptionalLong expectedVersion) {
        Episode current = episodes.get(id);
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
            throw EpisodeService.versionMoved();
        }
        return current;
    }
}
