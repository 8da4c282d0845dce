package dev.castline.host;

import dev.castline.domain.PodcastGuid;
import dev.castline.domain.Show;
import dev.castline.domain.ShowField;
import dev.castline.domain.ValidationException;
import dev.castline.store.ShowStore;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

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

    public Optional<Show> get() {
        return shows.load().show();
    }

    /** Replaces the settings with {@code values} (absent optional fields are cleared). */
    public Show save(Map<ShowField, Object> values) {
        Map<ShowField, Object> next = new EnumMap<>(ShowField.class);
        next.putAll(values);
        Optional<Show> current = get();
        String feedUrl = (String) next.get(ShowField.FEED_URL);
        String guid = current.map(Show::podcastGuid)
                .orElseGet(() -> feedUrl == null ? null : PodcastGuid.forFeedUrl(feedUrl).toString());
        Object given = next.get(ShowField.PODCAST_GUID);
        if (given != null && !given.equals(guid)) {
            throw new ValidationException(ShowField.PODCAST_GUID.wireName(), "is set once, from the first feed URL, and never changes");
        }
        next.put(ShowField.PODCAST_GUID, guid);
        return shows.save(ShowField.toShow(next));
    }
}
