package dev.castline.http;

import dev.castline.domain.Slugs;
import dev.castline.domain.Tags;
import java.util.Optional;

/** Parameter parsing for the public routes: each bad value is a 400 naming the parameter. */
public final class Params {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private Params() {
    }

    public static int limit(ApiRequest request) {
        Optional<String> raw = request.query("limit");
        if (raw.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        String v = raw.get();
        if (v.length() <= 3 && !v.isEmpty() && v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int limit = Integer.parseInt(v);
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        }
        throw ApiException.badRequest("limit", "limit must be a whole number from 1 to " + MAX_LIMIT);
    }

    /** The {@code {slug}} path parameter, checked before anything is read for it. */
    public static String slug(ApiRequest request) {
        String slug = request.path("slug").orElse("");
        if (!Slugs.isValid(slug)) {
            throw ApiException.badRequest("slug", "slug must be lowercase letters and digits in hyphen-separated words, at most " + Slugs.MAX_LENGTH + " characters");
        }
        return slug;
    }

    public static Optional<String> tag(ApiRequest request) {
        Optional<String> tag = request.query("tag");
        if (tag.isPresent() && !Tags.isValid(tag.get())) {
            throw ApiException.badRequest("tag", "tag " + Tags.describeRule());
        }
        return tag;
    }
}
