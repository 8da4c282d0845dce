package dev.castline.store;

import dev.castline.domain.Show;
import dev.castline.domain.ShowRules;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/** One show's settings and its feed's state: one item, read with one GetItem. */
public final class ShowStore {
    /**
     * What one read of the show item tells: the settings (if saved), their version (0 before the
     * first save; each save adds one, for optimistic locking), and the feed's validators.
     */
    public record Snapshot(Optional<Show> show, long settingsVersion, FeedState feed) {
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
            return new Snapshot(Optional.empty(), 0, FeedState.EMPTY);
        }
        return new Snapshot(Optional.ofNullable(ShowMapper.show(response.item())), ShowMapper.settingsVersion(response.item()),
                ShowMapper.feedState(response.item()));
    }

    /** Saves the settings whatever their version, and moves the feed's validators on. */
    public Show save(Show show) {
        return save(show, OptionalLong.empty());
    }

    /**
     * Saves the settings and, in the same write, moves the feed's validators on; with an expected
     * version, only if the stored settings are still at it (else {@link ConflictException}).
     */
    public Show save(Show show, OptionalLong expectedVersion) {
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
        names.put("#sv", ShowMapper.SETTINGS_VERSION);
        String expression = "SET " + String.join(", ", sets) + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes))
                + " " + ShowMapper.FEED_MOVED_ADD + ", #sv :one";
        String conditionExpression = null;
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() == 0) {
            conditionExpression = "attribute_not_exists(#sv)";
        } else if (expectedVersion.isPresent()) {
            values.put(":expected", TableLayout.n(expectedVersion.getAsLong()));
            conditionExpression = "#sv = :expected";
        }
        String condition = conditionExpression;
        try {
            DynamoCalls.call(() -> dynamo.updateItem(r -> r.tableName(table).key(layout.showKey())
                    .updateExpression(expression).conditionExpression(condition)
                    .expressionAttributeNames(names).expressionAttributeValues(values)));
        } catch (ConditionalCheckFailedException e) {
            throw new ConflictException(ConflictException.Reason.VERSION_MISMATCH,
                    "The show's settings were changed since you read them: read them again, then retry.");
        }
        return show;
    }
}
