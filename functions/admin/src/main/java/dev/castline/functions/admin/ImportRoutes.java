package dev.castline.functions.admin;

import dev.castline.api.Paths;
import dev.castline.domain.Episode;
import dev.castline.host.EpisodeService;
import dev.castline.host.NewEpisode;
import dev.castline.http.ApiException;
import dev.castline.http.ApiRequest;
import dev.castline.http.ApiResponse;
import dev.castline.http.Json;
import dev.castline.http.JsonBody;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code POST /api/v1/admin/imports}: one episode of a show moving from another host, created
 * released as it was there, with its guid, its publish time and its enclosure. {@code 201} when
 * created; {@code 200} with the episode as it is when one has that guid already (nothing is
 * written), so an import can run again, or resume, safely.
 *
 * <p>{@code ?dryRun=true}: the same request read and checked the same way, answered as the import
 * would be ({@code 201}: it would be created, with the slug it would get; {@code 200}: the episode
 * with the guid, as it is; the same {@code 400} and {@code 409}), and nothing written
 * ({@link EpisodeService#planImport}).
 */
final class ImportRoutes {
    static final Set<String> FIELDS;
    static final Set<String> AUDIO_FIELDS = Set.of("url", "type", "bytes", "durationSeconds");
    private static final BigDecimal MAX_SECONDS = BigDecimal.valueOf(100L * 3600);

    static {
        Set<String> fields = new HashSet<>(EpisodeInput.FIELDS);
        fields.addAll(Set.of("guid", "publishAt", "audio"));
        FIELDS = Set.copyOf(fields);
    }

    private final EpisodeService service;
    private final AdminJson representation;
    private final java.time.Clock clock;

    ImportRoutes(EpisodeService service, AdminJson representation, java.time.Clock clock) {
        this.service = service;
        this.representation = representation;
        this.clock = clock;
    }

    ApiResponse importEpisode(ApiRequest request) {
        JsonBody body = JsonBody.parse(request.body(), FIELDS);
        String guid = body.requiredText("guid");
        Instant publishAt = instant(body, "publishAt");
        JsonBody audio = body.object("audio", AUDIO_FIELDS);
        if (audio == null) {
            throw body.bad("audio", "is required: {url, type, bytes, durationSeconds}");
        }
        Long bytes = audio.whole("bytes");
        BigDecimal seconds = audio.number("durationSeconds");
        if (bytes == null) {
            throw audio.bad("bytes", "is required: the enclosure's length (0 when the feed does not say)");
        }
        if (seconds == null || seconds.signum() < 0 || seconds.compareTo(MAX_SECONDS) > 0) {
            throw audio.bad("durationSeconds", "is required: seconds, from 0 to " + MAX_SECONDS);
        }
        NewEpisode spec = new NewEpisode(EpisodeInput.read(body), guid, publishAt, new NewEpisode.ExternalAudio(
                audio.requiredText("url"), audio.requiredText("type"), bytes, seconds.movePointRight(3).longValue()));
        if (dryRun(request)) {
            EpisodeService.Imported plan = service.planImport(spec);
            return plan.created() ? ApiResponse.json(201, wouldCreate(plan.episode()))
                    : ApiResponse.json(200, representation.episode(plan.episode(), clock.instant()))
                            .header("etag", dev.castline.http.Preconditions.etag(plan.episode().version()));
        }
        EpisodeService.Imported imported = service.importEpisode(spec);
        ApiResponse response = ApiResponse.json(imported.created() ? 201 : 200, representation.episode(imported.episode(), clock.instant()))
                .header("etag", dev.castline.http.Preconditions.etag(imported.episode().version()));
        return imported.created() ? response.header("location", Paths.adminEpisode(imported.episode().id())) : response;
    }

    private static boolean dryRun(ApiRequest request) {
        return switch (request.query("dryRun").orElse("false")) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest("dryRun", "dryRun must be true or false");
        };
    }

    /** What a dry run says of an episode it would create: never an id (none is kept). */
    private static String wouldCreate(Episode e) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeBooleanField("dryRun", true);
            json.writeStringField("guid", e.guid());
            json.writeStringField("slug", e.slug());
            json.writeStringField("title", e.title());
            json.writeStringField("status", e.status().wireName());
            json.writeStringField("publishAt", e.publishAt().toString());
            json.writeEndObject();
        });
    }

    private static Instant instant(JsonBody body, String field) {
        String text = body.requiredText(field);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw body.bad(field, "must be a date-time like 2021-02-08T06:00:00Z");
        }
    }
}
