package dev.castline.functions.admin;

import dev.castline.config.AdminConfig;
import dev.castline.config.Clients;
import dev.castline.config.Config;
import dev.castline.config.S3Clients;
import dev.castline.domain.Episode;
import dev.castline.domain.EpisodeSummary;
import dev.castline.domain.EpisodeType;
import dev.castline.domain.Slugs;
import dev.castline.domain.Status;
import dev.castline.domain.Upload;
import dev.castline.http.ApiException;
import dev.castline.http.ApiHandler;
import dev.castline.http.ApiRequest;
import dev.castline.http.ApiResponse;
import dev.castline.http.CursorCodec;
import dev.castline.http.Json;
import dev.castline.http.Log;
import dev.castline.http.Params;
import dev.castline.store.ConflictException;
import dev.castline.store.EpisodeStore;
import dev.castline.store.Page;
import dev.castline.store.ShowStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * The host's API ({@code /admin/...}): episodes from draft to published, audio uploads through
 * signed URLs, and the show's settings. Every route needs the admin bearer token; every change is
 * conditional on the version the host last read, so no edit is ever lost to another.
 */
public final class AdminHandler extends ApiHandler {
    private static final int MAX_DERIVED_SLUG_ATTEMPTS = 20;
    private static final Map<String, String> EXTENSIONS = Map.of("audio/mpeg", "mp3", "audio/x-m4a", "m4a");
    private static final Pattern EPISODE_ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final BearerAuth auth;
    private final EpisodeStore episodes;
    private final ShowStore shows;
    private final AdminJson representation;
    private final CursorCodec cursors;
    private final ShowSettings showSettings;
    private final S3Client s3;
    private final S3Presigner presigner;
    private final AdminConfig admin;
    private final Clock clock;

    /** Lambda's entry: configuration from the environment, clients built once per container. */
    public AdminHandler() {
        this(Config.fromEnvironment(System.getenv()), AdminConfig.fromEnvironment(System.getenv()));
    }

    public AdminHandler(Config config, AdminConfig admin) {
        this(config, admin, Clients.dynamoDb(config), S3Clients.s3(config, admin.media()), S3Clients.presigner(config, admin.media()), Clock.systemUTC());
    }

    public AdminHandler(Config config, AdminConfig admin, DynamoDbClient dynamo, S3Client s3, S3Presigner presigner, Clock clock) {
        super(Duration.ZERO);
        this.auth = new BearerAuth(admin.adminTokenSha256());
        this.episodes = new EpisodeStore(dynamo, config.tableName(), clock);
        this.shows = new ShowStore(dynamo, config.tableName(), clock);
        this.representation = new AdminJson(config.mediaBaseUrl());
        this.cursors = new CursorCodec(config.cursorSigningKey());
        this.showSettings = new ShowSettings(shows);
        this.s3 = s3;
        this.presigner = presigner;
        this.admin = admin;
        this.clock = clock;
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        if (!auth.allows(request.header("authorization"))) {
            return error(401, "unauthorized", "This route needs the admin token: Authorization: Bearer <token>.", null)
                    .header("www-authenticate", "Bearer realm=\"castline-admin\"");
        }
        ApiResponse response = switch (request.routeKey()) {
            case "POST /admin/episodes" -> create(request);
            case "GET /admin/episodes" -> list(request);
            case "GET /admin/episodes/{id}" -> get(request);
            case "PATCH /admin/episodes/{id}" -> patch(request);
            case "DELETE /admin/episodes/{id}" -> delete(request);
            case "POST /admin/episodes/{id}/audio" -> uploadUrl(request);
            case "POST /admin/episodes/{id}/publish" -> publish(request);
            case "POST /admin/episodes/{id}/unpublish" -> unpublish(request);
            case "GET /admin/show" -> showSettings.get();
            case "PUT /admin/show" -> showSettings.put(request);
            default -> throw ApiException.notFound("No such admin route.");
        };
        // The host's views are never cached anywhere.
        return response.header("cache-control", "no-store");
    }

