package dev.castline.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The episode file format: front matter, Liquid, topics, links, notes, and errors that name file, line and field. */
class EpisodeParserTest {
    static final String FIXTURE = "2021-03-09-tidepool-sells-recipe-courses.md";

    static Path fixture() {
        try {
            return Path.of(EpisodeParserTest.class.getResource("/episodes/" + FIXTURE).toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String fixtureText() throws IOException {
        return Files.readString(fixture(), StandardCharsets.UTF_8);
    }

    private static EpisodeDoc parse(String text) {
        return EpisodeParser.parseText("ep.md", text, Path.of("/episodes"));
    }

    private static String withBody(String body) {
        return "---\ntitle: \"T\"\nguest: \"Ada\"\nguest_twitter: \"ada\"\n---\n" + body;
    }

    @Test
    void aFileInTheSeedShapeGivesEveryField() {
        EpisodeDoc doc = EpisodeParser.read(fixture());

        assertThat(doc.slug()).isEqualTo("tidepool-sells-recipe-courses");
        assertThat(doc.title()).isEqualTo("Tidepool Sells Recipe Courses with Rails");
        assertThat(doc.summary()).isEqualTo("Ada Fielding talks about building a cooking course platform with Ruby on Rails. It's hosted on Heroku.");
        assertThat(doc.tags()).containsExactly("rails", "ruby", "lets-encrypt", "s3");
        assertThat(doc.guests()).containsExactly(new EpisodeDoc.Guest("Ada Fielding", "guest", "https://tidepool.example.com", null, "@adafielding"));
        assertThat(doc.mp3Bytes()).isEqualTo(1_212_121L);
        assertThat(doc.mp3Millis()).isEqualTo((3600 + 11 * 60 + 40) * 1000L);
        assertThat(doc.chapters()).extracting(EpisodeDoc.Chapter::startMillis)
                .containsExactly(159_000L, 230_000L, 656_000L, 3_599_000L, 3_702_000L, 4_263_000L);
        assertThat(doc.chapters().getLast()).isEqualTo(new EpisodeDoc.Chapter(4_263_000L, "You can find Ada on Twitter at @adafielding",
                "https://twitter.com/adafielding"));
        assertThat(doc.links()).containsExactly(
                new EpisodeDoc.Link("reference", "https://example.com/blog/", null),
                new EpisodeDoc.Link("reference", "https://podcasts.example.org/113", "An interview on another podcast"),
                new EpisodeDoc.Link("library", "https://github.com/example/interactor", null),
                new EpisodeDoc.Link("library", "https://github.com/example/workflow", null));
        assertThat(doc.showNotes()).isEqualTo("""
                In this episode of Running in Production, Ada Fielding goes over building a
                cooking course platform. It's built with Ruby on Rails and is hosted on
                Heroku. It's been running in production since 2015.

                Ada talks about background jobs, writing tests, auto scaling and
                more.""");
        assertThat(doc.warnings()).singleElement().asString()
                .contains(FIXTURE + ":8: guest_avatar: 'ada-fielding' is not a URL");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "- 2:39 -- Motivation|159000",
        "- 2:39 – Motivation|159000",
        "- 2:39 — Motivation|159000",
        "- 2:39 - Motivation|159000",
        "* 2:39 -- Motivation|159000",
        "• 2:39 – Motivation|159000",
        "- 1:04:25 -- Motivation|3865000",
        "- 12:05 -- Motivation|725000",
        "- 0:00 -- Motivation|0"})
    void everyTopicLineShapeBecomesAChapter(String line, long millis) {
        EpisodeDoc doc = parse(withBody("## Topics Include\n\n" + line + "\n"));
        assertThat(doc.chapters()).containsExactly(new EpisodeDoc.Chapter(millis, "Motivation", null));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "## Links|###### 📄 References|###### 🛠 Libraries Used",
        "## Links|###### üìÑ References|###### üõ† Libraries Used",
        "## Links|### References|### Libraries Used",
        "# Links|## References:|## Libraries"})
    void everyLinkHeadingShapeIsRecognised(String links, String references, String libraries) {
        EpisodeDoc doc = parse(withBody("Notes.\n\n" + links + "\n\n" + references + "\n\n- <https://a.example/>\n\n"
                + "###### ‚öôÔ∏è Tech Stack\n\n{% include services-used.html %}\n\n" + libraries + "\n\n- https://b.example/lib (The lib)\n"));
        assertThat(doc.links()).containsExactly(new EpisodeDoc.Link("reference", "https://a.example/", null),
                new EpisodeDoc.Link("library", "https://b.example/lib", "The lib"));
        assertThat(doc.showNotes()).isEqualTo("Notes.");
    }

    @Test
    void liquidPlaceholdersTakeTheFrontMatterAndIncludesAreDropped() {
        EpisodeDoc doc = parse(withBody("Hi {{ page.guest }} ({{page.guest_twitter}}).\n{% include x.html %}\nBye {{ page.title }}.\n"));
        assertThat(doc.showNotes()).isEqualTo("Hi Ada (ada).\nBye T.");
    }

    @Test
    void aPlaceholderForAFieldTheFrontMatterLacksNamesItsLine() {
        assertThatThrownBy(() -> parse(withBody("one\ntwo {{ page.sponsor }}\n")))
                .isInstanceOf(Exit.Failure.class).hasMessage("ep.md:7: page.sponsor: the front matter has no 'sponsor' for {{ page.sponsor }}");
    }

    @Test
    void missingSectionsGiveNoChaptersOrLinks() {
        EpisodeDoc doc = parse(withBody("Only notes here.\n"));
        assertThat(doc.chapters()).isEmpty();
        assertThat(doc.links()).isEmpty();
        assertThat(doc.showNotes()).isEqualTo("Only notes here.");
        assertThat(parse(withBody("")).showNotes()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "- 1:19-27 – Setting up a support system|'1:19-27' is not a time",
        "- 1:04-22 – Various alarms|'1:04-22' is not a time",
        "- 2:75 -- Bad seconds|'2:75' is not a time",
        "- 1:60:00 -- Bad minutes|'1:60:00' is not a time",
        "- Intro -- no time|'Intro' is not a time",
        "- 2:39 Motivation without a dash|must read '- M:SS -- topic'",
        "Just a paragraph|expected a list item"})
    void aBadTopicIsAnErrorWithItsLineNumber(String line, String message) {
        String text = withBody("Intro.\n\n## Topics Include\n\n- 0:10 -- Start\n" + line + "\n");
        assertThatThrownBy(() -> parse(text)).isInstanceOf(Exit.Failure.class)
                .hasMessageStartingWith("ep.md:11: topics: ").hasMessageContaining(message);
    }

    @Test
    void topicsOutOfOrderAreAnError() {
        assertThatThrownBy(() -> parse(withBody("## Topics Include\n- 2:00 -- b\n- 1:00 -- a\n")))
                .hasMessage("ep.md:8: topics: 1:00 is not after the topic before it");
    }

    @Test
    void crlfLineEndsAndAByteOrderMarkReadTheSame(@TempDir Path dir) throws IOException {
        String text = fixtureText();
        Path crlf = dir.resolve(FIXTURE);
        Files.write(crlf, ("\uFEFF" + text.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8));
        EpisodeDoc fromCrlf = EpisodeParser.read(crlf);
        EpisodeDoc plain = EpisodeParser.read(fixture());
        assertThat(fromCrlf).usingRecursiveComparison().ignoringFields("warnings").isEqualTo(plain);
        assertThat(fromCrlf.showNotes()).doesNotContain("\r");
    }

    @Test
    void frontMatterErrorsNameTheLineAndField() {
        assertThatThrownBy(() -> parse("---\ntitle: \"T\"\nseason: two\n---\n")).hasMessage("ep.md:3: season: 'two' must be a whole number from 1");
        assertThatThrownBy(() -> parse("---\ntitle: \"T\"\nmp3_duration: \"an hour\"\n---\n"))
                .hasMessageStartingWith("ep.md:3: mp3_duration: 'an hour' is not a duration");
        assertThatThrownBy(() -> parse("---\ndescription: x\n---\n")).hasMessage("ep.md:2: title: is required");
        assertThatThrownBy(() -> parse("---\ntitle: \"T\"\ntags:\n  - \"Not A Tag\"\n---\n"))
                .hasMessageStartingWith("ep.md:4: tags: 'Not A Tag' is not a tag");
        assertThatThrownBy(() -> parse("---\ntitle: [unclosed\n---\n")).hasMessageStartingWith("ep.md:").hasMessageContaining("front matter: not valid YAML");
        assertThatThrownBy(() -> parse("no front matter\n")).hasMessageStartingWith("ep.md:1: front matter:");
        assertThatThrownBy(() -> parse("---\ntitle: T\npublish_at: soon\n---\n")).hasMessageStartingWith("ep.md:3: publish_at: 'soon' is not a time");
        assertThatThrownBy(() -> parse("---\ntitle: T\nguest_website: \"https://x.example\"\n---\n"))
                .hasMessage("ep.md:3: guest_website: there is no 'guest' for it");
        assertThatThrownBy(() -> parse(withBody("## Links\n### References\n- not a link\n")))
                .hasMessageStartingWith("ep.md:8: References: 'not a link' must start with a link");
    }

    @Test
    void optionalFieldsAreRead() {
        EpisodeDoc doc = parse("---\ntitle: T\nslug: my-slug\nseason: 2\nepisode: 14\nepisode_type: bonus\nexplicit: true\n"
                + "publish_at: 2026-12-01 09:00:00 +0100\naudio: audio/ep.mp3\n"
                + "guests:\n  - name: A\n    twitter: \"@a\"\n  - name: B\n    role: host\n    website: https://b.example\n---\n");
        assertThat(doc.slug()).isEqualTo("my-slug");
        assertThat(doc.season()).isEqualTo(2);
        assertThat(doc.episode()).isEqualTo(14);
        assertThat(doc.episodeType()).isEqualTo("bonus");
        assertThat(doc.explicit()).isTrue();
        assertThat(doc.publishAt()).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
        assertThat(doc.audio()).isEqualTo(Path.of("/episodes/audio/ep.mp3"));
        assertThat(doc.guests()).containsExactly(new EpisodeDoc.Guest("A", "guest", null, null, "@a"),
                new EpisodeDoc.Guest("B", "host", "https://b.example", null, null));
    }

    @Test
    void theSlugComesFromTheFileNameWithoutItsDate() {
        assertThat(EpisodeParser.slugOfFileName("2021-03-09-podia-has-everything.md")).isEqualTo("podia-has-everything");
        assertThat(EpisodeParser.slugOfFileName("My Episode_1.markdown")).isEqualTo("my-episode-1");
    }

    @Test
    void whatTheWriterWritesReadsBackAsTheSameEpisode() {
        EpisodeDoc doc = EpisodeParser.read(fixture());
        EpisodeDoc withAvatar = new EpisodeDoc(doc.slug(), doc.title(), "Line one.\nLine \"two\": yes", doc.showNotes(), doc.chapters(),
                List.of(new EpisodeDoc.Guest("Ada", "guest", "https://a.example", "https://a.example/a.png", "@ada")), doc.tags(), doc.links(),
                3, 7, "trailer", true, Instant.parse("2026-01-02T03:04:05Z"), null, 1000L, 61_000L, List.of());
        EpisodeDoc back = parse(EpisodeWriter.write(withAvatar));
        assertThat(back).usingRecursiveComparison().ignoringFields("slug").isEqualTo(withAvatar);
        EpisodeDoc twoGuests = new EpisodeDoc("s", "T", null, null, List.of(new EpisodeDoc.Chapter(1500, "half", null)),
                List.of(new EpisodeDoc.Guest("A", "guest", null, null, null), new EpisodeDoc.Guest("B", "host", null, "https://b.example/b.png", "@b")),
                List.of(), List.of(), null, null, "full", false, null, null, null, null, List.of());
        assertThat(parse(EpisodeWriter.write(twoGuests))).usingRecursiveComparison().ignoringFields("explicit", "episodeType").isEqualTo(twoGuests);
    }
}
