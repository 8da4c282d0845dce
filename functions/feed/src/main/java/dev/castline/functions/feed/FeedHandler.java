package dev.castline.functions.feed;

import dev.castline.domain.TranscriptFormat;
import dev.castline.http.Conditional;
import dev.castline.transcript.Srt;
import dev.castline.transcript.Transcript;
import dev.castline.transcript.TranscriptJson;
import dev.castline.transcript.WebVtt;

import dev.castline.api.Paths;
import dev.castline.config.Clients;
import dev.castline.config.Config;
import dev.castline.domain.Episode;
import dev.castline.domain.Show;
import dev.castline.feed.ChaptersJson;
import dev.castline.feed.FeedPager;
import dev.castline.feed.FeedWriter;
import dev.castline.lambda.ApiEvents;
import dev.castline.http.ApiException;
import dev.castline.lambda.ApiHandler;
import dev.castline.http.ApiRequest;
import dev.castline.http.ApiResponse;
import dev.castline.http.HttpDates;
import dev.castline.http.Params;
import dev.castline.store.EpisodeStore;
import dev.castline.store.ShowStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The podcast feed ({@code GET|HEAD /feed.xml?page=}) and each episode's chapters
 * ({@code GET /episodes/{slug}/chapters.json}). Podcast apps poll the feed for ever, so a poll
 * whose copy is still current costs one GetItem: the validators come from the show item, and
 * only a changed feed is queried and rendered.
 */
public final class FeedHandler extends ApiHandler {
    static final String FEED_TYPE = "application/rss+xml; charset=utf-8";
    static final String CHAPTERS_TYPE = "application/json+chapters; charset=utf-8";
    static final String FEED_ROUTE = "GET /feed.xml";
    static final String FEED_HEAD_ROUTE = "HEAD /feed.xml";
    static final String CHAPTERS_ROUTE = "GET /episodes/{slug}/chapters.json";
    static final String VTT_ROUTE = "GET /episodes/{slug}/transcript.vtt";
    static final String SRT_ROUTE = "GET /episodes/{slug}/transcript.srt";
    static final String JSON_TRANSCRIPT_ROUTE = "GET /episodes/{slug}/transcript.json";
    /** The only query parameter the feed documents; anything else is redirected away unread. */
    static final Set<String> FEED_PARAMETERS = Set.of("page");

    private final EpisodeStore episodes;
    private final ShowStore shows;
    private final FeedPager pager;
    private final FeedValidators validators;
    private final Clock clock;
    private final String feedCacheControl;
    private final String transcriptCacheControl;
    private final Duration settle;
    private final PageCount pages = new PageCount();

    /** Lambda's entry: configuration from the environment, clients built once per container. */
    public FeedHandler() {
        this(Config.fromEnvironment(System.getenv()));
    }

    public FeedHandler(Config config) {
        this(config, Clients.dynamoDb(config), Clock.systemUTC());
    }

    public FeedHandler(Config config, DynamoDbClient dynamo, Clock clock) {
        this(config, dynamo, clock, new FeedPager(new FeedWriter(config.mediaBaseUrl())));
    }

    /** With another pager: tests use a small page limit to see paging without megabytes of data. */
    FeedHandler(Config config, DynamoDbClient dynamo, Clock clock, FeedPager pager) {
        super(config.cacheMaxAge());
        this.episodes = new EpisodeStore(dynamo, config.tableName(), config.layout(), clock);
        this.shows = new ShowStore(dynamo, config.tableName(), config.layout(), clock);
        this.pager = pager;
        this.validators = new FeedValidators();
        this.clock = clock;
        this.feedCacheControl = "public, max-age=" + config.feedCacheMaxAge().toSeconds();
        this.transcriptCacheControl = "public, max-age=" + config.cacheMaxAge().toSeconds();
        this.settle = config.feedSettle();
    }

    /** The whole feed, gzipped: the show item, the episodes' Query and batch reads, the writer, gzip. */
    @Override
    protected String primingEvent() {
        return ApiEvents.syntheticGet(FEED_ROUTE, Paths.FEED, Map.of(), Map.of(), Map.of("accept-encoding", "gzip"));
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        return switch (request.routeKey()) {
            case CHAPTERS_ROUTE -> chapters(request);
            case VTT_ROUTE -> transcript(request, TranscriptFormat.VTT);
            case SRT_ROUTE -> transcript(request, TranscriptFormat.SRT);
            case JSON_TRANSCRIPT_ROUTE -> transcript(request, TranscriptFormat.JSON);
            case FEED_ROUTE, FEED_HEAD_ROUTE -> feed(request);
            default -> throw ApiException.notFound("No such route.");
        };
    }

