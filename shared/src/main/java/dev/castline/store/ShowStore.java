package dev.castline.store;

import dev.castline.domain.Show;
import dev.castline.domain.ShowRules;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** The show's settings and the feed's state: one item, read with one GetItem. */
public final class ShowStore {
    /** What one read of the show item tells: the settings (if saved) and the feed's validators. */
    public record Snapshot(Optional<Show> show, FeedState feed) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    public ShowStore(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /**
     * One GetItem. Eventually consistent: a poll may see a change a moment late, like any cache
     * in front of the feed would.
     */
    public Snapshot load() {
        GetItemResponse response = DynamoCalls.call(() -> dynamo.getItem(r -> r.tableName(table).key(ShowMapper.key())));
        if (!response.hasItem() || response.item().isEmpty()) {
            return new Snapshot(Optional.empty(), FeedState.EMPTY);
        }
        return new Snapshot(Optional.ofNullable(ShowMapper.show(response.item())), ShowMapper.feedState(response.item()));
    }

    /** Saves the settings and, in the same write, moves the feed's validators on. */
    public Show save(Show show) {
        ShowRules.validate(show);
        Map<String, AttributeValue> values = ShowMapper.showAttributes(show);
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> placeholders = new HashMap<>();
        List<String> sets = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        int i = 0;
        for (String attribute : ShowMapper.showAttributeNames()) {
            String name = "#a" + i;
            names.put(name, attribute);
            if (values.containsKey(attribute)) {
                placeholders.put(":v" + i, values.get(attribute));
                sets.add(name + " = :v" + i);
            } else {
                removes.add(name);
            }
            i++;
        }
        ShowMapper.feedMoved(names, placeholders, clock.instant());
        sets.add(ShowMapper.FEED_MOVED_SET);
        String expression = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes))
                + " " + ShowMapper.FEED_MOVED_ADD;
        DynamoCalls.call(() -> dynamo.updateItem(r -> r.tableName(table).key(ShowMapper.key())
                .updateExpression(expression).expressionAttributeNames(names).expressionAttributeValues(placeholders)));
        return show;
    }
}
