package dev.castline.store;

import dev.castline.domain.Show;
import dev.castline.domain.ShowField;
import dev.castline.domain.ShowRules;
import dev.castline.domain.Upload;
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
     * first save; each save adds one, for optimistic locking), the feed's validators, and the
     * artwork upload the show waits for (or the last one refused).
     */
    public record Snapshot(Optional<Show> show, long settingsVersion, FeedState feed, Optional<Upload> artworkUpload) {
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
        return snapshot(response.hasItem() ? response.item() : Map.of());
    }

    /** What the show item says; an empty or absent item is a show not set up yet. */
    static Snapshot snapshot(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return new Snapshot(Optional.empty(), 0, FeedState.EMPTY, Optional.empty());
        }
        return new Snapshot(Optional.ofNullable(ShowMapper.show(item)), ShowMapper.settingsVersion(item),
                ShowMapper.feedState(item), ShowMapper.artworkUpload(item));
    }

    /**
     * Records {@code upload} as the artwork upload the show waits for, replacing any earlier one.
     * Not a settings change: the settings' version and the feed stay as they are.
     *
     * @throws ConflictException when the show has no settings yet (artwork belongs to a show)
     */
    public void requestArtwork(Upload upload) {
        try {
            DynamoCalls.call(() -> dynamo.updateItem(r -> r.tableName(table).key(layout.showKey())
                    .updateExpression("SET #upload = :upload")
                    .conditionExpression("attribute_exists(#title)")
                    .expressionAttributeNames(Map.of("#upload", ShowMapper.ARTWORK_UPLOAD, "#title", ShowField.TITLE.wireName()))
                    .expressionAttributeValues(Map.of(":upload", EpisodeMapper.upload(upload)))));
        } catch (ConditionalCheckFailedException e) {
            throw new ConflictException(ConflictException.Reason.NOT_READY,
                    "The show has no settings yet: save them (PUT /api/v1/admin/show) before its artwork.");
        }
    }

    /**
     * Makes the pending artwork upload at {@code key} the show's artwork ({@code artworkUrl} set to
     * {@code url}), in one write that moves the settings' version and the feed's validators on.
     *
     * @return the artwork URL it replaced
     * @throws ConflictException when {@code key} is no longer the pending upload (a newer request
     *                           replaced it, or it was decided already)
     */
    public Optional<String> acceptArtwork(String key, String url) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#upload", ShowMapper.ARTWORK_UPLOAD);
        names.put("#art", ShowField.ARTWORK_URL.wireName());
        names.put("#sv", ShowMapper.SETTINGS_VERSION);
        names.put("#key", "key");
        names.put("#reason", "rejectedReason");
        values.put(":key", TableLayout.s(key));
        values.put(":url", TableLayout.s(url));
        ShowMapper.feedMoved(names, values, clock.instant());
        try {
            var response = DynamoCalls.call(() -> dynamo.updateItem(r -> r.tableName(table).key(layout.showKey())
                    .updateExpression("SET #art = :url, " + ShowMapper.FEED_MOVED_SET + " REMOVE #upload " + ShowMapper.FEED_MOVED_ADD + ", #sv :one")
                    .conditionExpression(PENDING_ARTWORK)
                    .expressionAttributeNames(names).expressionAttributeValues(values)
                    .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.UPDATED_OLD)));
            return Optional.ofNullable(response.attributes().get(ShowField.ARTWORK_URL.wireName())).map(AttributeValue::s);
        } catch (ConditionalCheckFailedException e) {
            throw new ConflictException(ConflictException.Reason.VERSION_MISMATCH, "artwork upload " + key + " is no longer pending");
        }
    }

    /**
     * Marks the pending artwork upload at {@code key} refused, with the reason the host is shown.
     *
     * @throws ConflictException when {@code key} is no longer the pending upload
     */
    public void rejectArtwork(String key, String reason) {
        try {
            DynamoCalls.call(() -> dynamo.updateItem(r -> r.tableName(table).key(layout.showKey())
                    .updateExpression("SET #upload.#reason = :reason")
                    .conditionExpression(PENDING_ARTWORK)
                    .expressionAttributeNames(Map.of("#upload", ShowMapper.ARTWORK_UPLOAD, "#key", "key", "#reason", "rejectedReason"))
                    .expressionAttributeValues(Map.of(":key", TableLayout.s(key), ":reason", TableLayout.s(reason)))));
        } catch (ConditionalCheckFailedException e) {
            throw new ConflictException(ConflictException.Reason.VERSION_MISMATCH, "artwork upload " + key + " is no longer pending");
        }
    }

    /** The upload at {@code :key} is the one the show waits for, and no verdict was given yet. */
    private static final String PENDING_ARTWORK = "#upload.#key = :key AND attribute_not_exists(#upload.#reason)";

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
