package dev.castline.functions.downloads;

import dev.castline.store.DownloadStats;
import dev.castline.store.TableLayout;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * What counting keeps in the table, and how a log file's tally reaches it exactly once however
 * often, in whatever order and however concurrently files are delivered.
 *
 * <pre>
 * item            PK                                      SK          attributes
 * listener state  SHOW#{show}#LISTEN#{date}#{listener}    EP#{id}     ranges | counted+countedBy, firstAt, app, country, version, ttl
 * daily salt      SHOW#{show}#SALT#{date}                 SALT        salt (32 random bytes), ttl
 * file part       SHOW#{show}#LOGFILE#{file}              PART#{n}    ttl: this file's counts of part n were added
 * </pre>
 * (and the daily counts of {@link DownloadStats}).
 *
 * <ol>
 *   <li>Each listener-file-day of the file is merged into its state item: one conditional put
 *       (on {@code version}) when it adds bytes, none when it adds nothing (a file read twice);
 *       a lost race re-reads and merges again. A state that reaches the minute becomes
 *       {@code counted}, naming the file that made it so, and never changes again.</li>
 *   <li>The file then adds the downloads it made (the states it counted) to the daily counts, in
 *       transactions that each also create one part marker of this file: a part applied once
 *       fails its marker's condition on any later delivery or retry, and adds nothing.</li>
 * </ol>
 * A failure anywhere is thrown, so Lambda runs the whole file again: what was written stays
 * correct, and the file's downloads, decided by the states, come out the same.
 *
 * <p>States, salts and markers expire with DynamoDB's TTL ({@code ttl}) {@value #KEEP_DAYS} days
 * after their day: logs delayed longer than that are not counted (CloudFront delays some by up
 * to 24 hours).
 */
public final class DownloadLedger implements ListenerIds.Salts {
    static final int KEEP_DAYS = 4;
    static final String TTL = "ttl";
    private static final String ENTITY = "entity";
    private static final String RANGES = "ranges";
    private static final String COUNTED = "counted";
    private static final String COUNTED_BY = "countedBy";
    private static final String FIRST_AT = "firstAt";
    private static final String APP = "app";
    private static final String COUNTRY = "country";
    private static final String VERSION = "version";
    private static final String SALT = "salt";
    private static final int TRANSACTION_ITEMS = 100;
    private static final int ATTEMPTS = 8;

    /** What one file's audio holds: its size, and the bytes that make a download. */
    public record FileFacts(long bytes, long minuteBytes) {
    }

    /** A download this file counted: the day (of the listener's first request), episode, app and country. */
    public record Download(String day, String episodeId, String app, String country) {
    }

    /** What applying a file did. */
    public record Outcome(int entries, int stateWrites, List<Download> downloads, int partsApplied, int partsAlreadyApplied) {
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final TableLayout layout;
    private final String prefix;
    private final Clock clock;
    private final ExecutorService writers;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, byte[]> salts = new ConcurrentHashMap<>();

    public DownloadLedger(DynamoDbClient dynamo, String table, TableLayout layout, Clock clock, ExecutorService writers) {
        this.dynamo = dynamo;
        this.table = table;
        this.layout = layout;
        this.prefix = "SHOW#" + layout.showId();
        this.clock = clock;
        this.writers = writers;
    }

    // ---- salts

    @Override
    public byte[] forDay(String day) {
        return salts.computeIfAbsent(day, this::loadOrMakeSalt).clone();
    }