    private ApiResponse create(ApiRequest request) {
        BodyNode body = JsonBody.parse(request.body(), EpisodeInput.FIELDS);
        if (JsonBody.text(body, "title") == null) {
            throw ApiException.badRequest("title", "title is required");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Episode blank = new Episode(UUID.randomUUID().toString(), "episode", UUID.randomUUID().toString(), "", null, null, null,
                List.of(), List.of(), List.of(), List.of(), null, null, EpisodeType.FULL, false, null, Status.DRAFT, null,
                now, now, 1, List.of(), null);
        Episode draft = EpisodeInput.apply(body, blank.toBuilder()).build();
        boolean slugGiven = body.has("slug");
        String derived = slugGiven ? null : Slugs.fromTitle(draft.title());
        if (!slugGiven) {
            draft = draft.toBuilder().slug(derived).build();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                Episode created = episodes.create(draft);
                return ApiResponse.json(201, representation.episode(created, clock.instant()))
                        .header("location", "/admin/episodes/" + created.id())
                        .header("etag", etag(created));
            } catch (ConflictException e) {
                if (e.reason() != ConflictException.Reason.SLUG_TAKEN) {
                    throw e;
                }
                if (slugGiven) {
                    throw ApiException.conflict("slug", "slug is already in use by another episode");
                }
                if (attempt >= MAX_DERIVED_SLUG_ATTEMPTS) {
                    throw ApiException.conflict("slug", "no free slug could be made from the title: give one");
                }
                String suffix = "-" + (attempt + 1);
                draft = draft.toBuilder().slug(derived.substring(0, Math.min(derived.length(), Slugs.MAX_LENGTH - suffix.length())) + suffix).build();
            }
        }
    }

    private ApiResponse list(ApiRequest request) {
        Status status = Status.fromWire(request.query("status").orElseThrow(
                () -> ApiException.badRequest("status", "status is required: draft, scheduled or published")), "status");
        int limit = Params.limit(request);
        String listing = "admin:" + status.wireName();
        Optional<String> resumeAfter = request.query("cursor").map(c -> cursors.open(listing, c));
        Page<EpisodeSummary> page = episodes.listByStatus(status, limit, resumeAfter, clock.instant());
        return ApiResponse.json(200, representation.page(page.items(),
                page.resumeAfter().map(sk -> cursors.seal(listing, sk)).orElse(null), status.wireName()));
    }

    private ApiResponse get(ApiRequest request) {
        Episode episode = load(request);
        return ApiResponse.json(200, representation.episode(episode, clock.instant())).header("etag", etag(episode));
    }

    private ApiResponse patch(ApiRequest request) {
        long expected = ifMatch(request);
        BodyNode body = JsonBody.parse(request.body(), EpisodeInput.FIELDS);
        Episode current = load(request);
        if (current.version() != expected) {
            throw preconditionFailed();
        }
        Episode.Builder next = EpisodeInput.apply(body, current.toBuilder());
        Episode candidate = next.build();
        if (!candidate.slug().equals(current.slug())) {
            // The old slug stays reserved for this episode and redirects to the new one.
            List<String> former = new java.util.ArrayList<>(current.formerSlugs());
            former.remove(candidate.slug());
            former.add(current.slug());
            next.formerSlugs(former);
        }
        return save(current, next);
    }

