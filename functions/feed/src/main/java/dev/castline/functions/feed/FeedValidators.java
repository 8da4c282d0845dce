package dev.castline.functions.feed;

import dev.castline.http.Conditional;
import dev.castline.http.HttpDates;
import dev.castline.store.FeedState;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * The feed's ETag and Last-Modified, computed from the feed state alone (no episode is read):
 * they change exactly when the feed's content does, by a write or by a scheduled episode coming
 * due. The gzip and identity representations have distinct ETags, as RFC 9110 requires of strong
 * validators; a client's tag for either matches the same content.
 */
final class FeedValidators {
    private static final String GZIP_SUFFIX = "-gz";

    record Current(String etag, String opaque, Optional<Instant> lastModified) {
        /**
         * RFC 9110 §13.2.2: If-None-Match decides when present (weak comparison); otherwise
         * If-Modified-Since, at the one-second precision of HTTP dates.
         */
        boolean matches(Optional<String> ifNoneMatch, Optional<String> ifModifiedSince) {
            if (ifNoneMatch.isPresent()) {
                return Conditional.notModified(ifNoneMatch, "\"" + opaque + "\"", "\"" + opaque + GZIP_SUFFIX + "\"");
            }
            if (ifModifiedSince.isPresent() && lastModified.isPresent()) {
                // RFC 9110: an invalid date is ignored
                return HttpDates.parse(ifModifiedSince.get())
                        .map(since -> !lastModified.get().truncatedTo(ChronoUnit.SECONDS).isAfter(since))
                        .orElse(false);
            }
            return false;
        }
    }

    /** Which edition of the feed is current: it changes exactly when the feed's content can. */
    String edition(FeedState state, Instant now) {
        return state.version() + "|" + state.lastDueAt(now).map(Instant::toString).orElse("-");
    }

    Current of(FeedState state, Instant now, int page, boolean gzip) {
        String material = edition(state, now) + "|" + page;
        String opaque = Conditional.opaqueOf(material.getBytes(StandardCharsets.UTF_8));
        return new Current("\"" + opaque + (gzip ? GZIP_SUFFIX : "") + "\"", opaque, state.lastModifiedAt(now));
    }
}
