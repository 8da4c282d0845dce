package dev.castline.domain;

import static dev.castline.domain.TextTest.refuses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.castline.testing.Episodes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every limit of {@link EpisodeRules}: at the limit an episode is stored, one past it is refused naming the field. */
class EpisodeRulesLimitsTest {
    private static final Instant AT = Instant.parse("2020-06-29T00:00:00Z");

    // ------------------------------------------------------------ identity

    @Test
    void theIdIsOneToSixtyFourLettersDigitsOrHyphens() {
        accepts(Episodes.published("ok", AT).id("a").build());
        accepts(Episodes.published("ok", AT).id("A-9".repeat(21) + "z").build()); // 64
        refusesField(Episodes.published("ok", AT).id("a".repeat(65)).build(), "id");
        refusesField(Episodes.published("ok", AT).id("").build(), "id");
        refusesField(Episodes.published("ok", AT).id("a_b").build(), "id");
        refusesField(Episodes.published("ok", AT).id(null).build(), "id");
    }

    @Test
    void theSlugFollowsTheSlugRule() {
        accepts(Episodes.published("a".repeat(Slugs.MAX_LENGTH), AT).build());
        refusesField(Episodes.published("a".repeat(Slugs.MAX_LENGTH + 1), AT).build(), "slug");
        refusesField(Episodes.published(null, AT).build(), "slug");
    }

    @Test
    void theGuidIsARequiredLineOfAtMost255Characters() {
        accepts(ok().build().toBuilder().build());
        Episode base = ok().build();
        accepts(withGuid(base, "g".repeat(255)));
        refuses(() -> EpisodeRules.validate(withGuid(base, "g".repeat(256))), "guid", "at most 255");
        refuses(() -> EpisodeRules.validate(withGuid(base, null)), "guid", "is required");
        refuses(() -> EpisodeRules.validate(withGuid(base, "a\u2028b")), "guid", "one line");
    }

    // ------------------------------------------------------------ text fields

    @Test
    void theTitleHoldsAtMost255Characters() {
        accepts(ok().title("t".repeat(EpisodeRules.MAX_TITLE)).build());
        accepts(ok().title("\uD83C\uDF99".repeat(EpisodeRules.MAX_TITLE)).build()); // 510 chars, 255 characters
        refuses(() -> EpisodeRules.validate(ok().title("t".repeat(EpisodeRules.MAX_TITLE + 1)).build()), "title", "at most 255 characters");
        refuses(() -> EpisodeRules.validate(ok().title("\uD83C\uDF99".repeat(EpisodeRules.MAX_TITLE + 1)).build()), "title", "at most 255");
        refuses(() -> EpisodeRules.validate(ok().title(null).build()), "title", "is required");
        refuses(() -> EpisodeRules.validate(ok().title("Read \u202Egnp.exe").build()), "title", "bidirectional");
    }

    @Test
    void theSummaryHoldsAtMost4000CharactersAnd4000BytesOfUtf8() {
        accepts(ok().summary(null).build());
        accepts(ok().summary("s".repeat(EpisodeRules.MAX_SUMMARY_BYTES)).build());
        accepts(ok().summary("é".repeat(EpisodeRules.MAX_SUMMARY_BYTES / 2)).build()); // 4000 bytes
        accepts(ok().summary("line one\nline two\ttabbed\r\n").build());
        refuses(() -> EpisodeRules.validate(ok().summary("s".repeat(EpisodeRules.MAX_SUMMARY_BYTES + 1)).build()), "summary", "at most 4000 characters");
        refuses(() -> EpisodeRules.validate(ok().summary("é".repeat(EpisodeRules.MAX_SUMMARY_BYTES / 2) + "s").build()), "summary", "at most 4000 bytes");
        refuses(() -> EpisodeRules.validate(ok().summary("bell\u0007").build()), "summary", "control characters");
    }

