package dev.castline.host;

import dev.castline.domain.PodcastGuid;
import dev.castline.domain.Show;
import dev.castline.domain.ShowField;
import dev.castline.domain.Upload;
import dev.castline.domain.ValidationException;
import dev.castline.store.ConflictException;
import dev.castline.store.ShowStore;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The show's settings as the host changes them. The podcast GUID is the one rule beyond
 * validation: it is made once, from the first feed URL saved, and never changes afterwards, even
 * when the feed moves (apps and directories follow a show by it).
 */
public final class ShowSettings {
    private final ShowStore shows;

    public ShowSettings(ShowStore shows) {
        this.shows = shows;
    }

    /**
     * The settings as saved, with their version, and the artwork upload the show waits for (or
     * the last one refused), if any; empty before the first save.
     */
    public record Versioned(Show show, long version, Optional<Upload> artworkUpload) {
    }

    public Optional<Versioned> get() {
        ShowStore.Snapshot snapshot = shows.load();
        return snapshot.show().map(show -> new Versioned(show, snapshot.settingsVersion(), snapshot.artworkUpload()));
    }

    /**
     * Replaces the settings with {@code values} (absent optional fields are cleared), only if they
     * are still at {@code expectedVersion} when one is named (0: none saved yet).
     */
    public Versioned save(Map<ShowField, Object> values, OptionalLong expectedVersion) {
        Map<ShowField, Object> next = new EnumMap<>(ShowField.class);
        next.putAll(values);
        ShowStore.Snapshot snapshot = shows.load();
        Optional<Show> current = snapshot.show();
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != snapshot.settingsVersion()) {
            throw new ConflictException(ConflictException.Reason.VERSION_MISMATCH,
                    "The show's settings were changed since you read them: read them again, then retry.");
        }
        String feedUrl = (String) next.get(ShowField.FEED_URL);
        String guid = current.map(Show::podcastGuid)
                .orElseGet(() -> feedUrl == null ? null : PodcastGuid.forFeedUrl(feedUrl).toString());
        Object given = next.get(ShowField.PODCAST_GUID);
        if (given != null && !given.equals(guid)) {
            throw new ValidationException(ShowField.PODCAST_GUID.wireName(), "is set once, from the first feed URL, and never changes");
        }
        next.put(ShowField.PODCAST_GUID, guid);
        Show saved = shows.save(ShowField.toShow(next), OptionalLong.of(snapshot.settingsVersion()));
        return new Versioned(saved, snapshot.settingsVersion() + 1, snapshot.artworkUpload());
    }
}
