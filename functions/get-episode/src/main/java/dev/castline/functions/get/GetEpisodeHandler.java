package dev.castline.functions.get;

import dev.castline.api.EpisodeJson;
import dev.castline.api.Paths;
import dev.castline.config.Clients;
import dev.castline.config.Config;
import dev.castline.domain.Episode;
import dev.castline.http.ApiException;
import dev.castline.lambda.ApiEvents;
import dev.castline.lambda.ApiHandler;
import dev.castline.http.ApiRequest;
import dev.castline.http.ApiResponse;
import dev.castline.http.Params;
import dev.castline.store.EpisodeStore;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code GET /api/v1/episodes/{slug}}: one public episode in full. Two key reads (slug, then episode).
 * A slug the episode used to have answers 301 to its current address, so shared links survive
 * a rename.
 */
public final class GetEpisodeHandler extends ApiHandler {
    static final String ROUTE = "GET /api/v1/episodes/{slug}";

    private final EpisodeStore store;
    private final EpisodeJson representation;
    private final Clock clock;

    /** Lambda's entry: configuration from the environment, clients built once per container. */
    public GetEpisodeHandler() {
        this(Config.fromEnvironment(System.getenv()));
    }

    public GetEpisodeHandler(Config config) {
        this(config, Clients.dynamoDb(config), Clock.systemUTC());
    }

    public GetEpisodeHandler(Config config, DynamoDbClient dynamo, Clock clock) {
        super(config.cacheMaxAge());
        this.store = new EpisodeStore(dynamo, config.tableName(), config.layout(), clock);
        this.representation = new EpisodeJson(config.mediaBaseUrl());
        this.clock = clock;
    }

    /** A slug no episode has: the slug read, the error writer, no episode data needed. */
    @Override
    protected String primingEvent() {
        return ApiEvents.syntheticGet(ROUTE, Paths.apiEpisode("snapstart-priming"), Map.of(),
                Map.of("slug", "snapstart-priming"), Map.of());
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        String slug = Params.slug(request);
        Episode episode = store.findPublicBySlug(slug, clock.instant())
                .orElseThrow(() -> ApiException.notFound("No published episode has this slug."));
        if (!episode.slug().equals(slug)) {
            return ApiResponse.empty(301)
                    .header("location", Paths.apiEpisode(episode.slug()))
                    .header("cache-control", "public, max-age=300");
        }
        return ApiResponse.json(200, representation.episode(episode));
    }
}
