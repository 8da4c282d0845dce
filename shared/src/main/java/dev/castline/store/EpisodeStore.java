package dev.castline.store;

import dev.castline.domain.TranscriptFile;
import dev.castline.transcript.Transcript;

import static dev.castline.store.TableLayout.LIST_INDEX;
import static dev.castline.store.TableLayout.LIST_PK;
import static dev.castline.store.TableLayout.LIST_SK;
import static dev.castline.store.TableLayout.PK;
import static dev.castline.store.TableLayout.SK;
import static dev.castline.store.TableLayout.s;

import dev.castline.domain.Episode;
import dev.castline.domain.EpisodeRules;
import dev.castline.domain.EpisodeSummary;
import dev.castline.domain.Status;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * One show's episodes in DynamoDB. Speaks the domain: returns {@link Optional} and domain values, and turns
 * SDK failures into {@link ConflictException} (a rule of the data was broken) or
 * {@link StoreUnavailableException} (try again later).
 *
 * <p>Cost of each read, by design: a page of a listing is one Query; an episode by slug is two
 * GetItems (slug, then episode); no read ever Scans.
 */
public final class EpisodeStore {
    private static final int BATCH_GET_LIMIT = 100;
    private static final int BATCH_GET_ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final String table;
    private final TableLayout layout;
    private final EpisodeMapper mapper;
    private final Transactions transactions;
    private final Clock clock;

    /**
     * @param layout the show's keys: this store reads and writes that show's items only
     * @param clock  when writes happen: stamps the feed's last change and tells future publish times
     */
    public EpisodeStore(DynamoDbClient dynamo, String table, TableLayout layout, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.layout = layout;
        this.mapper = new EpisodeMapper(layout);
        this.transactions = new Transactions(dynamo, table);
        this.clock = clock;
    }

    // ---- reads

    /**
     * The public episode at this slug, current or former (the caller can redirect a former one).
     * Empty when there is none, or it is not public at {@code now}.
     */
    public Optional<Episode> findPublicBySlug(String slug, Instant now) {
        // The slug item says when its episode is public: a draft's or a future episode's slug ends
        // here, after one read, exactly as a slug nobody has.
        Optional<Map<String, AttributeValue>> slugItem = slugItem(slug, false);
        if (slugItem.isEmpty() || EpisodeMapper.publicFromOfSlugItem(slugItem.get()).filter(from -> !from.isAfter(now)).isEmpty()) {
            return Optional.empty();
        }
        return findById(EpisodeMapper.episodeIdOfSlugItem(slugItem.get()), false).filter(e -> e.isPublicAt(now));
    }

    /** The episode with this RSS guid, if any (one GetItem for the guid, one for the episode). */
    public Optional<Episode> findByGuid(String guid, boolean consistent) {
        GetItemResponse response = DynamoCalls.call(() -> dynamo.getItem(r -> r.tableName(table)
                .key(layout.guidKey(guid)).consistentRead(consistent)));
        if (!response.hasItem() || response.item().isEmpty()) {
            return Optional.empty();
        }
        return findById(EpisodeMapper.episodeIdOfSlugItem(response.item()), consistent);
    }

    /**
     * {@link #findPublicBySlug} with the episode's transcript: the slug's item, then one Query of
     * the episode's partition.
     */
    public Optional<WithTranscript> findPublicWithTranscriptBySlug(String slug, Instant now) {
        Optional<Map<String, AttributeValue>> slugItem = slugItem(slug, false);
        if (slugItem.isEmpty() || EpisodeMapper.publicFromOfSlugItem(slugItem.get()).filter(from -> !from.isAfter(now)).isEmpty()) {
            return Optional.empty();
        }
        return findWithTranscript(EpisodeMapper.episodeIdOfSlugItem(slugItem.get()), false).filter(w -> w.episode().isPublicAt(now));
    }

    public Optional<Episode> findBySlug(String slug, boolean consistent) {
        return slugItem(slug, consistent).flatMap(item -> findById(EpisodeMapper.episodeIdOfSlugItem(item), consistent));
    }