    private ApiResponse publish(ApiRequest request) {
        Episode current = load(request);
        BodyNode body = request.body() == null || request.body().isBlank() ? null : JsonBody.parse(request.body(), Set.of("at"));
        if (current.audio() == null) {
            throw new ApiException(409, "conflict", "The episode has no processed audio yet: upload it and wait for processing.", null);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant at = now;
        String requested = body == null ? null : JsonBody.text(body, "at");
        if (requested != null) {
            try {
                at = Instant.parse(requested).truncatedTo(ChronoUnit.SECONDS);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("at", "at must be an ISO-8601 instant, e.g. 2026-12-01T09:00:00Z");
            }
        }
        Status status = at.isAfter(now) ? Status.SCHEDULED : Status.PUBLISHED;
        return save(current, current.toBuilder().status(status).publishAt(at));
    }

    private ApiResponse unpublish(ApiRequest request) {
        Episode current = load(request);
        return save(current, current.toBuilder().status(Status.DRAFT).publishAt(null));
    }

    private ApiResponse delete(ApiRequest request) {
        Episode current = load(request);
        request.header("if-match").ifPresent(tag -> {
            if (parseVersion(tag) != current.version()) {
                throw preconditionFailed();
            }
        });
        try {
            episodes.delete(current);
        } catch (ConflictException e) {
            throw preconditionFailed();
        }
        // The episode is gone from every listing and the feed first; its audio objects after.
        deleteObject(current.audio() == null ? null : current.audio().key(), request);
        deleteObject(current.upload() == null ? null : current.upload().key(), request);
        return ApiResponse.empty(204);
    }

    private ApiResponse uploadUrl(ApiRequest request) {
        BodyNode body = JsonBody.parse(request.body(), Set.of("contentType", "bytes", "fileName"));
        String contentType = JsonBody.text(body, "contentType");
        String extension = contentType == null ? null : EXTENSIONS.get(contentType.toLowerCase(Locale.ROOT));
        if (extension == null) {
            throw ApiException.badRequest("contentType", "contentType must be audio/mpeg or audio/x-m4a");
        }
        Long bytes = JsonBody.whole(body, "bytes");
        if (bytes == null || bytes < 1 || bytes > admin.maxUploadBytes()) {
            throw ApiException.badRequest("bytes", "bytes must be the file's size, from 1 to " + admin.maxUploadBytes());
        }
        String fileName = JsonBody.text(body, "fileName");
        if (fileName != null && fileName.length() > 255) {
            throw ApiException.badRequest("fileName", "fileName must be at most 255 characters");
        }
        Episode current = load(request);
        String key = "audio/" + current.id() + "/" + UUID.randomUUID() + "." + extension;
        Instant now = clock.instant();
        PresignedPutObjectRequest signed = presigner.presignPutObject(p -> p
                .signatureDuration(admin.uploadUrlTtl())
                .putObjectRequest(o -> o.bucket(admin.media().audioBucket()).key(key).contentType(contentType.toLowerCase(Locale.ROOT))
                        .contentLength(bytes)));
        Episode saved = store(current, current.toBuilder().upload(new Upload(key, contentType.toLowerCase(Locale.ROOT), bytes, now, null)));
        String response = Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("uploadUrl", signed.url().toString());
            json.writeStringField("method", "PUT");
            json.writeObjectFieldStart("headers");
            for (var header : signed.signedHeaders().entrySet()) {
                if (!header.getKey().equalsIgnoreCase("host")) {
                    json.writeStringField(header.getKey(), String.join(",", header.getValue()));
                }
            }
            json.writeEndObject();
            json.writeStringField("key", key);
            json.writeStringField("expiresAt", signed.expiration().toString());
            json.writeNumberField("version", saved.version());
            json.writeEndObject();
        });
        return ApiResponse.json(201, response).header("etag", etag(saved));
    }

    // ---- helpers

    private ApiResponse save(Episode current, Episode.Builder next) {
        Episode saved = store(current, next);
        return ApiResponse.json(200, representation.episode(saved, clock.instant())).header("etag", etag(saved));
    }

    private Episode store(Episode current, Episode.Builder next) {
        try {
            return episodes.update(current, next);
        } catch (ConflictException e) {
            if (e.reason() == ConflictException.Reason.SLUG_TAKEN) {
                throw ApiException.conflict("slug", "slug is already in use by another episode");
            }
            throw preconditionFailed();
        }
    }

    private Episode load(ApiRequest request) {
        String id = request.path("id").orElse("");
        if (!EPISODE_ID.matcher(id).matches()) {
            throw ApiException.badRequest("id", "id must be 1 to 64 letters, digits or hyphens");
        }
        return episodes.findById(id, true).orElseThrow(() -> ApiException.notFound("No episode has this id."));
    }

    private void deleteObject(String key, ApiRequest request) {
        if (key == null) {
            return;
        }
        try {
            s3.deleteObject(r -> r.bucket(admin.media().audioBucket()).key(key));
        } catch (RuntimeException e) {
            // The episode is already gone; an orphaned object costs storage, not correctness.
            Log.warn(null, request.requestId(), "could not delete audio object " + key, e);
        }
    }

    private static long ifMatch(ApiRequest request) {
        String tag = request.header("if-match").orElseThrow(() -> new ApiException(428, "precondition_required",
                "Send If-Match with the ETag of the episode as you last read it.", "If-Match"));
        return parseVersion(tag);
    }

    private static long parseVersion(String tag) {
        String v = tag.strip();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("If-Match", "If-Match must be the episode's ETag, e.g. \"3\"");
        }
    }

    private static ApiException preconditionFailed() {
        return new ApiException(412, "precondition_failed", "The episode was changed since you read it: read it again, then retry.", null);
    }

    static String etag(Episode episode) {
        return "\"" + episode.version() + "\"";
    }
}
