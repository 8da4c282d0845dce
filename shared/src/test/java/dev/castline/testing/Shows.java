package dev.castline.testing;

import dev.castline.domain.PodcastGuid;
import dev.castline.domain.Show;

/** A valid show for tests. */
public final class Shows {
    public static final String FEED_URL = "https://api.castline.test/feed.xml";

    private Shows() {
    }

    public static Show sample() {
        return withLimit(null);
    }

    /** The sample show with every Podcasting 2.0 and Apple setting set. */
    public static Show withEverything() {
        java.util.Map<dev.castline.domain.ShowField, Object> v = new java.util.EnumMap<>(dev.castline.domain.ShowField.class);
        for (dev.castline.domain.ShowField field : dev.castline.domain.ShowField.values()) {
            if (field.of(sample()) != null) {
                v.put(field, field.of(sample()));
            }
        }
        v.putAll(podcasting20());
        return dev.castline.domain.ShowField.toShow(v);
    }

    /** The sample show with this {@code artworkUrl}. */
    public static Show withArtwork(String artworkUrl) {
        java.util.Map<dev.castline.domain.ShowField, Object> v = new java.util.EnumMap<>(dev.castline.domain.ShowField.class);
        for (dev.castline.domain.ShowField field : dev.castline.domain.ShowField.values()) {
            if (field.of(sample()) != null) {
                v.put(field, field.of(sample()));
            }
        }
        v.put(dev.castline.domain.ShowField.ARTWORK_URL, artworkUrl);
        return dev.castline.domain.ShowField.toShow(v);
    }

    /** The values of every Podcasting 2.0 and Apple setting, as {@link #withEverything} sets them. */
    public static java.util.Map<dev.castline.domain.ShowField, Object> podcasting20() {
        return java.util.Map.of(
                dev.castline.domain.ShowField.TXT, java.util.List.of(new dev.castline.domain.TxtRecord("applepodcastsverify", "05124"),
                        new dev.castline.domain.TxtRecord(null, "naj3eEZaWVVY9a38uhX8FekACyhtqP4JN")),
                dev.castline.domain.ShowField.LICENSE, new dev.castline.domain.License("my-podcast-license-v1", "https://example.org/mypodcastlicense/full.pdf"),
                dev.castline.domain.ShowField.LOCATION, new dev.castline.domain.Location("Austin, TX", "geo:30.2672,97.7431", "R113314"),
                dev.castline.domain.ShowField.PODROLL, java.util.List.of(
                        new dev.castline.domain.RemoteItem("29cdca4a-32d8-56ba-b48b-09a011c5daa9", "https://rss.buzzsprout.com/231452.rss", "Buzzcast"),
                        new dev.castline.domain.RemoteItem("917393e3-1b1e-5cef-ace4-edaa54e1f810", null, null)),
                dev.castline.domain.ShowField.UPDATE_FREQUENCY, new dev.castline.domain.UpdateFrequency("Every other Monday",
                        "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO", null, false),
                dev.castline.domain.ShowField.BLOCK, true,
                dev.castline.domain.ShowField.COMPLETE, true,
                dev.castline.domain.ShowField.NEW_FEED_URL, "https://new.castline.test/feed.xml");
    }

    public static Show withLimit(Integer feedItemLimit) {
        return new Show("Running in Production", "Nick Janetakis",
                "Hear about how folks are running their web apps in production.", "en-us",
                "https://castline.test/artwork.jpg", "Technology", null, false, "Nick Janetakis", "host@castline.test",
                "https://runninginproduction.test", "© 2020 Nick Janetakis", "https://nickjanetakis.com/courses",
                "Support the show", FEED_URL, PodcastGuid.forFeedUrl(FEED_URL).toString(), false, true, feedItemLimit);
    }
}
