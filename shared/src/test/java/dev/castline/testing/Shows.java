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

    public static Show withLimit(Integer feedItemLimit) {
        return new Show("Running in Production", "Nick Janetakis",
                "Hear about how folks are running their web apps in production.", "en-us",
                "https://castline.test/artwork.jpg", "Technology", null, false, "Nick Janetakis", "host@castline.test",
                "https://runninginproduction.test", "© 2020 Nick Janetakis", "https://nickjanetakis.com/courses",
                "Support the show", FEED_URL, PodcastGuid.forFeedUrl(FEED_URL).toString(), false, true, feedItemLimit);
    }
}
