package dev.castline.feedimport;

import java.util.Locale;
import java.util.Map;

/**
 * The namespaces the reader understands, matched by URI (never by prefix), including the variants
 * hosts really write: http or https, with or without {@code www.} and a trailing slash, any case
 * (Apple's own early docs spelled iTunes' as {@code http://www.itunes.com/DTDs/Podcast-1.0.dtd}),
 * and for Podcasting 2.0 the GitHub address of the namespace document that many feeds declare
 * ({@code https://github.com/Podcastindex-org/podcast-namespace/blob/main/docs/1.0.md}).
 */
enum Ns {
    RSS, ITUNES, CONTENT, ATOM, PODCAST, PSC, DC, OTHER;

    /** Prefixes assumed when a feed uses one without declaring it (reported as a problem). */
    static final Map<String, Ns> CONVENTIONAL_PREFIXES = Map.of(
            "itunes", ITUNES, "content", CONTENT, "atom", ATOM, "podcast", PODCAST, "psc", PSC, "dc", DC);

    static Ns of(String uri) {
        if (uri == null || uri.isEmpty()) {
            return RSS;
        }
        String u = uri.strip().toLowerCase(Locale.ROOT).replaceFirst("^https?://", "").replaceFirst("^www\\.", "");
        while (u.endsWith("/") || u.endsWith("#")) {
            u = u.substring(0, u.length() - 1);
        }
        return switch (u) {
            case "itunes.com/dtds/podcast-1.0.dtd" -> ITUNES;
            case "purl.org/rss/1.0/modules/content" -> CONTENT;
            case "w3.org/2005/atom" -> ATOM;
            case "podcastindex.org/namespace/1.0" -> PODCAST;
            case "podlove.org/simple-chapters" -> PSC;
            case "purl.org/dc/elements/1.1" -> DC;
            case "backend.userland.com/rss2", "blogs.law.harvard.edu/tech/rss" -> RSS;
            default -> u.startsWith("github.com/podcastindex-org/podcast-namespace") ? PODCAST : OTHER;
        };
    }
}
