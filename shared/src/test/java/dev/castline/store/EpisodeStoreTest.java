package dev.castline.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castline.emulation.DynamoDbLocal;
import dev.castline.emulation.OperationCounter;
import dev.castline.emulation.EmulatorClients;
import dev.castline.domain.Episode;
import dev.castline.domain.EpisodeSummary;
import dev.castline.domain.Status;
import dev.castline.testing.Episodes;
import dev.castline.testing.TestTables;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The store against DynamoDB Local: the real conditions, transactions and key conditions. */
class EpisodeStoreTest {
    private static final Instant NOW = Instant.parse("2026-01-15T12:00:00Z");
    private static final TableLayout LAYOUT = new TableLayout(TableLayout.DEFAULT_SHOW);

    private final OperationCounter operations = new OperationCounter();
    private final DynamoDbClient dynamo = EmulatorClients.dynamoDb(DynamoDbLocal.shared().endpoint(), operations);
    private String table;
    private EpisodeStore store;

    @BeforeEach
    void freshTable() {
        table = TestTables.create(dynamo);
        store = new EpisodeStore(dynamo, table, LAYOUT, java.time.Clock.systemUTC());
        operations.reset();
    }

    @Test
    void pagesThroughEveryPublicEpisodeNewestFirstWithoutDuplicatesOrGaps() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // Two episodes share each publish second, so the id must break ties in the sort key.
            Instant at = NOW.minus(Duration.ofDays(100 - i / 2));
            Episode e = store.create(Episodes.published("episode-" + i, at).build());
            expected.add(e.slug());
        }
        store.create(Episodes.draft("a-draft").build());
        store.create(Episodes.published("in-the-future", NOW.plusSeconds(60)).build());

        List<String> seen = new ArrayList<>();
        List<Instant> dates = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        int pages = 0;
        do {
            operations.reset();
            Page<EpisodeSummary> page = store.listPublic(Optional.empty(), 5, cursor, NOW);
            assertThat(operations.operations()).containsExactly("Query");
            page.items().forEach(s -> {
                seen.add(s.slug());
                dates.add(s.publishAt());
            });
            cursor = page.resumeAfter();
            pages++;
        } while (cursor.isPresent());

        assertThat(pages).isEqualTo(5);
        assertThat(seen).hasSize(23).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        assertThat(dates).isSortedAccordingTo((a, b) -> b.compareTo(a));
    }

    @Test
    void lastPageThatIsExactlyFullHasNoCursor() {
        for (int i = 0; i < 4; i++) {
            store.create(Episodes.published("ep-" + i, NOW.minusSeconds(1000 - i)).build());
        }
        Page<EpisodeSummary> first = store.listPublic(Optional.empty(), 2, Optional.empty(), NOW);
        Page<EpisodeSummary> second = store.listPublic(Optional.empty(), 2, first.resumeAfter(), NOW);
        assertThat(first.items()).extracting(EpisodeSummary::slug).containsExactly("ep-3", "ep-2");
        assertThat(second.items()).extracting(EpisodeSummary::slug).containsExactly("ep-1", "ep-0");
        assertThat(second.resumeAfter()).isEmpty();
    }

    @Test
    void listsByTagWithOneQueryOnTheTagsOwnPartition() {
        store.create(Episodes.published("rails-one", NOW.minusSeconds(300)).tags("rails", "ruby").build());
        store.create(Episodes.published("django-one", NOW.minusSeconds(200)).tags("django", "python").build());
        store.create(Episodes.published("rails-two", NOW.minusSeconds(100)).tags("rails", "postgres").build());
        store.create(Episodes.draft("rails-draft").tags("rails").build());

        operations.reset();
        Page<EpisodeSummary> rails = store.listPublic(Optional.of("rails"), 10, Optional.empty(), NOW);

        assertThat(rails.items()).extracting(EpisodeSummary::slug).containsExactly("rails-two", "rails-one");
        assertThat(rails.items().getFirst().tags()).containsExactly("rails", "postgres");
        assertThat(operations.operations()).containsExactly("Query");
        assertThat(store.listPublic(Optional.of("elixir"), 10, Optional.empty(), NOW).items()).isEmpty();
    }

    @Test
    void findsAPublicEpisodeBySlugWithTwoKeyReads() {
        Episode created = store.create(Episodes.published("podia", NOW.minusSeconds(10)).build());
        operations.reset();

        Optional<Episode> found = store.findPublicBySlug("podia", NOW);

        assertThat(found).contains(created);
        assertThat(operations.operations()).containsExactly("GetItem", "GetItem");
    }

    @Test
    void aScheduledEpisodeIsInvisibleUntilItsTimeThenVisibleEverywhere() {
        Instant at = NOW.plus(Duration.ofHours(2));
        store.create(Episodes.published("later", at).status(Status.SCHEDULED).tags("rails").build());

        Instant before = at.minusSeconds(1);
        assertThat(store.findPublicBySlug("later", before)).isEmpty();
        assertThat(store.listPublic(Optional.empty(), 10, Optional.empty(), before).items()).isEmpty();
        assertThat(store.listPublic(Optional.of("rails"), 10, Optional.empty(), before).items()).isEmpty();

        assertThat(store.findPublicBySlug("later", at)).isPresent();
        assertThat(store.listPublic(Optional.empty(), 10, Optional.empty(), at).items()).hasSize(1);
        assertThat(store.listPublic(Optional.of("rails"), 10, Optional.empty(), at).items()).hasSize(1);
    }

    @Test
    void aDraftIsNeverPublic() {
        store.create(Episodes.draft("secret").tags("rails").build());
        Instant farFuture = NOW.plus(Duration.ofDays(3650));
        assertThat(store.findPublicBySlug("secret", farFuture)).isEmpty();
        assertThat(store.findBySlug("secret", true)).isPresent();
        assertThat(store.listPublic(Optional.empty(), 10, Optional.empty(), farFuture).items()).isEmpty();
        assertThat(store.listPublic(Optional.of("rails"), 10, Optional.empty(), farFuture).items()).isEmpty();
    }

    @Test
    void twoConcurrentCreatesOfOneSlugLetExactlyOneWin() throws Exception {
        for (int round = 0; round < 5; round++) {
            String slug = "contested-" + round;
            CountDownLatch start = new CountDownLatch(1);
            Callable<String> create = () -> {
                start.await();
                try {
                    store.create(Episodes.published(slug, NOW.minusSeconds(5)).build());
                    return "won";
                } catch (ConflictException e) {
                    assertThat(e.reason()).isEqualTo(ConflictException.Reason.SLUG_TAKEN);
                    return "lost";
                }
            };
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<String> a = pool.submit(create);
                Future<String> b = pool.submit(create);
                start.countDown();
                assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder("won", "lost");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aSlugInUseIsRefusedByTheDatabase() {
        store.create(Episodes.published("taken", NOW.minusSeconds(5)).build());
        assertThatThrownBy(() -> store.create(Episodes.draft("taken").build()))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.SLUG_TAKEN));
    }

    @Test
    void anUpdateFromAStaleVersionIsRejectedAndChangesNothing() {
        Episode v1 = store.create(Episodes.published("versioned", NOW.minusSeconds(5)).title("First").build());
        Episode v2 = store.update(v1, Episodes.published("versioned", NOW.minusSeconds(5)).id(v1.id()).title("Second").version(2).build());

        Episode staleEdit = Episodes.published("versioned", NOW.minusSeconds(5)).id(v1.id()).title("Lost update").version(2).build();
        assertThatThrownBy(() -> store.update(v1, staleEdit))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.reason()).isEqualTo(ConflictException.Reason.VERSION_MISMATCH));

        Episode stored = store.findById(v1.id(), true).orElseThrow();
        assertThat(stored.title()).isEqualTo("Second");
        assertThat(stored.version()).isEqualTo(v2.version());
    }

    @Test
    void changingTagsMovesTheTagEntriesInTheSameWrite() {
        Episode v1 = store.create(Episodes.published("retagged", NOW.minusSeconds(5)).tags("rails", "ruby").build());
        Episode v2 = Episodes.published("retagged", NOW.minusSeconds(5)).id(v1.id()).tags("ruby", "postgres").version(2).build();
        store.update(v1, v2);

        assertThat(store.listPublic(Optional.of("rails"), 10, Optional.empty(), NOW).items()).isEmpty();
        assertThat(store.listPublic(Optional.of("ruby"), 10, Optional.empty(), NOW).items()).hasSize(1);
        assertThat(store.listPublic(Optional.of("postgres"), 10, Optional.empty(), NOW).items()).hasSize(1);
    }

    @Test
    void unpublishingRemovesTheEpisodeFromEveryListing() {
        Episode v1 = store.create(Episodes.published("pulled", NOW.minusSeconds(5)).tags("rails").build());
        store.update(v1, Episodes.draft("pulled").id(v1.id()).tags("rails").version(2).build());

        assertThat(store.listPublic(Optional.empty(), 10, Optional.empty(), NOW).items()).isEmpty();
        assertThat(store.listPublic(Optional.of("rails"), 10, Optional.empty(), NOW).items()).isEmpty();
        assertThat(store.findPublicBySlug("pulled", NOW)).isEmpty();
    }

    @Test
    void aRenamedEpisodeKeepsItsOldSlugReservedAndFindableAndIsDeletedWhole() {
        Episode v1 = store.create(Episodes.published("old-name", NOW.minusSeconds(5)).tags("rails").build());
        Episode renamed = new Episode(v1.id(), "new-name", v1.guid(), v1.title(), v1.summary(), v1.showNotesMarkdown(),
                v1.showNotesHtml(), v1.chapters(), v1.guests(), v1.tags(), v1.links(), v1.season(), v1.episodeNumber(),
                v1.episodeType(), v1.explicit(), v1.audio(), v1.status(), v1.publishAt(), v1.createdAt(), NOW, 2,
                List.of("old-name"), null);
        store.update(v1, renamed);

        assertThat(store.findPublicBySlug("new-name", NOW)).map(Episode::slug).contains("new-name");
        assertThat(store.findPublicBySlug("old-name", NOW)).map(Episode::slug).contains("new-name");
        assertThatThrownBy(() -> store.create(Episodes.draft("old-name").build())).isInstanceOf(ConflictException.class);

        store.delete(renamed);

        assertThat(store.findBySlug("new-name", true)).isEmpty();
        assertThat(store.findBySlug("old-name", true)).isEmpty();
        assertThat(store.listPublic(Optional.of("rails"), 10, Optional.empty(), NOW).items()).isEmpty();
        assertThat(dynamo.scan(r -> r.tableName(table)).items()).as("nothing of the episode is left, only the feed state")
                .allSatisfy(item -> assertThat(item.get("PK").s()).isEqualTo("SHOW#" + TableLayout.DEFAULT_SHOW))
                .allSatisfy(item -> assertThat(item.keySet()).noneMatch(name -> name.startsWith("sched_")));
    }

    @Test
    void roundTripsEveryFieldOfAnEpisode() {
        Episode original = Episodes.published("full", NOW.minusSeconds(5)).build();
        store.create(original);
        assertThat(store.findById(original.id(), true)).contains(original);
    }

    @Test
    void listingItemsCarryOnlyTheSummaryNotTheShowNotes() {
        store.create(Episodes.published("lean", NOW.minusSeconds(5)).notes("x".repeat(50_000)).build());
        var response = dynamo.query(r -> r.tableName(table).indexName(TableLayout.LIST_INDEX)
                .keyConditionExpression("listPk = :p").expressionAttributeValues(
                        java.util.Map.of(":p", AttributeValue.fromS(LAYOUT.releasedPartition()))));
        assertThat(response.items()).hasSize(1);
        assertThat(response.items().getFirst()).doesNotContainKeys("notesMarkdown", "notesHtml", "chapters");
    }
}
