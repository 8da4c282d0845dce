package dev.castline.store;

import dev.castline.domain.Episode;
import dev.castline.transcript.Transcript;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * What a listener's page of one episode reads, in two round trips of at most four requests:
 * <ol>
 *   <li>one BatchGetItem of the slug's item and the show's item (an unknown slug, a draft's or a
 *       future episode's ends here, with the show for the "not found" page);</li>
 *   <li>in parallel, the episode's partition (one Query: its item and its transcript's parts) and,
 *       when asked, its two neighbours in the public list (two one-item Queries), found from the
 *       slug item's release time and episode id.</li>
 * </ol>
 * All eventually consistent, like every public read.
 */
public final class EpisodePageReads {
    private static final int BATCH_ATTEMPTS = 4;

    /** What the page shows: the show item, the public episode at the slug if any, its neighbours. */
    public record Read(ShowStore.Snapshot show, Optional<Episode> episode, EpisodeStore.Neighbours neighbours,
                       Optional<Transcript> transcript) {
        public Read(ShowStore.Snapshot show, Optional<Episode> episode, EpisodeStore.Neighbours neighbours) {
            this(show, episode, neighbours, Optional.empty());
        }
    }

    private final DynamoDbClient dynamo;
    private final String table;
    private final TableLayout layout;
    private final EpisodeStore episodes;

    public EpisodePageReads(DynamoDbClient dynamo, String table, TableLayout layout, EpisodeStore episodes) {
        this.dynamo = dynamo;
        this.table = table;
        this.layout = layout;
        this.episodes = episodes;
    }

    /**
     * The show, and the episode public at {@code now} at this slug (current or former: the caller
     * redirects a former one) with, if {@code withNeighbours}, the public episodes either side.
     */
    public Read read(String slug, Instant now, boolean withNeighbours) {
        Map<String, AttributeValue> slugKey = layout.slugKey(slug);
        Map<String, AttributeValue> showKey = layout.showKey();
        Map<String, AttributeValue> slugItem = null;
        Map<String, AttributeValue> showItem = null;
        for (Map<String, AttributeValue> item : batchGet(List.of(slugKey, showKey))) {
            if (sameKey(item, slugKey)) {
                slugItem = item;
            } else if (sameKey(item, showKey)) {
                showItem = item;
            }
        }
        ShowStore.Snapshot show = ShowStore.snapshot(showItem);
        Optional<Instant> publicFrom = slugItem == null ? Optional.empty()
                : EpisodeMapper.publicFromOfSlugItem(slugItem).filter(from -> !from.isAfter(now));
        if (publicFrom.isEmpty()) {
            return new Read(show, Optional.empty(), EpisodeStore.Neighbours.NONE);
        }
        String id = EpisodeMapper.episodeIdOfSlugItem(slugItem);
        CompletableFuture<Optional<EpisodeStore.WithTranscript>> episode = SideBySide.start(
                () -> episodes.findWithTranscript(id, false).filter(w -> w.episode().isPublicAt(now)));
        if (!withNeighbours) {
            return read(show, SideBySide.join(episode), EpisodeStore.Neighbours.NONE);
        }
        var older = SideBySide.start(() -> episodes.olderThan(publicFrom.get(), id));
        var newer = SideBySide.start(() -> episodes.newerThan(publicFrom.get(), id, now));
        return read(show, SideBySide.join(episode), new EpisodeStore.Neighbours(SideBySide.join(older), SideBySide.join(newer)));
    }

    private static Read read(ShowStore.Snapshot show, Optional<EpisodeStore.WithTranscript> found, EpisodeStore.Neighbours neighbours) {
        return new Read(show, found.map(EpisodeStore.WithTranscript::episode), neighbours, found.flatMap(EpisodeStore.WithTranscript::transcript));
    }

    /** The items at these keys that exist, retrying the keys DynamoDB leaves unprocessed under load. */
    private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        Map<String, KeysAndAttributes> request = Map.of(table, KeysAndAttributes.builder().keys(keys).build());
        for (int attempt = 1; ; attempt++) {
            Map<String, KeysAndAttributes> asked = request;
            BatchGetItemResponse response = DynamoCalls.call(() -> dynamo.batchGetItem(r -> r.requestItems(asked)));
            found.addAll(response.responses().getOrDefault(table, List.of()));
            if (!response.hasUnprocessedKeys() || response.unprocessedKeys().isEmpty()) {
                return found;
            }
            if (attempt == BATCH_ATTEMPTS) {
                throw new StoreUnavailableException("DynamoDB left keys unprocessed " + attempt + " times", null);
            }
            request = response.unprocessedKeys();
            try {
                Thread.sleep(25L << attempt); // 50, 100, 200 ms: the backoff DynamoDB asks for
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException("interrupted while reading", e);
            }
        }
    }

    private static boolean sameKey(Map<String, AttributeValue> item, Map<String, AttributeValue> key) {
        for (var part : key.entrySet()) {
            if (!part.getValue().equals(item.get(part.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
