package dev.castline.local;

import static dev.castline.testing.ApiFixture.invoke;
import static org.assertj.core.api.Assertions.assertThat;

import dev.castline.emulation.OperationCounter;
import dev.castline.config.Clients;
import dev.castline.functions.feed.FeedHandler;
import dev.castline.functions.get.GetEpisodeHandler;
import dev.castline.functions.list.ListEpisodesHandler;
import dev.castline.lambda.ApiHandler;
import dev.castline.testing.ApiFixture;
import dev.castline.testing.Events;
import java.time.Clock;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The SnapStart priming hooks, called as the runtime calls them before a snapshot: each read
 * function runs its real request path against the local stack (so DynamoDB is called and the
 * classes are loaded before the snapshot), and serves real requests normally afterwards.
 */
@ExtendWith(CastlineLocalExtension.class)
class SnapStartPrimingTest {
    private final CastlineLocal stack;

    SnapStartPrimingTest(CastlineLocal stack) {
        this.stack = stack;
    }

    @Test
    void eachReadFunctionPrimesItsRequestPathAndServesAfterwards() throws Exception {
        record Case(String name, BiFunction<DynamoDbClient, Clock, ApiHandler> make, String event, String expectedOperation) {
        }
        List<Case> cases = List.of(
                new Case("list", (d, c) -> new ListEpisodesHandler(stack.config(), d, c), ApiFixture.event("list-episodes.json"), "Query"),
                new Case("get", (d, c) -> new GetEpisodeHandler(stack.config(), d, c),
                        Events.withSlug("get-episode.json", stack.sampleSlugs().isEmpty() ? ApiFixture.PODIA : stack.sampleSlugs().getFirst()), "GetItem"),
                new Case("feed", (d, c) -> new FeedHandler(stack.config(), d, c), ApiFixture.event("feed.json"), "BatchGetItem"));
        for (Case c : cases) {
            OperationCounter operations = new OperationCounter();
            try (DynamoDbClient dynamo = Clients.dynamoDb(stack.config(), CastlineLocal.CREDENTIALS, operations)) {
                ApiHandler handler = c.make().apply(dynamo, Clock.systemUTC());
                assertThat(operations.operations()).as("%s: nothing is called while building", c.name()).isEmpty();

                handler.beforeCheckpoint(null);
                assertThat(operations.operations()).as("%s primed its DynamoDB path", c.name()).contains(c.expectedOperation());

                handler.afterRestore(null);
                var response = invoke(handler, c.event());
                assertThat(response.status()).as("%s serves after priming: %s", c.name(), response.body()).isEqualTo(200);
            }
        }
    }
}