    private byte[] loadOrMakeSalt(String day) {
        Map<String, AttributeValue> key = Map.of(TableLayout.PK, s(prefix + "#SALT#" + day), TableLayout.SK, s("SALT"));
        for (int attempt = 0; attempt < 3; attempt++) {
            Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
            if (item != null && item.containsKey(SALT)) {
                return item.get(SALT).b().asByteArray();
            }
            byte[] salt = new byte[32];
            random.nextBytes(salt);
            Map<String, AttributeValue> fresh = new HashMap<>(key);
            fresh.put(ENTITY, s("salt"));
            fresh.put(SALT, AttributeValue.fromB(SdkBytes.fromByteArray(salt)));
            fresh.put(TTL, n(expiry(day)));
            try {
                dynamo.putItem(PutItemRequest.builder().tableName(table).item(fresh)
                        .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", TableLayout.PK)).build());
                return salt;
            } catch (ConditionalCheckFailedException madeMeanwhile) {
                // another file made it first: read theirs
            }
        }
        throw new IllegalStateException("no salt for " + day);
    }

    // ---- applying a file

    /**
     * Applies one file's tally. {@code facts} says, for an entry's episode and key, the file it is
     * (empty: not the episode's current audio, or no such episode: the entry is left out).
     */
    public Outcome apply(String fileId, Collection<ListenerTally.Entry> entries, Function<ListenerTally.Entry, Optional<FileFacts>> facts) {
        List<ListenerTally.Entry> known = new ArrayList<>();
        Map<ListenerTally.Entry, FileFacts> factsOf = new HashMap<>();
        for (ListenerTally.Entry e : entries) {
            facts.apply(e).ifPresent(f -> {
                known.add(e);
                factsOf.put(e, f);
            });
        }
        Map<String, Map<String, AttributeValue>> states = readStates(known);
        AtomicLong writes = new AtomicLong();
        List<CompletableFuture<Optional<Download>>> merged = new ArrayList<>(known.size());
        for (ListenerTally.Entry e : known) {
            Map<String, AttributeValue> state = states.get(id(stateKey(e)));
            merged.add(CompletableFuture.supplyAsync(() -> merge(fileId, e, factsOf.get(e), state, writes), writers));
        }
        List<Download> downloads = new ArrayList<>();
        for (CompletableFuture<Optional<Download>> f : merged) {
            f.join().ifPresent(downloads::add);
        }
        int[] parts = addCounts(fileId, downloads);
        return new Outcome(known.size(), (int) writes.get(), downloads, parts[0], parts[1]);
    }

    private Optional<Download> merge(String fileId, ListenerTally.Entry e, FileFacts facts, Map<String, AttributeValue> state, AtomicLong writes) {
        Map<String, AttributeValue> key = stateKey(e);
        Map<String, AttributeValue> current = state;
        ByteRanges mine = e.ranges().upTo(facts.bytes() - 1);
        for (int attempt = 0; ; attempt++) {
            if (current != null && bool(current.get(COUNTED))) {
                return fileId.equals(str(current, COUNTED_BY)) ? Optional.of(download(e.day(), e.episodeId(), current)) : Optional.empty();
            }
            ByteRanges before = current == null ? ByteRanges.EMPTY : ByteRanges.decode(str(current, RANGES));
            ByteRanges after = before.union(mine);
            if (current != null && after.equals(before)) {
                return Optional.empty();
            }
            boolean earlier = current == null || e.firstAt() < Long.parseLong(current.get(FIRST_AT).n());
            boolean counted = after.covered() >= facts.minuteBytes();
            Map<String, AttributeValue> next = new HashMap<>(key);
            next.put(ENTITY, s("listen"));
            next.put(FIRST_AT, earlier ? n(e.firstAt()) : current.get(FIRST_AT));
            putIfPresent(next, APP, earlier ? e.app() : str(current, APP));
            putIfPresent(next, COUNTRY, earlier ? e.country() : str(current, COUNTRY));
            long version = current == null ? 0 : Long.parseLong(current.get(VERSION).n());
            next.put(VERSION, n(version + 1));
            next.put(TTL, n(expiry(e.day())));
            if (counted) {
                next.put(COUNTED, AttributeValue.fromBool(true));
                next.put(COUNTED_BY, s(fileId));
            } else {
                next.put(RANGES, s(after.encode()));
            }
            PutItemRequest.Builder put = PutItemRequest.builder().tableName(table).item(next);
            if (current == null) {
                put.conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", TableLayout.PK));
            } else {
                put.conditionExpression("#v = :v").expressionAttributeNames(Map.of("#v", VERSION))
                        .expressionAttributeValues(Map.of(":v", n(version)));
            }
            try {
                writes.incrementAndGet();
                dynamo.putItem(put.build());
                return counted ? Optional.of(download(e.day(), e.episodeId(), next)) : Optional.empty();
            } catch (ConditionalCheckFailedException raced) {
                if (attempt >= ATTEMPTS) {
                    throw raced;
                }
                Map<String, AttributeValue> reread = dynamo.getItem(r -> r.tableName(table).key(key).consistentRead(true)).item();
                current = reread == null || reread.isEmpty() ? null : reread;
            }
        }
    }

    private static Download download(String day, String episodeId, Map<String, AttributeValue> state) {
        return new Download(day, episodeId, str(state, APP), str(state, COUNTRY));
    }

    /** The current states of these entries, by consistent BatchGetItem (100 keys a request). */
    private Map<String, Map<String, AttributeValue>> readStates(List<ListenerTally.Entry> entries) {
        Map<String, Map<String, AttributeValue>> states = new HashMap<>();
        Map<String, Map<String, AttributeValue>> keys = new java.util.LinkedHashMap<>();
        for (ListenerTally.Entry e : entries) {
            Map<String, AttributeValue> key = stateKey(e);
            keys.put(id(key), key);
        }
        List<Map<String, AttributeValue>> all = new ArrayList<>(keys.values());
        for (int i = 0; i < all.size(); i += 100) {
            Map<String, KeysAndAttributes> request = Map.of(table,
                    KeysAndAttributes.builder().keys(all.subList(i, Math.min(all.size(), i + 100))).consistentRead(true).build());
            while (request != null && !request.isEmpty()) {
                Map<String, KeysAndAttributes> pending = request;
                BatchGetItemResponse response = dynamo.batchGetItem(r -> r.requestItems(pending));
                for (Map<String, AttributeValue> item : response.responses().getOrDefault(table, List.of())) {
                    states.put(id(item), item);
                }
                request = response.hasUnprocessedKeys() && !response.unprocessedKeys().isEmpty() ? response.unprocessedKeys() : null;
            }
        }
        return states;
    }

    // ---- the daily counts

    /** @return {parts applied now, parts found applied before} */
    private int[] addCounts(String fileId, List<Download> downloads) {
        Map<Map<String, AttributeValue>, Map<String, Long>> adds = new TreeMap<>(DownloadLedger::compareKeys);
        for (Download d : downloads) {
            String statsPk = DownloadStats.showPartition(layout);
            Map<String, Long> day = adds.computeIfAbsent(key(statsPk, DownloadStats.daySortKey(d.day())), k -> new TreeMap<>());
            Map<String, Long> dayEpisode = adds.computeIfAbsent(key(statsPk, DownloadStats.dayEpisodeSortKey(d.day(), d.episodeId())), k -> new TreeMap<>());
            Map<String, Long> episodeDay = adds.computeIfAbsent(key(DownloadStats.episodePartition(layout, d.episodeId()), DownloadStats.daySortKey(d.day())),
                    k -> new TreeMap<>());
            for (Map<String, Long> counts : List.of(day, episodeDay)) {
                counts.merge(DownloadStats.DOWNLOADS, 1L, Long::sum);
                counts.merge(DownloadStats.APP_PREFIX + (d.app() == null ? UserAgents.OTHER : d.app()), 1L, Long::sum);
                if (d.country() != null) {
                    counts.merge(DownloadStats.COUNTRY_PREFIX + d.country(), 1L, Long::sum);
                }
            }
            dayEpisode.merge(DownloadStats.DOWNLOADS, 1L, Long::sum);
        }
        List<Map.Entry<Map<String, AttributeValue>, Map<String, Long>>> ops = new ArrayList<>(adds.entrySet());
        int applied = 0;
        int before = 0;
        for (int part = 0, from = 0; from < ops.size(); part++, from += TRANSACTION_ITEMS - 1) {
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(marker(fileId, part));
            for (var op : ops.subList(from, Math.min(ops.size(), from + TRANSACTION_ITEMS - 1))) {
                items.add(add(op.getKey(), op.getValue()));
            }
            if (run(items)) {
                applied++;
            } else {
                before++;
            }
        }
        return new int[] {applied, before};
    }

    private TransactWriteItem marker(String fileId, int part) {
        Map<String, AttributeValue> item = new HashMap<>(key(prefix + "#LOGFILE#" + fileId, "PART#" + part));
        item.put(ENTITY, s("logfile"));
        item.put(TTL, n(clock.instant().getEpochSecond() + 7 * 86_400L));
        return TransactWriteItem.builder().put(Put.builder().tableName(table).item(item)
                .conditionExpression("attribute_not_exists(#pk)").expressionAttributeNames(Map.of("#pk", TableLayout.PK)).build()).build();
    }

    private TransactWriteItem add(Map<String, AttributeValue> key, Map<String, Long> counts) {
        StringBuilder expression = new StringBuilder("SET #entity = :entity ADD ");
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        names.put("#entity", ENTITY);
        values.put(":entity", s("stats"));
        int i = 0;
        for (var count : counts.entrySet()) {
            if (i > 0) {
                expression.append(", ");
            }
            expression.append("#a").append(i).append(" :a").append(i);
            names.put("#a" + i, count.getKey());
            values.put(":a" + i, n(count.getValue()));
            i++;
        }
        return TransactWriteItem.builder().update(Update.builder().tableName(table).key(key).updateExpression(expression.toString())
                .expressionAttributeNames(names).expressionAttributeValues(values).build()).build();
    }

    /** @return true if applied now, false if this part's marker was there already */
    private boolean run(List<TransactWriteItem> items) {
        for (int attempt = 1; ; attempt++) {
            try {
                dynamo.transactWriteItems(r -> r.transactItems(items));
                return true;
            } catch (TransactionCanceledException e) {
                List<CancellationReason> reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.of();
                if (!reasons.isEmpty() && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                    return false;
                }
                boolean clash = reasons.stream().anyMatch(r -> "TransactionConflict".equals(r.code()));
                if (!clash || attempt == ATTEMPTS * 2) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(Math.min(1000, (long) (10 * Math.pow(2, attempt) * (0.5 + random.nextDouble()))));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    // ---- helpers

    private Map<String, AttributeValue> stateKey(ListenerTally.Entry e) {
        return key(prefix + "#LISTEN#" + e.day() + "#" + e.listener(), "EP#" + e.episodeId());
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(TableLayout.PK, s(pk), TableLayout.SK, s(sk));
    }

    private static String id(Map<String, AttributeValue> key) {
        return key.get(TableLayout.PK).s() + "\n" + key.get(TableLayout.SK).s();
    }

    private static int compareKeys(Map<String, AttributeValue> a, Map<String, AttributeValue> b) {
        return id(a).compareTo(id(b));
    }

    /** When a day's items may go: {@value #KEEP_DAYS} days after the day ends. */
    static long expiry(String day) {
        return (LocalDate.parse(day).toEpochDay() + 1 + KEEP_DAYS) * 86_400L;
    }

    private static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    private static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }

    private static String str(Map<String, AttributeValue> item, String name) {
        AttributeValue v = item.get(name);
        return v == null ? null : v.s();
    }

    private static boolean bool(AttributeValue v) {
        return v != null && Boolean.TRUE.equals(v.bool());
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }
}
