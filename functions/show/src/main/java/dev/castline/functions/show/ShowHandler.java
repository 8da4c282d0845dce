package dev.castline.functions.show;

import dev.castline.api.Paths;
import dev.castline.api.ShowJson;
import dev.castline.config.Clients;
import dev.castline.config.Config;
import dev.castline.domain.Show;
import dev.castline.lambda.ApiEvents;
import dev.castline.http.ApiException;
import dev.castline.lambda.ApiHandler;
import dev.castline.http.ApiRequest;
import dev.castline.http.ApiResponse;
import dev.castline.store.ShowStore;
import java.time.Clock;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** {@code GET /api/v1/show}: the public show info. One GetItem (the show item). */
public final class ShowHandler extends ApiHandler {
    static final String ROUTE = "GET " + Paths.API + "/show";

    private final ShowStore shows;

    /** Lambda's entry: configuration from the environment, clients built once per container. */
    public ShowHandler() {
        this(Config.fromEnvironment(System.getenv()));
    }

    public ShowHandler(Config config) {
        this(config, Clients.dynamoDb(config), Clock.systemUTC());
    }

    public ShowHandler(Config config, DynamoDbClient dynamo, Clock clock) {
        super(config.cacheMaxAge());
        this.shows = new ShowStore(dynamo, config.tableName(), config.layout(), clock);
    }

    /** The real request: one GetItem and the JSON writer. */
    @Override
    protected String primingEvent() {
        return ApiEvents.syntheticGet(ROUTE, Paths.API + "/show", Map.of(), Map.of(), Map.of());
    }

    @Override
    protected ApiResponse handle(ApiRequest request) {
        Show show = shows.load().show().orElseThrow(() -> ApiException.notFound("This podcast has no show settings yet."));
        return ApiResponse.json(200, ShowJson.show(show));
    }
}
