package dev.castline.functions.admin;

import dev.castline.config.AdminConfig;
import dev.castline.config.Clients;
import dev.castline.config.Config;
import dev.castline.config.S3Clients;
import dev.castline.host.EpisodeService;
import dev.castline.host.ShowArtwork;
import dev.castline.host.ShowSettings;
import dev.castline.host.Uploads;
import dev.castline.http.ApiException;
import dev.castline.lambda.ApiHandler;
import dev.castline.http.ApiRequest;
import dev.castline.http.ApiResponse;
import dev.castline.http.CursorCodec;
import dev.castline.host.MediaObjects;
import dev.castline.media.S3MediaObjects;
import dev.castline.media.S3MultipartBucket;
import dev.castline.host.MultipartUploads;
import dev.castline.media.S3UploadSigner;
import dev.castline.store.EpisodeStore;
import dev.castline.store.ShowStore;
import dev.castline.store.TableLayout;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The host's API ({@code /api/v1/admin/...}): checks the bearer token, then hands each route to
 * its route class. The rules (drafts, publishing, uploads, settings) are the host services';
 * this function only reads requests and writes answers. The host's views are never cached.
 */
public final class AdminHandler extends ApiHandler {
    private final BearerAuth auth;
    private final EpisodeRoutes episodes;
    private final UploadRoutes uploads;
    private final ShowRoutes show;
    private final ArtworkRoutes artwork;
    private final ImportRoutes imports;
    private final TranscriptRoutes transcripts;
    private final SlugRoutes slugs;
    private final MultipartRoutes multipart;
    private final StatsRoutes stats;

    /** Lambda's entry: configuration from the environment, clients built once per container. */
    public AdminHandler() {
        this(Config.fromEnvironment(System.getenv()), AdminConfig.fromEnvironment(System.getenv()));
    }

    public AdminHandler(Config config, AdminConfig admin) {
        this(config, admin, Clients.dynamoDb(config), S3Clients.s3(config, admin.media()), S3Clients.presigner(config, admin.media()), Clock.systemUTC());
    }

    public AdminHandler(Config config, AdminConfig admin, DynamoDbClient dynamo, S3Client s3, S3Presigner presigner, Clock clock) {
        this(config, admin, dynamo, presigner, new S3MediaObjects(s3, admin.media().audioBucket()), clock,
                new S3MultipartBucket(s3, presigner, admin.media().audioBucket()));
    }

    /** With the bucket's objects given (the tests record what the rules ask of them). */
    public AdminHandler(Config config, AdminConfig admin, DynamoDbClient dynamo, S3Presigner presigner, MediaObjects media, Clock clock) {
        this(config, admin, dynamo, presigner, media, clock, null);
    }

    /** With the bucket's multipart uploads given too (null: the multipart routes answer 404). */
    public AdminHandler(Config config, AdminConfig admin, DynamoDbClient dynamo, S3Presigner presigner, MediaObjects media, Clock clock,
                        MultipartUploads.Bucket multipartBucket) {
        super(Duration.ZERO);
        TableLayout layout = config.layout();
        EpisodeStore store = new EpisodeStore(dynamo, config.tableName(), layout, clock);
        AdminJson representation = new AdminJson(config.mediaBaseUrl(), admin.uploadUrlTtl());
        this.auth = new BearerAuth(admin.adminTokenSha256());
        EpisodeService episodeService = new EpisodeService(store, media, clock);
        this.episodes = new EpisodeRoutes(episodeService, representation, new CursorCodec(config.cursorSigningKey()), clock);
        this.imports = new ImportRoutes(episodeService, representation, clock);
        Uploads.Signing signing = new Uploads.Signing(
                new S3UploadSigner(presigner, admin.media().audioBucket()), admin.maxUploadBytes(), admin.uploadUrlTtl());
        ShowStore shows = new ShowStore(dynamo, config.tableName(), layout, clock);
        this.uploads = new UploadRoutes(new Uploads(store, media, clock), signing,
                md5 -> new S3UploadSigner(presigner, admin.media().audioBucket(), md5));
        this.slugs = new SlugRoutes(store, representation, clock);
        this.multipart = multipartBucket == null ? null
                : new MultipartRoutes(new MultipartUploads(store, multipartBucket, clock), signing);
        this.show = new ShowRoutes(new ShowSettings(shows), representation, clock);
        this.transcripts = new TranscriptRoutes(new dev.castline.host.Transcripts(episodeService, store), new ShowSettings(shows));
        this.artwork = new ArtworkRoutes(new ShowArtwork(shows, media, config.mediaBaseUrl(), clock), signing);
        this.stats = new StatsRoutes(new dev.castline.store.DownloadStats(dynamo, config.tableName(), layout), store);
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        if (!auth.allows(request.header("authorization"))) {
            return error(401, "unauthorized", "This route needs the admin token: Authorization: Bearer <token>.", null)
                    .header("www-authenticate", "Bearer realm=\"castline-admin\"");
        }
        ApiResponse response = switch (request.routeKey()) {
            case "POST /api/v1/admin/episodes" -> episodes.create(request);
            case "GET /api/v1/admin/episodes" -> episodes.list(request);
            case "GET /api/v1/admin/episodes/{id}" -> episodes.get(request);
            case "PATCH /api/v1/admin/episodes/{id}" -> episodes.patch(request);
            case "DELETE /api/v1/admin/episodes/{id}" -> episodes.delete(request);
            case "POST /api/v1/admin/episodes/{id}/publish" -> episodes.publish(request);
            case "POST /api/v1/admin/episodes/{id}/unpublish" -> episodes.unpublish(request);
            case "POST /api/v1/admin/episodes/{id}/audio" -> uploads.request(request);
            case "GET /api/v1/admin/slugs/{slug}" -> slugs.get(request);
            case "POST /api/v1/admin/episodes/{id}/audio/multipart" -> multipart().start(request);
            case "GET /api/v1/admin/episodes/{id}/audio/multipart/{uploadId}" -> multipart().parts(request);
            case "POST /api/v1/admin/episodes/{id}/audio/multipart/{uploadId}/parts" -> multipart().signPart(request);
            case "POST /api/v1/admin/episodes/{id}/audio/multipart/{uploadId}/complete" -> multipart().complete(request);
            case "DELETE /api/v1/admin/episodes/{id}/audio/multipart/{uploadId}" -> multipart().abort(request);
            case "GET /api/v1/admin/show" -> show.get();
            case "POST /api/v1/admin/show/artwork" -> artwork.request(request);
            case "POST /api/v1/admin/imports" -> imports.importEpisode(request);
            case "PUT /api/v1/admin/episodes/{id}/transcript" -> transcripts.put(request);
            case "DELETE /api/v1/admin/episodes/{id}/transcript" -> transcripts.delete(request);
            case "PUT /api/v1/admin/show" -> show.put(request);
            case "GET /api/v1/admin/stats" -> stats.get(request);
            default -> throw ApiException.notFound("No such admin route.");
        };
        return response.header("cache-control", "no-store");
    }

    private MultipartRoutes multipart() {
        if (multipart == null) {
            throw ApiException.notFound("Multipart uploads are not available here.");
        }
        return multipart;
    }
}