    @Test
    void theShowNotesHoldAtMost100000Characters() {
        String notes = "n".repeat(EpisodeRules.MAX_SHOW_NOTES);
        accepts(ok().showNotes(notes, "<p>" + notes + "</p>").build());
        String tooLong = notes + "n";
        refuses(() -> EpisodeRules.validate(ok().showNotes(tooLong, "<p>" + tooLong + "</p>").build()), "showNotes", "at most 100000 characters");
        refuses(() -> EpisodeRules.validate(ok().showNotes("a\u0000", "<p>a</p>").build()), "showNotes", "control characters");
        accepts(ok().showNotes(null, null).build());
    }

    // ------------------------------------------------------------ lists

    @Test
    void atMost500Chapters() {
        accepts(ok().chapters(chapters(EpisodeRules.MAX_CHAPTERS)).build());
        refuses(() -> EpisodeRules.validate(ok().chapters(chapters(EpisodeRules.MAX_CHAPTERS + 1)).build()), "chapters", "at most 500 chapters");
        accepts(ok().chapters(List.of()).build());
    }

    @Test
    void chaptersStartAtZeroOrLaterAndStrictlyIncrease() {
        accepts(ok().chapters(List.of(new Chapter(0, "Intro", null), new Chapter(1, "Next", null))).build());
        refusesField(ok().chapters(List.of(new Chapter(-1, "Intro", null))).build(), "chapters[0].startTime");
        refusesField(ok().chapters(List.of(new Chapter(5, "a", null), new Chapter(4, "b", null))).build(), "chapters[1].startTime");
        refuses(() -> EpisodeRules.validate(ok().chapters(List.of(new Chapter(0, "a", null), new Chapter(7, "b", null), new Chapter(7, "c", null))).build()),
                "chapters[2].startTime", "later than the chapter before it");
    }

    @Test
    void eachChapterHasATitleOfAtMost255CharactersAndAnOptionalUrl() {
        accepts(ok().chapters(List.of(new Chapter(0, "t".repeat(255), "https://x.test/"))).build());
        refuses(() -> EpisodeRules.validate(ok().chapters(List.of(new Chapter(0, "a", null), new Chapter(1, "t".repeat(256), null))).build()),
                "chapters[1].title", "at most 255");
        refuses(() -> EpisodeRules.validate(ok().chapters(List.of(new Chapter(0, " ", null))).build()), "chapters[0].title", "is required");
        refuses(() -> EpisodeRules.validate(ok().chapters(List.of(new Chapter(0, "a", "x".repeat(3000)))).build()), "chapters[0].url", "at most 2048");
    }

    @Test
    void atMost20Guests() {
        accepts(ok().guests(guests(EpisodeRules.MAX_GUESTS)).build());
        refuses(() -> EpisodeRules.validate(ok().guests(guests(EpisodeRules.MAX_GUESTS + 1)).build()), "guests", "at most 20 guests");
    }

    @Test
    void eachGuestFieldHasItsOwnLimit() {
        accepts(ok().guests(List.of(new Guest("n".repeat(200), "r".repeat(50), "https://w.test", "https://a.test/x.png", "@".repeat(100)))).build());
        refusesField(ok().guests(List.of(guest(), new Guest("n".repeat(201), "guest", null, null, null))).build(), "guests[1].name");
        refusesField(ok().guests(List.of(new Guest(null, "guest", null, null, null))).build(), "guests[0].name");
        refusesField(ok().guests(List.of(new Guest("G", "r".repeat(51), null, null, null))).build(), "guests[0].role");
        refusesField(ok().guests(List.of(new Guest("G", null, null, null, null))).build(), "guests[0].role");
        refusesField(ok().guests(List.of(new Guest("G", "guest", "ftp://w", null, null))).build(), "guests[0].website");
        refusesField(ok().guests(List.of(new Guest("G", "guest", null, "avatar.png", null))).build(), "guests[0].avatarUrl");
        refusesField(ok().guests(List.of(new Guest("G", "guest", null, null, "@".repeat(101)))).build(), "guests[0].socialHandle");
        refusesField(ok().guests(List.of(new Guest("G", "guest", null, null, "@a\nb"))).build(), "guests[0].socialHandle");
    }

