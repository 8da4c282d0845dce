package dev.castline.store;

import static dev.castline.store.EpisodeMapper.LIST_INDEX;
import static dev.castline.store.EpisodeMapper.LIST_PK;
import static dev.castline.store.EpisodeMapper.LIST_SK;
import static dev.castline.store.EpisodeMapper.PK;
import static dev.castline.store.EpisodeMapper.SK;
import static dev.castline.store.EpisodeMapper.s;

import dev.castline.domain.Episode;
import dev.castline.domain.EpisodeRules;
import dev.castline.domain.EpisodeSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Episodes in DynamoDB. Speaks the domain: returns {@link Optional} and domain values, and turns
 * SDK failures into {@link ConflictException} (a rule of the data was broken) or
 * {@link StoreUnavailableException} (try again later).
 *
 * <p>Cost of each read, by design: a page of a listing is one Query; an episode by slug is two
 * GetItems (slug, then episode); no read ever Scans.
 */
public final class EpisodeStore {
    private static final int TRANSACTION_ATTEMPTS = 3;

    private final DynamoDbClient dynamo;
    private final String table;

    public EpisodeStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    // ---- reads

    /**
     * The public episode at this slug, current or former (the caller can redirect a former one).
     * Empty when there is none, or it is not public at {@code now}.
     */
    public Optional<Episode> findPublicBySlug(String slug, Instant now) {
        return findBySlug(slug, false).filter(e -> e.isPublicAt(now));
    }

    public Optional<Episode> findBySlug(String slug, boolean consistent) {
        GetItemResponse slugItem = call(() -> dynamo.getItem(r -> r.tableName(table)
                .key(EpisodeMapper.slugKey(slug)).consistentRead(consistent)));
        if (!slugItem.hasItem() || slugItem.item().isEmpty()) {
            return Optional.empty();
        }
        return findById(EpisodeMapper.episodeIdOfSlugItem(slugItem.item()), consistent);
    }

    public Optional<Episode> findById(String id, boolean consistent) {
        GetItemResponse response = call(() -> dynamo.getItem(r -> r.tableName(table)
                .key(EpisodeMapper.episodeKey(id)).consistentRead(consistent)));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(EpisodeMapper.episode(response.item()));
    }

