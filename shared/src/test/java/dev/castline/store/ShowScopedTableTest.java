package dev.castline.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castline.emulation.DynamoDbLocal;
import dev.castline.emulation.EmulatorClients;
import dev.castline.domain.Episode;
import dev.castline.domain.Status;
import dev.castline.testing.Episodes;
import dev.castline.testing.Shows;
import dev.castline.testing.TestTables;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Every key carries the show id: several shows can live in one table and never see each other's
 * episodes, slugs, tags, drafts or feed state.
 */
class ShowScopedTableTest {
    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");

    /** Every partition-key value a write names: items put, keys updated or deleted, index keys set. */
    private static final class WrittenKeys implements ExecutionInterceptor {
        final List<String> partitions = new CopyOnWriteArrayList<>();
        final List<String> operations = new CopyOnWriteArrayList<>();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            SdkRequest request = context.request();
            switch (request) {
                case TransactWriteItemsRequest t -> {
                    operations.add("TransactWriteItems");
                    for (TransactWriteItem w : t.transactItems()) {
                        if (w.put() != null) {
                            item(w.put().item());
                        }
                        if (w.update() != null) {
                            item(w.update().key());
                        }
                        if (w.delete() != null) {
                            item(w.delete().key());
                        }
                        if (w.conditionCheck() != null) {
                            item(w.conditionCheck().key());
                        }
                    }
                }
                case PutItemRequest p -> {
                    operations.add("PutItem");
                    item(p.item());
                }
                case UpdateItemRequest u -> {
                    operations.add("UpdateItem");
                    item(u.key());
                }
                case DeleteItemRequest d -> {
                    operations.add("DeleteItem");
                    item(d.key());
                }
                default -> { }
            }
        }

        private void item(Map<String, AttributeValue> item) {
            for (String attribute : List.of(TableLayout.PK, TableLayout.LIST_PK, TableLayout.DRAFT_PK)) {
                if (item.containsKey(attribute)) {
                    partitions.add(item.get(attribute).s());
                }
            }
        }
    }

    private final WrittenKeys written = new WrittenKeys();
    private final DynamoDbClient dynamo = EmulatorClients.dynamoDb(DynamoDbLocal.shared().endpoint(), written);
    private String table;

    @BeforeEach
    void freshTable() {
        table = TestTables.create(dynamo);
        written.partitions.clear();
        written.operations.clear();
    }

    private EpisodeStore episodes(String show) {
        return new EpisodeStore(dynamo, table, new TableLayout(show), Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    }

    private ShowStore shows(String show) {
        return new ShowStore(dynamo, table, new TableLayout(show), Clock.fixed(NOW, java.time.ZoneOffset.UTC));
    }

    @Test
    void everyKeyTheStoresWriteForAShowCarriesItsId() {
        EpisodeStore store = episodes("show-a");
        shows("show-a").save(Shows.sample());
        Episode draft = store.create(Episodes.draft("a-draft").tags("rails").build());
        Episode published = store.create(Episodes.published("published", NOW.minusSeconds(60)).tags("rails", "ruby").build());
        Episode scheduled = store.create(Episodes.published("scheduled", NOW.plus(Duration.ofDays(1)))
                .status(Status.SCHEDULED).tags("python").build());
        // An edit that renames, re-tags and releases; an unpublish; a delete of each kind.
        Episode renamed = store.update(published, published.toBuilder().slug("renamed").formerSlugs(List.of("published"))
                .tags(List.of("django")));
        Episode released = store.update(draft, draft.toBuilder().status(Status.PUBLISHED).publishAt(NOW.minusSeconds(30))
                .audio(Episodes.published("x", NOW).build().audio()));
        Episode unpublished = store.update(released, released.toBuilder().status(Status.DRAFT).publishAt(null));
        store.delete(renamed);
        store.delete(scheduled);
        store.delete(unpublished);

        assertThat(written.operations).contains("TransactWriteItems", "UpdateItem");
        assertThat(written.partitions)
                .as("every written key and index key, for every kind of item")
                .isNotEmpty()
                .allSatisfy(pk -> assertThat(pk).matches("SHOW#show-a(#.+)?"));
        assertThat(written.partitions).anyMatch(pk -> pk.equals("SHOW#show-a"))
                .anyMatch(pk -> pk.startsWith("SHOW#show-a#EPISODE#"))
                .anyMatch(pk -> pk.startsWith("SHOW#show-a#SLUG#"))
                .anyMatch(pk -> pk.startsWith("SHOW#show-a#TAG#"))
                .anyMatch(pk -> pk.equals("SHOW#show-a#RELEASED"))
                .anyMatch(pk -> pk.equals("SHOW#show-a#DRAFT"));
    }

    @Test
    void twoShowsInOneTableNeverSeeEachOthersEpisodesSlugsTagsOrFeedState() {
        EpisodeStore alpha = episodes("alpha");
        EpisodeStore beta = episodes("beta");
        ShowStore alphaShow = shows("alpha");
        ShowStore betaShow = shows("beta");
        alphaShow.save(Shows.sample());

        // The same slug and tag in both shows: neither write conflicts with the other.
        Episode a = alpha.create(Episodes.published("same-slug", NOW.minusSeconds(120)).tags("rails").build());
        Episode b = beta.create(Episodes.published("same-slug", NOW.minusSeconds(60)).tags("rails").build());
        Episode aDraft = alpha.create(Episodes.draft("alpha-draft").build());
        Episode bDraft = beta.create(Episodes.draft("beta-draft").build());

        assertThat(alpha.findBySlug("same-slug", true)).map(Episode::id).contains(a.id());
        assertThat(beta.findBySlug("same-slug", true)).map(Episode::id).contains(b.id());
        assertThat(alpha.findById(b.id(), true)).isEmpty();
        assertThat(beta.findById(a.id(), true)).isEmpty();
        assertThat(ids(alpha.listPublic(Optional.empty(), 10, Optional.empty(), NOW))).containsExactly(a.id());
        assertThat(ids(beta.listPublic(Optional.empty(), 10, Optional.empty(), NOW))).containsExactly(b.id());
        assertThat(ids(alpha.listPublic(Optional.of("rails"), 10, Optional.empty(), NOW))).containsExactly(a.id());
        assertThat(ids(beta.listPublic(Optional.of("rails"), 10, Optional.empty(), NOW))).containsExactly(b.id());
        assertThat(ids(alpha.listByStatus(Status.DRAFT, 10, Optional.empty(), NOW))).containsExactly(aDraft.id());
        assertThat(ids(beta.listByStatus(Status.DRAFT, 10, Optional.empty(), NOW))).containsExactly(bDraft.id());
        assertThat(alpha.allPublicEpisodes(NOW)).extracting(Episode::id).containsExactly(a.id());
        assertThat(beta.allPublicEpisodes(NOW)).extracting(Episode::id).containsExactly(b.id());

        // Settings and feed validators are per show.
        assertThat(alphaShow.load().show()).isPresent();
        assertThat(betaShow.load().show()).isEmpty();
        long betaVersion = betaShow.load().feed().version();
        alpha.delete(alpha.findById(a.id(), true).orElseThrow());
        assertThat(betaShow.load().feed().version()).isEqualTo(betaVersion);
        assertThat(beta.findBySlug("same-slug", true)).map(Episode::id).contains(b.id());
    }

    private static List<String> ids(Page<dev.castline.domain.EpisodeSummary> page) {
        List<String> ids = new ArrayList<>();
        page.items().forEach(s -> ids.add(s.id()));
        return ids;
    }
}
