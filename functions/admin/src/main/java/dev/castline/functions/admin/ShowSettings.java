package dev.castline.functions.admin;

import dev.castline.domain.PodcastGuid;
import dev.castline.domain.Show;
import dev.castline.http.ApiException;
import dev.castline.http.ApiRequest;
import dev.castline.http.ApiResponse;
import dev.castline.store.ShowStore;
import java.util.Optional;
import java.util.Set;

/** {@code GET|PUT /admin/show}: the show's settings, validated; the podcast GUID is set once and kept. */
final class ShowSettings {
    static final Set<String> FIELDS = Set.of("title", "author", "description", "language", "artworkUrl", "appleCategory",
            "appleSubcategory", "explicit", "ownerName", "ownerEmail", "siteBaseUrl", "copyright", "fundingUrl", "fundingText",
            "feedUrl", "podcastGuid", "serial", "locked", "feedItemLimit");

    private final ShowStore shows;

    ShowSettings(ShowStore shows) {
        this.shows = shows;
    }

    ApiResponse get() {
        Show show = shows.load().show().orElseThrow(() -> ApiException.notFound("The show has no settings yet: PUT them."));
        return ApiResponse.json(200, AdminJson.show(show));
    }

    ApiResponse put(ApiRequest request) {
        BodyNode body = JsonBody.parse(request.body(), FIELDS);
        Optional<Show> current = shows.load().show();
        String feedUrl = JsonBody.text(body, "feedUrl");
        String guid = current.map(Show::podcastGuid).orElseGet(() -> feedUrl == null ? null : PodcastGuid.forFeedUrl(feedUrl).toString());
        String given = JsonBody.text(body, "podcastGuid");
        if (given != null && !given.equals(guid)) {
            throw ApiException.badRequest("podcastGuid", "podcastGuid is set once, from the first feed URL, and never changes");
        }
        Show show = new Show(JsonBody.text(body, "title"), JsonBody.text(body, "author"), JsonBody.text(body, "description"),
                JsonBody.text(body, "language"), JsonBody.text(body, "artworkUrl"), JsonBody.text(body, "appleCategory"),
                JsonBody.text(body, "appleSubcategory"), Boolean.TRUE.equals(JsonBody.bool(body, "explicit")),
                JsonBody.text(body, "ownerName"), JsonBody.text(body, "ownerEmail"), JsonBody.text(body, "siteBaseUrl"),
                JsonBody.text(body, "copyright"), JsonBody.text(body, "fundingUrl"), JsonBody.text(body, "fundingText"),
                feedUrl, guid, Boolean.TRUE.equals(JsonBody.bool(body, "serial")),
                !Boolean.FALSE.equals(JsonBody.bool(body, "locked")), JsonBody.integer(body, "feedItemLimit"));
        shows.save(show);
        return ApiResponse.json(200, AdminJson.show(show));
    }
}