    @Test
    void atMost30Tags() {
        accepts(ok().tags(tags(EpisodeRules.MAX_TAGS)).build());
        refuses(() -> EpisodeRules.validate(ok().tags(tags(EpisodeRules.MAX_TAGS + 1)).build()), "tags", "at most 30 tags");
        accepts(ok().tags(List.of()).build());
    }

    @Test
    void eachTagFollowsTheTagRuleAndAppearsOnce() {
        accepts(ok().tags(List.of("t".repeat(Tags.MAX_LENGTH), "node.js", "c++", "lets-encrypt", "9")).build());
        refuses(() -> EpisodeRules.validate(ok().tags(List.of("ok", "t".repeat(Tags.MAX_LENGTH + 1))).build()), "tags[1]", Tags.describeRule());
        refusesField(ok().tags(List.of("a", "b", "a")).build(), "tags[2]");
        refuses(() -> EpisodeRules.validate(ok().tags(List.of("a", "a")).build()), "tags[1]", "is listed twice");
        refusesField(ok().tags(List.of(".net")).build(), "tags[0]");
    }

    @Test
    void atMost200Links() {
        accepts(ok().links(links(EpisodeRules.MAX_LINKS)).build());
        refuses(() -> EpisodeRules.validate(ok().links(links(EpisodeRules.MAX_LINKS + 1)).build()), "links", "at most 200 links");
    }

    @Test
    void eachLinkHasAKindAUrlAndAnOptionalTitleOfAtMost255Characters() {
        accepts(ok().links(List.of(new Link(LinkKind.LIBRARY, "https://l.test", "t".repeat(255)))).build());
        accepts(ok().links(List.of(new Link(LinkKind.REFERENCE, "https://l.test", null))).build());
        refusesField(ok().links(List.of(new Link(LinkKind.LIBRARY, "https://l.test", null), new Link(null, "https://l.test", null))).build(), "links[1].kind");
        refuses(() -> EpisodeRules.validate(ok().links(List.of(new Link(LinkKind.LIBRARY, null, null))).build()), "links[0].url", "is required");
        refuses(() -> EpisodeRules.validate(ok().links(List.of(new Link(LinkKind.LIBRARY, "https://l.test", "t".repeat(256)))).build()),
                "links[0].title", "at most 255");
    }

    @Test
    void atMost20FormerSlugs() {
        accepts(ok().formerSlugs(formerSlugs(EpisodeRules.MAX_FORMER_SLUGS)).build());
        refuses(() -> EpisodeRules.validate(ok().formerSlugs(formerSlugs(EpisodeRules.MAX_FORMER_SLUGS + 1)).build()), "slug",
                "changed too many times (at most 20)");
    }

    // ------------------------------------------------------------ numbers

    @Test
    void seasonAndEpisodeNumbersRunFromOneToAMillion() {
        for (String field : List.of("season", "episode")) {
            Function<Integer, Episode> with = n -> field.equals("season") ? ok().season(n).build() : ok().episodeNumber(n).build();
            accepts(with.apply(null));
            accepts(with.apply(1));
            accepts(with.apply(1_000_000));
            refuses(() -> EpisodeRules.validate(with.apply(0)), field, "from 1 to 1000000");
            refuses(() -> EpisodeRules.validate(with.apply(-1)), field, "from 1 to 1000000");
            refuses(() -> EpisodeRules.validate(with.apply(1_000_001)), field, "from 1 to 1000000");
        }
    }

    @Test
    void theVersionIsOneOrMore() {
        accepts(ok().version(1).build());
        accepts(ok().version(2).build());
        refuses(() -> EpisodeRules.validate(ok().version(0).build()), "version", "1 or more");
        refuses(() -> EpisodeRules.validate(ok().version(-1).build()), "version", "1 or more");
    }

