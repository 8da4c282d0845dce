package dev.castline.functions.site;

import dev.castline.api.Paths;
import dev.castline.config.Clients;
import dev.castline.config.Config;
import dev.castline.domain.NotFoundException;
import dev.castline.http.ApiException;
import dev.castline.http.ApiRequest;
import dev.castline.http.ApiResponse;
import dev.castline.http.Conditional;
import dev.castline.http.CursorCodec;
import dev.castline.lambda.ApiEvents;
import dev.castline.lambda.ApiHandler;
import dev.castline.store.EpisodePageReads;
import dev.castline.store.EpisodeStore;
import dev.castline.store.ShowStore;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The listener web site: {@code /}, {@code /episodes/{slug}}, {@code /tags/{tag}},
 * {@code /embed/{slug}}, {@code /oembed}, {@code /sitemap.xml}, {@code /robots.txt}, the two
 * static assets, and a styled 404 for any other address. Pages are HTML rendered on the server
 * ({@link SitePages} decides, the precompiled templates lay out); every failure is an HTML page too.
 */
public final class SiteHandler extends ApiHandler {
    private final SitePages pages;
    private final Assets assets;
    private final Pages render;

    /** Lambda's entry: configuration from the environment, clients built once per container. */
    public SiteHandler() {
        this(Config.fromEnvironment(System.getenv()));
    }

    public SiteHandler(Config config) {
        this(config, Clients.dynamoDb(config), Clock.systemUTC());
    }

    public SiteHandler(Config config, DynamoDbClient dynamo, Clock clock) {
        super(config.cacheMaxAge());
        this.assets = new Assets();
        EpisodeStore episodes = new EpisodeStore(dynamo, config.tableName(), config.layout(), clock);
        this.pages = new SitePages(episodes,
                new ShowStore(dynamo, config.tableName(), config.layout(), clock),
                new EpisodePageReads(dynamo, config.tableName(), config.layout(), episodes),
                new CursorCodec(config.cursorSigningKey()), config.mediaBaseUrl(), assets, clock);
        this.render = new Pages(config.cacheMaxAge(), origin(config.mediaBaseUrl()));
    }

    /** The home page: the show item, one Query, the templates. */
    @Override
    protected String primingEvent() {
        return ApiEvents.syntheticGet("GET /", "/", Map.of(), Map.of(), Map.of());
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        try {
            return route(request);
        } catch (NotFoundException e) {
            return render.page(request, pages.problem(404, "Not found", e.getMessage()), false);
        }
    }

    private ApiResponse route(ApiRequest request) {
        return switch (request.routeKey()) {
            case "GET /" -> render.page(request, pages.home(request.query("cursor")), false);
            case "GET /episodes/{slug}" -> {
                var start = Times.startParameter(request.query("t"));
                yield render.page(request, pages.episode(request.path("slug").orElse(""), start), false);
            }
            case "GET /tags/{tag}" -> render.page(request, pages.tag(request.path("tag").orElse(""), request.query("cursor")), false);
            case "GET /embed/{slug}" -> render.page(request, pages.embed(request.path("slug").orElse("")), true);
            case "GET /oembed" -> oembed(request);
            case "GET /sitemap.xml" -> ApiResponse.text(200, Sitemap.xml(pages.show(), pages.allPublic()), "application/xml; charset=utf-8");
            case "GET /robots.txt" -> ApiResponse.text(200, Sitemap.robots(pages.show()).getBytes(StandardCharsets.UTF_8),
                    "text/plain; charset=utf-8");
            case "GET /assets/{name}" -> assets.named(request.path("name").orElse(""))
                    .map(a -> Conditional.notModified(request.header("if-none-match"), a.etag())
                            ? ApiResponse.empty(304).header("etag", a.etag())
                            : ApiResponse.binary(200, a.body(), a.contentType()).header("etag", a.etag())
                                    .header("cache-control", "public, max-age=31536000, immutable")
                                    .header("x-content-type-options", "nosniff"))
                    .orElseGet(() -> render.page(request, pages.missing(), false));
            // An address under the APIs that no API route has: the APIs' own JSON error.
            default -> request.rawPath().startsWith(Paths.API + "/") || request.rawPath().equals(Paths.API)
                    ? error(404, "not_found", "No API route has this path.", null)
                    : render.page(request, pages.missing(), false);
        };
    }

    /** oEmbed speaks JSON to the sites that ask it, failures included. */
    private ApiResponse oembed(ApiRequest request) {
        try {
            return ApiResponse.json(200, OEmbed.answer(request, pages));
        } catch (ApiException e) {
            return error(e.status(), e.code(), e.getMessage(), e.field());
        } catch (NotFoundException e) {
            return error(404, "not_found", e.getMessage(), null);
        }
    }

    /**
     * Failures are pages too: a refused parameter names what was wrong; a fault of ours says only
     * that, with the request id.
     */
    @Override
    protected ApiResponse failure(int status, String code, String message, String field) {
        String heading = status == 404 ? "Not found" : status < 500 ? "This address is not right" : "Something went wrong";
        return render.page(null, pages.problem(status, heading, message), false);
    }

    private static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