    /**
     * The feed costs a render only for a request it documents: other query parameters are
     * redirected to the canonical URL before anything is read (a cache-busting parameter cannot
     * buy a render), and a page past the end is a 404 after the one read of the show item.
     */
    private ApiResponse feed(ApiRequest request) {
        int page = page(request);
        if (!FEED_PARAMETERS.containsAll(request.queryParameters().keySet())) {
            return ApiResponse.empty(301).header("location", FeedWriter.pageUrl(Paths.FEED, page))
                    .header("cache-control", feedCacheControl);
        }
        boolean gzip = Encodings.acceptsGzip(request.header("accept-encoding").orElse(""));
        ShowStore.Snapshot snapshot = shows.load();
        Show show = snapshot.show().orElseThrow(() -> ApiException.notFound("This podcast has no feed yet: its show settings are not saved."));
        Instant now = clock.instant();
        FeedValidators.Current current = validators.of(snapshot.feed(), now, page, gzip);
        // Right after a change the listing index may not show it yet: the feed read now could miss
        // it, so it goes out without validators, and nobody keeps it under the new ETag.
        boolean settling = snapshot.feed().changedAt() != null && now.isBefore(snapshot.feed().changedAt().plus(settle));

        if (!settling && current.matches(request.header("if-none-match"), request.header("if-modified-since"))) {
            return withValidators(ApiResponse.empty(304), current);
        }
        String edition = validators.edition(snapshot.feed(), now);
        if (page > 1 && (page > snapshot.feed().publicAtMost(now) || pages.pastTheEnd(edition, page))) {
            throw ApiException.notFound("The feed has no page " + page + ".");
        }
        // Outside the settling moment the data has settled: an eventually consistent read sees it
        // as a consistent one would, for half the read units.
        List<Episode> items = episodes.allPublicEpisodes(now, settling).stream().filter(e -> e.audio() != null).toList();
        Optional<FeedPager.Rendered> renderedPage = pager.render(show, items, page, current.lastModified().orElse(null));
        if (!settling) {
            renderedPage.ifPresent(r -> pages.remember(edition, r.page().count()));
        }
        FeedPager.Rendered rendered = renderedPage.orElseThrow(() -> ApiException.notFound("The feed has no page " + page + "."));
        ApiResponse response;
        if ("HEAD".equals(request.method())) {
            response = ApiResponse.empty(200).header("content-type", FEED_TYPE);
        } else if (gzip) {
            response = ApiResponse.binary(200, Encodings.gzip(rendered.xml()), FEED_TYPE).header("content-encoding", "gzip");
        } else {
            response = ApiResponse.text(200, rendered.xml(), FEED_TYPE);
        }
        if (settling) {
            return response.header("cache-control", "no-cache").header("vary", "Accept-Encoding");
        }
        return withValidators(response, current);
    }

    private ApiResponse withValidators(ApiResponse response, FeedValidators.Current current) {
        response.header("etag", current.etag())
                .header("cache-control", feedCacheControl)
                .header("vary", "Accept-Encoding");
        current.lastModified().ifPresent(t -> response.header("last-modified", HttpDates.format(t)));
        return response;
    }

    private ApiResponse chapters(ApiRequest request) {
        String slug = Params.slug(request);
        Episode episode = episodes.findPublicBySlug(slug, clock.instant())
                .orElseThrow(() -> ApiException.notFound("No published episode has this slug."));
        if (!episode.slug().equals(slug)) {
            return ApiResponse.empty(301).header("location", Paths.chapters(episode.slug()))
                    .header("cache-control", "public, max-age=300");
        }
        return ApiResponse.text(200, ChaptersJson.of(episode), CHAPTERS_TYPE);
    }

    /**
     * The episode's transcript in one of its formats, for apps and web players on other sites:
     * {@code Access-Control-Allow-Origin: *}; validators from the stored transcript's id, which a
     * new attach changes; 404 when the episode is not public or has no transcript.
     */
    private ApiResponse transcript(ApiRequest request, TranscriptFormat format) {
        String slug = Params.slug(request);
        EpisodeStore.WithTranscript found = episodes.findPublicWithTranscriptBySlug(slug, clock.instant())
                .filter(w -> w.transcript().isPresent())
                .orElseThrow(() -> ApiException.notFound("No published episode with a transcript has this slug."));
        if (!found.episode().slug().equals(slug)) {
            return ApiResponse.empty(301).header("location", Paths.transcript(found.episode().slug(), format))
                    .header("cache-control", "public, max-age=300").header("access-control-allow-origin", "*");
        }
        String etag = "\"" + found.episode().transcript().id() + "." + format.extension() + "\"";
        ApiResponse response;
        if (Conditional.notModified(request.header("if-none-match"), etag)) {
            response = ApiResponse.empty(304);
        } else {
            Transcript transcript = found.transcript().get();
            String body = switch (format) {
                case VTT -> WebVtt.write(transcript);
                case SRT -> Srt.write(transcript);
                case JSON -> TranscriptJson.write(transcript);
            };
            response = ApiResponse.text(200, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), format.contentType() + "; charset=utf-8");
        }
        return response.header("etag", etag).header("cache-control", transcriptCacheControl).header("access-control-allow-origin", "*");
    }

    private static int page(ApiRequest request) {
        String raw = request.query("page").orElse("1");
        if (raw.isEmpty() || raw.length() > 6 || !raw.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(raw) < 1) {
            throw ApiException.badRequest("page", "page must be a whole number from 1 to 999999");
        }
        return Integer.parseInt(raw);
    }
}
