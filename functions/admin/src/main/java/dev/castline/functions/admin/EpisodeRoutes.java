package dev.castline.functions.admin;

import dev.castline.api.Paths;
import dev.castline.domain.Episode;
import dev.castline.domain.EpisodeRules;
import dev.castline.domain.EpisodeSummary;
import dev.castline.domain.Status;
import dev.castline.host.EpisodeService;
import dev.castline.host.NewEpisode;
import dev.castline.http.ApiException;
import dev.castline.http.ApiRequest;
import dev.castline.http.ApiResponse;
import dev.castline.http.CursorCodec;
import dev.castline.http.JsonBody;
import dev.castline.http.Params;
import dev.castline.http.Preconditions;
import dev.castline.store.Page;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Pattern;

/** {@code /api/v1/admin/episodes...}: requests read, the episode service called, answers written. */
final class EpisodeRoutes {
    private static final Pattern EPISODE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final String WHAT = "episode";

    private final EpisodeService service;
    private final AdminJson representation;
    private final CursorCodec cursors;
    private final Clock clock;

    EpisodeRoutes(EpisodeService service, AdminJson representation, CursorCodec cursors, Clock clock) {
        this.service = service;
        this.representation = representation;
        this.cursors = cursors;
        this.clock = clock;
    }

    ApiResponse create(ApiRequest request) {
        Episode created = service.create(NewEpisode.draft(EpisodeInput.read(JsonBody.parse(request.body(), EpisodeInput.FIELDS))));
        return episode(201, created).header("location", Paths.adminEpisode(created.id()));
    }

    ApiResponse list(ApiRequest request) {
        Status status = Status.fromWire(request.query("status").orElseThrow(
                () -> ApiException.badRequest("status", "status is required: draft, scheduled or published")), "status");
        int limit = Params.limit(request);
        String listing = "admin:" + status.wireName();
        Optional<String> resumeAfter = request.query("cursor").map(c -> cursors.open(listing, c));
        Page<EpisodeSummary> page = service.list(status, limit, resumeAfter);
        return ApiResponse.json(200, representation.page(page.items(),
                page.resumeAfter().map(sk -> cursors.seal(listing, sk)).orElse(null), status.wireName()));
    }

    ApiResponse get(ApiRequest request) {
        return episode(200, service.get(id(request)));
    }

    ApiResponse patch(ApiRequest request) {
        OptionalLong expected = Preconditions.requiredIfMatch(request, WHAT);
        JsonBody body = JsonBody.parse(request.body(), EpisodeInput.FIELDS);
        return episode(200, service.edit(id(request), expected, EpisodeInput.read(body)));
    }

    ApiResponse publish(ApiRequest request) {
        String id = id(request);
        JsonBody body = JsonBody.parseOptional(request.body(), Set.of("at"));
        String at = body.text("at");
        Optional<Instant> when;
        try {
            when = Optional.ofNullable(at).map(Instant::parse);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("at", "at must be an ISO-8601 instant, e.g. 2026-12-01T09:00:00Z");
        }
        if (when.isPresent() && !EpisodeRules.isPublishTime(when.get())) {
            throw ApiException.badRequest("at", "at " + EpisodeRules.publishTimeRule());
        }
        return episode(200, service.publish(id, Preconditions.optionalIfMatch(request, WHAT), when));
    }

    ApiResponse unpublish(ApiRequest request) {
        return episode(200, service.unpublish(id(request), Preconditions.optionalIfMatch(request, WHAT)));
    }

    ApiResponse delete(ApiRequest request) {
        service.remove(id(request), Preconditions.optionalIfMatch(request, WHAT));
        return ApiResponse.empty(204);
    }

    private ApiResponse episode(int status, Episode episode) {
        return ApiResponse.json(status, representation.episode(episode, clock.instant()))
                .header("etag", Preconditions.etag(episode.version()));
    }

    static String id(ApiRequest request) {
        String id = request.path("id").orElse("");
        if (!EPISODE_ID.matcher(id).matches()) {
            throw ApiException.badRequest("id", "id must be 1 to 64 letters, digits or hyphens");
        }
        return id;
    }
}
