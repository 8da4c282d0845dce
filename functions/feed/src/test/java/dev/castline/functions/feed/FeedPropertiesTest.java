package dev.castline.functions.feed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castline.domain.Audio;
import dev.castline.domain.Chapter;
import dev.castline.domain.Episode;
import dev.castline.domain.EpisodeType;
import dev.castline.domain.Guest;
import dev.castline.domain.Link;
import dev.castline.domain.LinkKind;
import dev.castline.domain.Status;
import dev.castline.feed.FeedWriter;
import dev.castline.testing.Shows;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever text a host types or pastes (control characters, lone surrogates, "]]>", markup,
 * emoji, 10 kB titles), the feed stays well-formed and passes every rule. The writer is fed
 * directly, past validation, so that it alone is tested.
 */
class FeedPropertiesTest {
    private static final FeedWriter WRITER = new FeedWriter("https://media.castline.test");
    private static final Instant BASE = Instant.parse("2024-01-01T00:00:00Z");

    @Property(tries = 60)
    void anyTextGivesAWellFormedFeedThatPassesEveryRule(@ForAll("textLists") List<String> texts,
                                                        @ForAll("counts") int episodes) throws Exception {
        List<Episode> items = new ArrayList<>();
        for (int i = 0; i < episodes; i++) {
            String t = texts.get(i % texts.size());
            items.add(episode(i, t));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WRITER.write(Shows.sample(), items, FeedWriter.Page.ONLY, BASE, out);

        assertThat(FeedRuleChecker.violations(out.toByteArray(), FeedRuleChecker.appleCategories())).isEmpty();
        assertThat(FeedHandlerTest.rome(out.toByteArray()).getEntries()).hasSize(episodes);
    }

    @Provide
    Arbitrary<Integer> counts() {
        return Arbitraries.integers().between(1, 8);
    }

    @Provide
    Arbitrary<List<String>> textLists() {
        return texts().list().ofMinSize(1).ofMaxSize(6);
    }

    private static Arbitrary<String> texts() {
        Arbitrary<String> anyChars = Arbitraries.strings().all().ofMaxLength(300);
        Arbitrary<String> nasty = Arbitraries.of("]]>", "<![CDATA[x]]>", "<script>alert(1)</script>", "&amp;&lt;&#0;",
                "\u0000\u0001\u0008\u000b\u000c\u001f", "\uFFFE\uFFFF", "\uD800", "\uDC00x\uD83D", "🎙️🎧👩🏽‍💻", "\"'<>&",
                "x".repeat(10_240), "\r\n\t", "\u202Eevil", "e\u0301");
        return Combinators.combine(anyChars, nasty, anyChars).as((a, b, c) -> a + b + c);
    }

    private static Episode episode(int i, String text) {
        String id = UUID.randomUUID().toString();
        Instant at = BASE.minusSeconds(3600L * (i + 1));
        String title = text + " " + i;
        List<Chapter> chapters = List.of(new Chapter(0, text + "a", null), new Chapter(61_500, "b" + text, "https://x.test/" + i));
        String summary = text.length() > 900 ? text.substring(0, 900) : text;
        return new Episode(id, "episode-" + i, UUID.randomUUID().toString(), title, summary, text, "<p>" + text + "]]></p>",
                chapters, List.of(new Guest(text + "g", "guest", "https://guest.test", null, null)), List.of("tag"),
                List.of(new Link(LinkKind.REFERENCE, "https://ref.test", text)), 1, i + 1, EpisodeType.FULL, false,
                new Audio("audio/" + id + "/" + UUID.randomUUID() + ".mp3", "audio/mpeg", 1000 + i, 60_000),
                Status.PUBLISHED, at, at, at, 1, List.of(), null);
    }
}
