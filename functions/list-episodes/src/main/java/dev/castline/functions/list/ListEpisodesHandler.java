package dev.castline.functions.list;

import dev.castline.api.EpisodeJson;
import dev.castline.api.Paths;
import dev.castline.config.Clients;
import dev.castline.config.Config;
import dev.castline.domain.EpisodeSummary;
import dev.castline.lambda.ApiEvents;
import dev.castline.lambda.ApiHandler;
import dev.castline.http.ApiRequest;
import dev.castline.http.ApiResponse;
import dev.castline.http.CursorCodec;
import dev.castline.http.Params;
import dev.castline.store.EpisodeStore;
import dev.castline.store.Page;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code GET /api/v1/episodes?limit=&cursor=&tag=}: public episodes, newest first, one page per call.
 * Each page costs one DynamoDB Query, with or without a tag.
 */
public final class ListEpisodesHandler extends ApiHandler {
    private final EpisodeStore store;
    private final EpisodeJson representation;
    private final CursorCodec cursors;
    private final Clock clock;

    /** Lambda's entry: configuration from the environment, clients built once per container. */
    public ListEpisodesHandler() {
        this(Config.fromEnvironment(System.getenv()));
    }

    public ListEpisodesHandler(Config config) {
        this(config, Clients.dynamoDb(config), Clock.systemUTC());
    }

    public ListEpisodesHandler(Config config, DynamoDbClient dynamo, Clock clock) {
        super(config.cacheMaxAge());
        this.store = new EpisodeStore(dynamo, config.tableName(), config.layout(), clock);
        this.representation = new EpisodeJson(config.mediaBaseUrl());
        this.cursors = new CursorCodec(config.cursorSigningKey());
        this.clock = clock;
    }

    /** The first page of the public list, one item long: one Query, the JSON writer, a cursor. */
    @Override
    protected String primingEvent() {
        return ApiEvents.syntheticGet("GET " + Paths.API + "/episodes", Paths.API + "/episodes", Map.of("limit", "1"), Map.of(), Map.of());
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        int limit = Params.limit(request);
        Optional<String> tag = Params.tag(request);
        String listing = tag.map(t -> "tag:" + t).orElse("all");
        Optional<String> resumeAfter = request.query("cursor").map(cursor -> cursors.open(listing, cursor));

        Page<EpisodeSummary> page = store.listPublic(tag, limit, resumeAfter, clock.instant());
        String next = page.resumeAfter().map(sortKey -> cursors.seal(listing, sortKey)).orElse(null);
        return ApiResponse.json(200, representation.page(page.items(), next));
    }
}