    @Test
    void theEpisodeTypeAndStatusAreRequired() {
        refuses(() -> EpisodeRules.validate(ok().episodeType(null).build()), "episodeType", "is required");
        refuses(() -> EpisodeRules.validate(ok().status(null).build()), "status", "is required");
        for (EpisodeType type : EpisodeType.values()) {
            accepts(ok().episodeType(type).build());
        }
    }

    // ------------------------------------------------------------ audio

    @Test
    void audioIsOptionalButMustBeAHostedAudioFile() {
        accepts(ok().audio(null).build());
        Episode base = ok().build();
        String key = base.audio().key();
        accepts(ok().audio(new Audio(key.replace(".mp3", ".m4a"), "audio/x-m4a", 1, 0)).build());
        refuses(() -> EpisodeRules.validate(ok().audio(new Audio("video/e/u.mp3", "audio/mpeg", 1, 0)).build()), "audio.key", "audio/{episodeId}");
        assertThatThrownBy(() -> new Audio(null, "audio/mpeg", 1, 0)).as("audio is held (a key) or external (a URL)")
                .isInstanceOf(IllegalArgumentException.class);
        refuses(() -> EpisodeRules.validate(ok().audio(new Audio(key, "audio/wav", 1, 0)).build()), "audio.contentType", "audio/mpeg or audio/x-m4a");
        // The type is stored as it is served: exactly, not in some other case.
        refusesField(ok().audio(new Audio(key, "AUDIO/MPEG", 1, 0)).build(), "audio.contentType");
        refusesField(ok().audio(new Audio(key, null, 1, 0)).build(), "audio.contentType");
    }

    @Test
    void audioBytesRunFromOneToFourGibibytes() {
        String key = ok().build().audio().key();
        accepts(ok().audio(new Audio(key, "audio/mpeg", 1, 0)).build());
        accepts(ok().audio(new Audio(key, "audio/mpeg", EpisodeRules.MAX_AUDIO_BYTES, 0)).build());
        assertThat(EpisodeRules.MAX_AUDIO_BYTES).isEqualTo(4_294_967_296L);
        refuses(() -> EpisodeRules.validate(ok().audio(new Audio(key, "audio/mpeg", 0, 0)).build()), "audio.bytes", "from 1 to 4294967296");
        refuses(() -> EpisodeRules.validate(ok().audio(new Audio(key, "audio/mpeg", -1, 0)).build()), "audio.bytes", "from 1 to");
        refuses(() -> EpisodeRules.validate(ok().audio(new Audio(key, "audio/mpeg", EpisodeRules.MAX_AUDIO_BYTES + 1, 0)).build()),
                "audio.bytes", "from 1 to");
    }

    @Test
    void audioDurationIsNotNegative() {
        String key = ok().build().audio().key();
        accepts(ok().audio(new Audio(key, "audio/mpeg", 1000, 0)).build());
        refuses(() -> EpisodeRules.validate(ok().audio(new Audio(key, "audio/mpeg", 1000, -1)).build()), "audio.durationSeconds", "not be negative");
    }

    // ------------------------------------------------------------ publish time

    @Test
    void aReleasedEpisodeNeedsAPublishTimeAndADraftDoesNot() {
        accepts(ok().status(Status.DRAFT).publishAt(null).build());
        refuses(() -> EpisodeRules.validate(ok().status(Status.SCHEDULED).publishAt(null).build()), "publishAt", "is required");
        refuses(() -> EpisodeRules.validate(ok().status(Status.PUBLISHED).publishAt(null).build()), "publishAt", "is required");
        accepts(ok().status(Status.SCHEDULED).publishAt(AT).build());
    }

