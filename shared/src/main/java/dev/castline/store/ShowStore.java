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

/** One show's settings and its feed's state: one item, read with one GetItem. */
public final class ShowStore {
    /** What one read of the show item tells: the settings (if saved) and the feed's validators. */
    public record Snapshot(Optional<Show> show, FeedState feed) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final TableLayout layout;
    private final Clock clock;

    public ShowStore(DynamoDbClient dynamo, String table, TableLayout layout, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.layout = layout;
        this.clock = clock;
    }

    /**
     * One GetItem. Eventually consistent: a poll may see a change a moment late, like any cache
     * in front of the feed would.
     */
    public Snapshot load() {
        GetItemResponse response = DynamoCalls.call(() -> dynamo.getItem(r -> r.tableName(table).key(layout.showKey())));
        if (!response.hasItem() || response.item().isEmpty()) {
            return new Snapshot(Optional.empty(), FeedState.EMPTY);
        }
        return new Snapshot(Optional.ofNullable(ShowMapper.show(response.item())), ShowMapper.feedState(response.item()));
    }

    /** Saves the settings and, in the same write, moves the feed's validators on. */
    public Show save(Show show) {
        ShowRules.validate(show);
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        List<String> sets = new ArrayList<>();
        List<String> removes = new ArrayList<>();
        ShowMapper.settingsUpdate(show, names, values, sets, removes);
        names.put("#entity", TableLayout.ENTITY);
        values.put(":entity", TableLayout.s("show"));
        sets.add("#entity = :entity");
        ShowMapper.feedMoved(names, values, clock.instant());
        sets.add(ShowMapper.FEED_MOVED_SET);
        String expression = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes))
                + " " + ShowMapper.FEED_MOVED_ADD;
        DynamoCalls.call(() -> dynamo.updateItem(r -> r.tableName(table).key(layout.showKey())
                .updateExpression(expression).expressionAttributeNames(names).expressionAttributeValues(values)));
        return show;
    }
}