    /** Whether an episode has this slug, now or as a former one (reserved for its redirect): one strongly consistent GetItem. */
    public boolean isSlugTaken(String slug) {
        return slugItem(slug, true).isPresent();
    }

    private Optional<Map<String, AttributeValue>> slugItem(String slug, boolean consistent) {
        GetItemResponse response = DynamoCalls.call(() -> dynamo.getItem(r -> r.tableName(table)
                .key(layout.slugKey(slug)).consistentRead(consistent)));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    public Optional<Episode> findById(String id, boolean consistent) {
        GetItemResponse response = DynamoCalls.call(() -> dynamo.getItem(r -> r.tableName(table)
                .key(layout.episodeKey(id)).consistentRead(consistent)));
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
                        ":pk", s(tag.map(layout::tagPartition).orElse(layout.releasedPartition())),
                        ":upper", s(TableLayout.publicUpperBound(now))));
        if (tag.isPresent()) {
            query.expressionAttributeNames(Map.of("#pk", PK, "#sk", SK));
            resumeAfter.ifPresent(sk -> query.exclusiveStartKey(layout.tagEntryKey(tag.get(), sk)));
        } else {
            query.indexName(LIST_INDEX).expressionAttributeNames(Map.of("#pk", LIST_PK, "#sk", LIST_SK));
            resumeAfter.ifPresent(sk -> query.exclusiveStartKey(layout.listIndexStartKey(sk)));
        }
        return page(DynamoCalls.call(() -> dynamo.query(query.build())), limit, tag.isPresent() ? SK : LIST_SK);
    }

    /** The public episodes either side of one in the public list: the one just older, the one just newer. */
    public record Neighbours(Optional<EpisodeSummary> older, Optional<EpisodeSummary> newer) {
        public static final Neighbours NONE = new Neighbours(Optional.empty(), Optional.empty());
    }

    /**
     * The public episode just before the one released at {@code publishAt} with this id, in the
     * public list: a one-item Query on the listing index, which holds the summary fields.
     */
    public Optional<EpisodeSummary> olderThan(Instant publishAt, String id) {
        QueryRequest older = QueryRequest.builder().tableName(table).indexName(LIST_INDEX)
                .scanIndexForward(false).limit(1)
                .keyConditionExpression("#pk = :pk AND #sk < :at")
                .expressionAttributeNames(Map.of("#pk", LIST_PK, "#sk", LIST_SK))
                .expressionAttributeValues(Map.of(":pk", s(layout.releasedPartition()), ":at", s(TableLayout.sortKey(publishAt, id))))
                .build();
        return page(DynamoCalls.call(() -> dynamo.query(older)), 1, LIST_SK).items().stream().findFirst();
    }

    /** The public episode (public at {@code now}) just after the one released at {@code publishAt} with this id: one Query. */
    public Optional<EpisodeSummary> newerThan(Instant publishAt, String id, Instant now) {
        QueryRequest newer = QueryRequest.builder().tableName(table).indexName(LIST_INDEX)
                .scanIndexForward(true).limit(1)
                .keyConditionExpression("#pk = :pk AND #sk BETWEEN :at AND :upper")
                .expressionAttributeNames(Map.of("#pk", LIST_PK, "#sk", LIST_SK))
                .expressionAttributeValues(Map.of(":pk", s(layout.releasedPartition()),
                        // BETWEEN is inclusive: start just past this episode's own key (ids never hold a space).
                        ":at", s(TableLayout.sortKey(publishAt, id) + " "), ":upper", s(TableLayout.publicUpperBound(now))))
                .build();
        return page(DynamoCalls.call(() -> dynamo.query(newer)), 1, LIST_SK).items().stream().findFirst();
    }

    /**
     * The host's view: episodes by status, one Query per page. Drafts newest-created first,
     * scheduled ones soonest first, published ones newest first.
     */
    public Page<EpisodeSummary> listByStatus(Status status, int limit, Optional<String> resumeAfter, Instant now) {
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).limit(limit + 1);
        switch (status) {
            case DRAFT -> {
                query.indexName(TableLayout.DRAFT_INDEX).scanIndexForward(false)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", TableLayout.DRAFT_PK))
                        .expressionAttributeValues(Map.of(":pk", s(layout.draftsPartition())));
                resumeAfter.ifPresent(sk -> query.exclusiveStartKey(layout.draftIndexStartKey(sk)));
            }
            case SCHEDULED -> {
                String bound = TableLayout.publicUpperBound(now);
                query.indexName(LIST_INDEX).scanIndexForward(true)
                        .keyConditionExpression("#pk = :pk AND #sk > :bound")
                        .expressionAttributeNames(Map.of("#pk", LIST_PK, "#sk", LIST_SK))
                        .expressionAttributeValues(Map.of(":pk", s(layout.releasedPartition()), ":bound", s(bound)));
                // A cursor whose episode has come due since lies below the range: start at the range's edge.
                resumeAfter.filter(sk -> sk.compareTo(bound) > 0)
                        .ifPresent(sk -> query.exclusiveStartKey(layout.listIndexStartKey(sk)));
            }
            case PUBLISHED -> {
                return listPublic(Optional.empty(), limit, resumeAfter, now);
            }
        }
        return page(DynamoCalls.call(() -> dynamo.query(query.build())), limit,
                status == Status.DRAFT ? TableLayout.DRAFT_SK : LIST_SK);
    }

    /**
     * A page from a Query asked for {@code limit + 1} items: if the extra one came back (or DynamoDB
     * stopped at its 1 MB page), more follow, and the page resumes after its last item's sort key.
     */
    private static Page<EpisodeSummary> page(QueryResponse response, int limit, String sortKeyAttribute) {
        List<EpisodeSummary> items = new ArrayList<>(Math.min(limit, response.count()));
        String lastSortKey = null;
        for (Map<String, AttributeValue> item : response.items()) {
            if (items.size() == limit) {
                break;
            }
            items.add(EpisodeMapper.summary(item));
            lastSortKey = item.get(sortKeyAttribute).s();
        }
        boolean more = response.count() > limit || (response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty());
        return new Page<>(items, more && lastSortKey != null ? Optional.of(lastSortKey) : Optional.empty());
    }

    /**
     * Every public episode in full, newest first: what the feed is made of. One Query per 1 MB of
     * the listing index (keys only), then one BatchGetItem per 100 episodes. Only a feed whose
     * validators changed pays this; a conditional poll never gets here.
     */
    public List<Episode> allPublicEpisodes(Instant now) {
        return allPublicEpisodes(now, true);
    }

    /**
     * As {@link #allPublicEpisodes(Instant)}, reading only what the feed shows (not the Markdown
     * source of the notes, former slugs or a pending upload), strongly consistent or not: outside
     * the moment right after a change, an eventually consistent read sees the same data for half
     * the read units.
     */
    public List<Episode> allPublicEpisodes(Instant now, boolean consistent) {
        List<String> ids = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> exclusiveStart = start;
            QueryResponse page = DynamoCalls.call(() -> dynamo.query(r -> r.tableName(table)
                    .indexName(LIST_INDEX)
                    .scanIndexForward(false)
                    .keyConditionExpression("#pk = :pk AND #sk < :upper")
                    .projectionExpression("#sk")
                    .expressionAttributeNames(Map.of("#pk", LIST_PK, "#sk", LIST_SK))
                    .expressionAttributeValues(Map.of(":pk", s(layout.releasedPartition()), ":upper", s(TableLayout.publicUpperBound(now))))
                    .exclusiveStartKey(exclusiveStart)));
            page.items().forEach(item -> ids.add(TableLayout.idOfSortKey(item.get(LIST_SK).s())));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);

        Map<String, Episode> byId = new HashMap<>();
        for (int from = 0; from < ids.size(); from += BATCH_GET_LIMIT) {
            List<Map<String, AttributeValue>> keys = new ArrayList<>();
            for (String id : ids.subList(from, Math.min(ids.size(), from + BATCH_GET_LIMIT))) {
                keys.add(layout.episodeKey(id));
            }
            batchGet(keys, consistent).forEach(item -> {
                Episode e = EpisodeMapper.episode(item);
                byId.put(e.id(), e);
            });
        }
        List<Episode> episodes = new ArrayList<>(ids.size());
        for (String id : ids) {
            Episode e = byId.get(id);
            // Between the Query and the reads an episode may have been unpublished or deleted.
            if (e != null && e.isPublicAt(now)) {
                episodes.add(e);
            }
        }
        return episodes;
    }

    /** BatchGetItem, asking again for what DynamoDB left unprocessed (it may, under load). */
    private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys, boolean consistent) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).consistentRead(consistent)
                .projectionExpression(EpisodeMapper.FEED_PROJECTION).expressionAttributeNames(EpisodeMapper.FEED_PROJECTION_NAMES)
                .build());
        for (int attempt = 1; !request.isEmpty(); attempt++) {
            if (attempt > BATCH_GET_ATTEMPTS) {
                throw new StoreUnavailableException("DynamoDB left keys unprocessed " + BATCH_GET_ATTEMPTS + " times", null);
            }
            Map<String, KeysAndAttributes> current = request;
            BatchGetItemResponse response = DynamoCalls.call(() -> dynamo.batchGetItem(r -> r.requestItems(current)));
            items.addAll(response.responses().getOrDefault(table, List.of()));
            request = response.hasUnprocessedKeys() ? response.unprocessedKeys() : Map.of();
            if (!request.isEmpty()) {
                sleepBeforeRetry(attempt);
            }
        }
        return items;
    }

    private static void sleepBeforeRetry(int attempt) {
        try {
            Thread.sleep(50L << Math.min(attempt, 5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while retrying", e);
        }
    }

    // ---- writes: each one transaction, each conditional

    /** Stores a new episode and reserves its slug; the database, not a prior read, refuses a taken slug. */
    public Episode create(Episode episode) {
        EpisodeRules.validate(episode);
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(transactions.putIfAbsent(mapper.slugItem(episode.slug(), episode)));
        writes.add(transactions.putIfAbsent(mapper.episodeItem(episode)));
        writes.add(transactions.putIfAbsent(mapper.guidItem(episode)));
        tagEntries(episode).values().forEach(item -> writes.add(transactions.put(item)));
        feedChange(null, episode).ifPresent(writes::add);
        transactions.run(writes, List.of(
                new ConflictException(ConflictException.Reason.SLUG_TAKEN, "slug is already in use"),
                new ConflictException(ConflictException.Reason.ID_TAKEN, "an episode with this id exists"),
                new ConflictException(ConflictException.Reason.GUID_TAKEN, "an episode with this guid exists")));
        return episode;
    }

    /**
     * {@link #update(Episode, Episode)} with {@code changes} at the next version, stamped with this
     * store's clock to the second: what every edit does.
     */
    public Episode update(Episode previous, Episode.Builder changes) {
        return update(previous, changes.version(previous.version() + 1).updatedAt(clock.instant().truncatedTo(ChronoUnit.SECONDS)).build());
    }

    /**
     * Replaces {@code previous} with {@code next}, only if the stored version is still
     * {@code previous.version()}: a lost update is impossible. A new slug is reserved in the same
     * transaction; the old one stays reserved for this episode (see {@link Episode#formerSlugs}).
     */
    public Episode update(Episode previous, Episode next) {
        return update(previous, next, List.of());
    }

    /** {@link #update(Episode, Episode)}, with more writes in the same transaction. */
    private Episode update(Episode previous, Episode next, List<TransactWriteItem> alongside) {
        EpisodeRules.validate(next);
        if (!previous.id().equals(next.id()) || next.version() != previous.version() + 1) {
            throw new IllegalArgumentException("next must be the same episode at the following version");
        }
        List<TransactWriteItem> writes = new ArrayList<>();
        List<ConflictException> conflicts = new ArrayList<>();
        writes.add(transactions.putIfVersion(mapper.episodeItem(next), EpisodeMapper.VERSION, previous.version()));
        conflicts.add(versionConflict());
        boolean newSlug = !next.slug().equals(previous.slug()) && !previous.formerSlugs().contains(next.slug());
        if (newSlug) {
            writes.add(transactions.putIfAbsent(mapper.slugItem(next.slug(), next)));
            conflicts.add(new ConflictException(ConflictException.Reason.SLUG_TAKEN, "slug is already in use"));
        }
        // Every slug the episode holds says when it is public: rewritten when that changes.
        boolean releaseMoved = previous.status().isReleased() != next.status().isReleased()
                || !java.util.Objects.equals(previous.publishAt(), next.publishAt());
        if (releaseMoved || !next.slug().equals(previous.slug())) {
            if (!newSlug) {
                writes.add(transactions.put(mapper.slugItem(next.slug(), next)));
            }
            for (String former : next.formerSlugs()) {
                writes.add(transactions.put(mapper.slugItem(former, next)));
            }
        }
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> newEntries = tagEntries(next);
        for (Map<String, AttributeValue> oldKey : tagEntries(previous).keySet()) {
            if (!newEntries.containsKey(oldKey)) {
                writes.add(transactions.delete(oldKey));
            }
        }
        newEntries.values().forEach(item -> writes.add(transactions.put(item)));
        feedChange(previous, next).ifPresent(writes::add);
        writes.addAll(alongside);
        transactions.run(writes, conflicts);
        return next;
    }

    /**
     * Gives the episode this transcript (or none), stored as {@code parts} beside its item, in one
     * transaction with the episode's new version: the old transcript's parts go in the same write,
     * so a reader never sees an episode pointing at parts that are not all there.
     */
    public Episode replaceTranscript(Episode previous, TranscriptFile file, List<byte[]> parts) {
        if ((file == null) != parts.isEmpty() || (file != null && file.parts() != parts.size())) {
            throw new IllegalArgumentException("a transcript comes with exactly its parts");
        }
        if (file != null && previous.transcript() != null && file.id().equals(previous.transcript().id())) {
            throw new IllegalArgumentException("a new transcript has a new id");
        }
        Episode next = previous.toBuilder().transcript(file).version(previous.version() + 1)
                .updatedAt(clock.instant().truncatedTo(ChronoUnit.SECONDS)).build();
        List<TransactWriteItem> writes = new ArrayList<>(transcriptPartDeletes(previous));
        for (int n = 0; n < parts.size(); n++) {
            Map<String, AttributeValue> item = new HashMap<>(layout.transcriptPartKey(previous.id(), file.id(), n));
            item.put(TableLayout.ENTITY, s("transcript"));
            item.put("data", AttributeValue.fromB(software.amazon.awssdk.core.SdkBytes.fromByteArray(parts.get(n))));
            writes.add(transactions.put(item));
        }
        return update(previous, next, writes);
    }

    private List<TransactWriteItem> transcriptPartDeletes(Episode episode) {
        List<TransactWriteItem> deletes = new ArrayList<>();
        if (episode.transcript() != null) {
            for (int n = 0; n < episode.transcript().parts(); n++) {
                deletes.add(transactions.delete(layout.transcriptPartKey(episode.id(), episode.transcript().id(), n)));
            }
        }
        return deletes;
    }

    /** An episode with its transcript, when it has one, as one Query of the episode's partition read them. */
    public record WithTranscript(Episode episode, Optional<Transcript> transcript) {
    }

    /**
     * The episode and its transcript in one Query of its partition (its item and its transcript's
     * parts sort side by side); empty when there is no such episode.
     */
    public Optional<WithTranscript> findWithTranscript(String id, boolean consistent) {
        Map<String, AttributeValue> key = layout.episodeKey(id);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse response = DynamoCalls.call(() -> dynamo.query(r -> r.tableName(table).consistentRead(consistent)
                    .keyConditionExpression("#pk = :pk").expressionAttributeNames(Map.of("#pk", PK))
                    .expressionAttributeValues(Map.of(":pk", key.get(PK))).exclusiveStartKey(from)));
            items.addAll(response.items());
            start = response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
        } while (start != null);
        Optional<Episode> episode = items.stream().filter(i -> key.get(SK).equals(i.get(SK))).findFirst().map(EpisodeMapper::episode);
        if (episode.isEmpty()) {
            return Optional.empty();
        }
        TranscriptFile file = episode.get().transcript();
        if (file == null) {
            return Optional.of(new WithTranscript(episode.get(), Optional.empty()));
        }
        String prefix = TableLayout.transcriptPartPrefix(file.id());
        List<byte[]> parts = items.stream().filter(i -> i.get(SK).s().startsWith(prefix))
                .sorted(java.util.Comparator.comparing(i -> i.get(SK).s()))
                .map(i -> i.get("data").b().asByteArray()).toList();
        if (parts.size() != file.parts()) {
            // An eventually consistent read caught the transaction half-visible: the episode as it is, without the text yet.
            return Optional.of(new WithTranscript(episode.get(), Optional.empty()));
        }
        return Optional.of(new WithTranscript(episode.get(), Optional.of(TranscriptParts.decode(parts))));
    }

    /** Removes the episode, every slug it held and its tag entries, if it is still at {@code episode.version()}. */
    public void delete(Episode episode) {
        List<TransactWriteItem> writes = new ArrayList<>();
        writes.add(transactions.deleteIfVersion(layout.episodeKey(episode.id()), EpisodeMapper.VERSION, episode.version()));
        writes.add(transactions.delete(layout.slugKey(episode.slug())));
        writes.add(transactions.delete(layout.guidKey(episode.guid())));
        writes.addAll(transcriptPartDeletes(episode));
        episode.formerSlugs().forEach(slug -> writes.add(transactions.delete(layout.slugKey(slug))));
        tagEntries(episode).keySet().forEach(key -> writes.add(transactions.delete(key)));
        feedChange(episode, null).ifPresent(writes::add);
        transactions.run(writes, List.of(versionConflict()));
    }

    // ---- internals

    /**
     * The show item's part of a write that changes the feed (the episode was or becomes released):
     * the feed's version goes up and its change time is stamped, and the episode's publish time is
     * recorded while it lies in the future, so the feed's validators change when it comes due.
     * Drafts never touch the feed.
     */
    private Optional<TransactWriteItem> feedChange(Episode previous, Episode next) {
        boolean wasReleased = previous != null && previous.status().isReleased();
        boolean isReleased = next != null && next.status().isReleased();
        if (!wasReleased && !isReleased) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String id = next != null ? next.id() : previous.id();
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        ShowMapper.feedMoved(names, values, now);
        names.put("#scheduled", ShowMapper.scheduledAttribute(id));
        String add = ShowMapper.FEED_MOVED_ADD;
        if (wasReleased != isReleased) {
            names.put("#released", ShowMapper.RELEASED_COUNT);
            values.put(":released", TableLayout.n(isReleased ? 1 : -1));
            add += ", #released :released";
        }
        String expression;
        if (isReleased && next.publishAt().isAfter(now)) {
            values.put(":at", s(next.publishAt().toString()));
            expression = "SET " + ShowMapper.FEED_MOVED_SET + ", #scheduled = :at " + add;
        } else {
            expression = "SET " + ShowMapper.FEED_MOVED_SET + " REMOVE #scheduled " + add;
        }
        return Optional.of(TransactWriteItem.builder().update(Update.builder()
                .tableName(table)
                .key(layout.showKey())
                .updateExpression(expression)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build()).build());
    }

    /** Tag entries exist only while an episode is released, so a tag listing needs no filter. */
    private Map<Map<String, AttributeValue>, Map<String, AttributeValue>> tagEntries(Episode e) {
        Map<Map<String, AttributeValue>, Map<String, AttributeValue>> entries = new LinkedHashMap<>();
        if (e.status().isReleased()) {
            for (String tag : e.tags()) {
                Map<String, AttributeValue> item = mapper.tagEntryItem(tag, e);
                entries.put(Map.of(PK, item.get(PK), SK, item.get(SK)), item);
            }
        }
        return entries;
    }

    private static ConflictException versionConflict() {
        return new ConflictException(ConflictException.Reason.VERSION_MISMATCH, "the episode was changed by someone else; read it again");
    }
}