    @Test
    void publishTimesRunFrom1970ToTheEndOf9999() {
        Instant first = Instant.parse("1970-01-01T00:00:00Z");
        Instant last = Instant.parse("9999-12-31T23:59:59Z");
        assertThat(EpisodeRules.isPublishTime(first)).isTrue();
        assertThat(EpisodeRules.isPublishTime(last)).isTrue();
        assertThat(EpisodeRules.isPublishTime(first.minusSeconds(1))).isFalse();
        assertThat(EpisodeRules.isPublishTime(last.plusSeconds(1))).isFalse();
        assertThat(EpisodeRules.isPublishTime(first.minusNanos(1))).isFalse();
        assertThat(EpisodeRules.isPublishTime(last.plusNanos(1))).isFalse();
        assertThat(EpisodeRules.isPublishTime(AT)).isTrue();

        accepts(ok().publishAt(first).build());
        accepts(ok().publishAt(last).build());
        refuses(() -> EpisodeRules.validate(ok().publishAt(first.minusSeconds(1)).build()), "publishAt", EpisodeRules.publishTimeRule());
        refuses(() -> EpisodeRules.validate(ok().publishAt(last.plusSeconds(1)).build()), "publishAt", EpisodeRules.publishTimeRule());
        // A draft may keep a publish time, but only one in range.
        refusesField(ok().status(Status.DRAFT).publishAt(last.plusSeconds(1)).build(), "publishAt");
        assertThat(EpisodeRules.publishTimeRule()).isEqualTo("must be from 1970-01-01T00:00:00Z to 9999-12-31T23:59:59Z");
    }

    @Test
    void aPublishTimeIsAWholeSecond() {
        refuses(() -> EpisodeRules.validate(ok().publishAt(AT.plusNanos(1)).build()), "publishAt", "whole second");
        refuses(() -> EpisodeRules.validate(ok().publishAt(AT.plusMillis(999)).build()), "publishAt", "whole second");
        refuses(() -> EpisodeRules.validate(ok().status(Status.DRAFT).publishAt(AT.plusMillis(1)).build()), "publishAt", "whole second");
    }

    // ------------------------------------------------------------ stored size

    @Test
    void theStoredSizeEstimateCountsEveryTextInUtf8PlusRoomForNamesAndNumbers() {
        Episode bare = bare().build();
        assertThat(EpisodeRules.storedBytes(bare)).isEqualTo(4_096 + "Title".length());

        Episode texts = bare().title("ab").summary("cde").showNotes("fghi", "jklmn").build();
        assertThat(EpisodeRules.storedBytes(texts)).isEqualTo(4_096 + 2 + 3 + 4 + 5);

        Episode chapters = bare().chapters(List.of(new Chapter(0, "ch", "https://c.test"), new Chapter(1, "c", null))).build();
        assertThat(EpisodeRules.storedBytes(chapters)).isEqualTo(4_096 + 5 + (48 + 2 + 14) + (48 + 1));

        Episode guests = bare().guests(List.of(new Guest("nm", "role", "https://w.test", "https://a.test/x", "@h"),
                new Guest("n", "guest", null, null, null))).build();
        assertThat(EpisodeRules.storedBytes(guests)).isEqualTo(4_096 + 5 + (96 + 2 + 4 + 14 + 16 + 2) + (96 + 1 + 5));

        Episode links = bare().links(List.of(new Link(LinkKind.REFERENCE, "https://l.test", "tt"), new Link(LinkKind.LIBRARY, "https://m.test/x", null))).build();
        assertThat(EpisodeRules.storedBytes(links)).isEqualTo(4_096 + 5 + (48 + 14 + 2) + (48 + 16));

        Episode tags = bare().tags(List.of("abc", "de")).build();
        assertThat(EpisodeRules.storedBytes(tags)).isEqualTo(4_096 + 5 + (8 + 3) + (8 + 2));
    }