    /**
     * Public episodes, newest first, optionally only those with {@code tag}: one Query.
     *
     * @param resumeAfter the sort key a previous page ended with
     */
    public Page<EpisodeSummary> listPublic(Optional<String> tag, int limit, Optional<String> resumeAfter, Instant now) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table)
                .scanIndexForward(false)
                // One more than asked: if it comes back, there is a next page, and no caller is
                // ever handed a cursor that leads to an empty page.
                .limit(limit + 1)
                .keyConditionExpression("#pk = :pk AND #sk < :upper")
                .expressionAttributeValues(Map.of(
                        ":pk", s(tag.map(EpisodeMapper::tagPartition).orElse(EpisodeMapper.RELEASED)),
                        ":upper", s(EpisodeMapper.publicUpperBound(now))));
        if (tag.isPresent()) {
            query.expressionAttributeNames(Map.of("#pk", PK, "#sk", SK));
            resumeAfter.ifPresent(sk -> query.exclusiveStartKey(EpisodeMapper.tagEntryKey(tag.get(), sk)));
        } else {
            query.indexName(LIST_INDEX).expressionAttributeNames(Map.of("#pk", LIST_PK, "#sk", LIST_SK));
            resumeAfter.ifPresent(sk -> query.exclusiveStartKey(EpisodeMapper.listIndexStartKey(sk)));
        }
        QueryResponse response = call(() -> dynamo.query(query.build()));

        List<EpisodeSummary> items = new ArrayList<>(Math.min(limit, response.count()));
        for (Map<String, AttributeValue> item : response.items()) {
            if (items.size() == limit) {
                break;
            }
            items.add(EpisodeMapper.summary(item));
        }
        boolean more = response.count() > limit || (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty());
        Optional<String> next = more && !items.isEmpty()
                ? Optional.of(EpisodeMapper.sortKey(items.getLast().publishAt(), items.getLast().id()))
                : Optional.empty();
        return new Page<>(items, next);
    }

    // ---- writes: each one transaction, each conditional

    /** Stores a new episode and reserves its slug; the database, not a prior read, refuses a taken slug. */
    public Episode create(Episode episode) {
        EpisodeRules.validate(episode);
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(putIfAbsent(EpisodeMapper.slugItem(episode.slug(), episode.id())));
        writes.add(putIfAbsent(EpisodeMapper.episodeItem(episode)));
        tagEntries(episode).values().forEach(item -> writes.add(put(item)));
        transact(writes, List.of(
                new ConflictException(ConflictException.Reason.SLUG_TAKEN, "slug is already in use"),
                new ConflictException(ConflictException.Reason.ID_TAKEN, "an episode with this id exists")));
        return episode;
    }

    /**
     * Replaces {@code previous} with {@code next}, only if the stored version is still
     * {@code previous.version()}: a lost update is impossible. A new slug is reserved in the same
     * transaction; the old one stays reserved for this episode (see {@link Episode#formerSlugs}).
     */
    public Episode update(Episode previous, Episode next) {
        EpisodeRules.validate(next);
        if (!previous.id().equals(next.id()) || next.version() != previous.version() + 1) {
            throw new IllegalArgumentException("next must be the same episode at the following version");
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        List<ConflictException> conflicts = new ArrayList<>();
        writes.add(TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(EpisodeMapper.episodeItem(next))
                .conditionExpression("#v = :v")
                .expressionAttributeNames(Map.of("#v", EpisodeMapper.VERSION))
                .expressionAttributeValues(Map.of(":v", EpisodeMapper.n(previous.version())))
                .build()).build());
        conflicts.add(versionConflict());
        if (!next.slug().equals(previous.slug()) && !previous.formerSlugs().contains(next.slug())) {
            writes.add(putIfAbsent(EpisodeMapper.slugItem(next.slug(), next.id())));
            conflicts.add(new ConflictException(ConflictException.Reason.SLUG_TAKEN, "slug is already in use"));
        }
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> newEntries = tagEntries(next);
        for (Map<String, AttributeValue> oldKey : tagEntries(previous).keySet()) {
            if (!newEntries.containsKey(oldKey)) {
                writes.add(delete(oldKey));
            }
        }
        newEntries.values().forEach(item -> writes.add(put(item)));
        transact(writes, conflicts);
        return next;
    }

    /** Removes the episode, every slug it held and its tag entries, if it is still at {@code episode.version()}. */
    public void delete(Episode episode) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(TransactWriteItem.builder().delete(Delete.builder()
                .tableName(table)
                .key(EpisodeMapper.episodeKey(episode.id()))
                .conditionExpression("#v = :v")
                .expressionAttributeNames(Map.of("#v", EpisodeMapper.VERSION))
                .expressionAttributeValues(Map.of(":v", EpisodeMapper.n(episode.version())))
                .build()).build());
        writes.add(delete(EpisodeMapper.slugKey(episode.slug())));
        episode.formerSlugs().forEach(slug -> writes.add(delete(EpisodeMapper.slugKey(slug))));
        tagEntries(episode).keySet().forEach(key -> writes.add(delete(key)));
        transact(writes, List.of(versionConflict()));
    }

    // ---- internals

    /** Tag entries exist only while an episode is released, so a tag listing needs no filter. */
    private static Map<Map<String, AttributeValue>, Map<String, AttributeValue>> tagEntries(Episode e) {
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> entries = new LinkedHashMap<>();
        if (e.status().isReleased()) {
            for (String tag : e.tags()) {
                Map<String, AttributeValue> item = EpisodeMapper.tagEntryItem(tag, e);
                entries.put(Map.of(PK, item.get(PK), SK, item.get(SK)), item);
            }
        }
        return entries;
    }

    private TransactWriteItem putIfAbsent(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder()
                .tableName(table)
                .item(item)
                .conditionExpression("attribute_not_exists(#pk)")
                .expressionAttributeNames(Map.of("#pk", PK))
                .build()).build();
    }

    private TransactWriteItem put(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item).build()).build();
    }

    private TransactWriteItem delete(Map<String, AttributeValue> key) {
        return TransactWriteItem.builder().delete(Delete.builder().tableName(table).key(new HashMap<>(key)).build()).build();
    }

    private static ConflictException versionConflict() {
        return new ConflictException(ConflictException.Reason.VERSION_MISMATCH, "the episode was changed by someone else; read it again");
    }

    /**
     * Runs a transaction. A failed condition on write {@code i} becomes {@code conflicts.get(i)};
     * a clash with a concurrent transaction is retried, because its outcome is not yet known.
     */
    private void transact(List<TransactWriteItem> writes, List<ConflictException> conflicts) {
        for (int attempt = 1; ; attempt++) {
            try {
                call(() -> dynamo.transactWriteItems(r -> r.transactItems(writes)));
                return;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                for (int i = 0; i < reasons.size(); i++) {
                    if ("ConditionalCheckFailed".equals(reasons.get(i).code())) {
                        if (i < conflicts.size()) {
                            throw conflicts.get(i);
                        }
                        throw new IllegalStateException("unexpected condition failure on write " + i, e);
                    }
                }
                boolean clash = reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
                if (!clash || attempt == TRANSACTION_ATTEMPTS) {
                    throw new StoreUnavailableException("transaction cancelled: " + reasons, e);
                }
            }
        }
    }

    /** Maps what the SDK throws after its own retries to what the domain understands. */
    private static <T> T call(Supplier<T> operation) {
        try {
            return operation.get();
        } catch (TransactionCanceledException e) {
            throw e;
        } catch (DynamoDbException e) {
            if (e.isThrottlingException() || e.statusCode() >= 500) {
                throw new StoreUnavailableException("DynamoDB unavailable: " + e.awsErrorDetails().errorCode(), e);
            }
            throw e;
        } catch (SdkClientException e) {
            throw new StoreUnavailableException("DynamoDB unreachable", e);
        }
    }
}
