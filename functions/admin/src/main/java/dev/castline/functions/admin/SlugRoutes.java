package dev.castline.functions.admin;

import dev.castline.domain.Episode;
import dev.castline.domain.Slugs;
import dev.castline.http.ApiException;
import dev.castline.http.ApiRequest;
import dev.castline.http.ApiResponse;
import dev.castline.http.Preconditions;
import dev.castline.store.EpisodeStore;
import java.time.Clock;

/**
 * {@code GET /api/v1/admin/slugs/{slug}}: the episode a slug belongs to, whatever its status, as
 * {@code GET /api/v1/admin/episodes/{id}} gives it. A former slug finds its episode too (its
 * {@code slug} then differs). A host's tools keep episodes by slug; this spares them a listing.
 */
final class SlugRoutes {
    private final EpisodeStore store;
    private final AdminJson representation;
    private final Clock clock;

    SlugRoutes(EpisodeStore store, AdminJson representation, Clock clock) {
        this.store = store;
        this.representation = representation;
        this.clock = clock;
    }

    ApiResponse get(ApiRequest request) {
        String slug = request.path("slug").orElse("");
        if (!Slugs.isValid(slug)) {
            throw ApiException.badRequest("slug", "slug must be lowercase letters and digits in hyphen-separated words");
        }
        Episode episode = store.findBySlug(slug, true).orElseThrow(() -> ApiException.notFound("No episode has this slug."));
        return ApiResponse.json(200, representation.episode(episode, clock.instant())).header("etag", Preconditions.etag(episode.version()));
    }
}