    @ParameterizedTest
    @CsvSource({
        // one character, its UTF-8 bytes
        "0041, 1", "007F, 1", "0080, 2", "07FF, 2", "0800, 3", "D7FF, 3", "E000, 3", "FFFF, 3",
    })
    void theStoredSizeEstimateCountsUtf8BytesPerCharacter(String hex, int bytes) {
        String c = String.valueOf((char) Integer.parseInt(hex, 16));
        assertThat(EpisodeRules.storedBytes(bare().title("Title").summary(c).build())).isEqualTo(4_096 + 5 + bytes);
        assertThat(EpisodeRules.storedBytes(bare().showNotes(c + c, null).build())).isEqualTo(4_096 + 5 + 2L * bytes);
    }

    @Test
    void aSurrogatePairIsFourBytes() {
        assertThat(EpisodeRules.storedBytes(bare().summary("\uD83D\uDE00").build())).isEqualTo(4_096 + 5 + 4);
        assertThat(EpisodeRules.storedBytes(bare().summary("\uD800").build())).isEqualTo(4_096 + 5 + 2);
        assertThat(EpisodeRules.storedBytes(bare().summary("\uDFFF").build())).isEqualTo(4_096 + 5 + 2);
    }

    @Test
    void anEpisodeMayWeighExactlyTheStoredLimit() {
        Episode base = ok().showNotes("notes", "").build();
        long room = EpisodeRules.MAX_STORED_BYTES - EpisodeRules.storedBytes(base);
        assertThat(room).isPositive();
        Episode atLimit = base.toBuilder().showNotes("notes", "h".repeat((int) room)).build();
        assertThat(EpisodeRules.storedBytes(atLimit)).isEqualTo(EpisodeRules.MAX_STORED_BYTES);
        accepts(atLimit);

        Episode onePast = base.toBuilder().showNotes("notes", "h".repeat((int) room + 1)).build();
        refuses(() -> EpisodeRules.validate(onePast), "showNotes", "make the episode smaller");
    }

    // ------------------------------------------------------------ helpers

    private static Episode.Builder ok() {
        return Episodes.published("ok", AT).build().toBuilder();
    }

    /** An episode with nothing in it but a five-character title. */
    private static Episode.Builder bare() {
        return new Episode("id", "slug", "guid", "Title", null, null, null, List.of(), List.of(), List.of(), List.of(), null, null,
                EpisodeType.FULL, false, null, Status.DRAFT, null, null, null, 1, List.of(), null).toBuilder();
    }

    private static Episode withGuid(Episode e, String guid) {
        return new Episode(e.id(), e.slug(), guid, e.title(), e.summary(), e.showNotesMarkdown(), e.showNotesHtml(), e.chapters(),
                e.guests(), e.tags(), e.links(), e.season(), e.episodeNumber(), e.episodeType(), e.explicit(), e.audio(), e.status(),
                e.publishAt(), e.createdAt(), e.updatedAt(), e.version(), e.formerSlugs(), e.upload());
    }

    private static List<Chapter> chapters(int n) {
        return list(n, i -> new Chapter(i * 1_000L, "Chapter " + i, null));
    }

    private static List<Guest> guests(int n) {
        return list(n, i -> new Guest("Guest " + i, "guest", null, null, null));
    }

    private static Guest guest() {
        return new Guest("G", "guest", null, null, null);
    }

    private static List<String> tags(int n) {
        return list(n, i -> "tag" + i);
    }

    private static List<Link> links(int n) {
        return list(n, i -> new Link(LinkKind.REFERENCE, "https://link.test/" + i, null));
    }

    private static List<String> formerSlugs(int n) {
        return list(n, i -> "old-" + i);
    }

    private static <T> List<T> list(int n, IntFunction<T> item) {
        return new ArrayList<>(IntStream.range(0, n).mapToObj(item).toList());
    }

    private static void accepts(Episode e) {
        assertThat(EpisodeRules.validate(e)).isSameAs(e);
    }

    private static void refusesField(Episode e, String field) {
        refuses(() -> EpisodeRules.validate(e), field, "");
    }
}
