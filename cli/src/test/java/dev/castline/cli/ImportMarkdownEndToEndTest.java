package dev.castline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code castline import markdown}: a Jekyll-style folder of twelve episode files in the seed's
 * shape and with its quirks (dates in file names, Jekyll's date, publish_at to come, Liquid, a BOM
 * and CRLF, mis-encoded emoji headings, en and em dashes, a guests list, a slug of its own, audio
 * named in the front matter or matched by name, none at all, a nested folder) becomes the episodes
 * the site and the feed show; a second run changes nothing.
 */
@ExtendWith(LocalStack.class)
class ImportMarkdownEndToEndTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private final LocalStack.Running running;

    ImportMarkdownEndToEndTest(LocalStack.Running running) {
        this.running = running;
    }

    private static String episode(String frontMatter, String body) {
        return "---\nlayout: \"podcast-or-interview\"\n\nmp3_bytes: \"12121\"\nmp3_duration: \"0:03\"\n\ncategory: \"podcast\"\n" + frontMatter
                + "---\n\n" + body;
    }

    private static final String TOPICS = """
            In this episode of Running in Production, {{ page.guest }} goes over building a
            web app. It's hosted on a single server.

            ## Topics Include

            - 2:39 -- Motivation for using Ruby on Rails
            - 10:56 -- Action Cable is embedded into the main web server
            - 1:01:42 -- The DB is backed up every night

            ## Links

            ###### 📄 References

            - <https://example.com/blog/>
            - <https://podcasts.example.org/113> (An interview on another podcast)

            ###### ⚙️ Tech Stack

            {% include services-used.html %}

            ###### 🛠 Libraries Used

            - <https://github.com/example/interactor>
            """;

    private static String guest(String name, String twitter) {
        return "guest: \"" + name + "\"\nguest_avatar: \"" + twitter + "\"\nguest_website: \"https://" + twitter + ".example.com\"\nguest_twitter: \""
                + twitter + "\"\n\n";
    }

    private void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private JsonNode publicEpisode(String slug) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(running.stack().baseUrl() + "/api/v1/episodes/" + slug)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.statusCode() == 200 ? Api.JSON.readTree(r.body()) : null;
    }

    @Test
    void aFolderInTheSeedsShapeBecomesEpisodesAndASecondRunChangesNothing() throws Exception {
        Cli cli = Cli.on(running);
        Path posts = cli.workingDir().resolve("site/_posts");
        Path audio = cli.workingDir().resolve("audio");
        Files.createDirectories(audio);
        Instant future = running.clock().instant().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);

        write(posts.resolve("2021-02-08-mdimp-podia-has-everything.md"), episode(guest("Jason Charnes", "jmcharnes")
                + "tags:\n  - \"rails\"\n  - \"ruby\"\n\ntitle: \"Podia Has Everything You Need to Sell Online Courses\"\ndescription:\n"
                + "  Jason Charnes talks about building a video course hosting platform with Ruby\n  on Rails. It's hosted on Heroku.\n", TOPICS));
        write(posts.resolve("2021-02-15-mdimp-bom-and-crlf.md"), ("\uFEFF" + episode(guest("Ada Fielding", "adafielding")
                + "title: \"A File With a BOM and CRLF Line Ends\"\n", TOPICS)).replace("\n", "\r\n"));
        write(posts.resolve("2021-02-22-mdimp-mis-encoded-emoji.md"), episode(guest("Mo Jibake", "mojibake") + "title: \"Emoji Headings Mis-encoded\"\n",
                TOPICS.replace("📄", "üìÑ").replace("🛠", "üõ†").replace("⚙️", "‚öôÔ∏è")));
        write(posts.resolve("2021-03-01-mdimp-en-and-em-dashes.md"), episode("title: \"Topics With En and Em Dashes\"\n", """
                ## Topics Include

                - 0:45 – An en dash
                - 12:05 — An em dash
                - 1:02:03 -- Two hyphens past the hour
                """));
        write(posts.resolve("mdimp-jekyll-date.md"), episode("title: \"A Date in the Front Matter\"\ndate: 2021-03-08 06:30:00 +0000\n",
                "Dated by Jekyll's date field.\n"));
        write(posts.resolve("2021-03-15-mdimp-still-to-come.md"), episode("title: \"An Episode Still to Come\"\npublish_at: \"" + future + "\"\n",
                "Scheduled.\n"));
        write(posts.resolve("2021-03-22-mdimp-two-guests.md"), episode("""
                title: "Two Guests at Once"
                guests:
                  - name: "Grace Hopper"
                    website: "https://grace.example.com"
                    twitter: "grace"
                  - name: "Alan Kay"
                    role: "cohost"
                """, "Two of them.\n"));
        write(posts.resolve("2021-03-29-mdimp-file-name.md"), episode("title: \"A Slug of Its Own\"\nslug: \"mdimp-own-slug\"\n",
                "The slug is not the file's name.\n"));
        write(posts.resolve("2021-04-05-mdimp-no-audio.md"), episode("title: \"No Audio Yet\"\n", "Stays a draft.\n"));
        write(posts.resolve("2021-04-12-mdimp-audio-named.md"), episode("title: \"Audio Named in the Front Matter\"\naudio: \"renamed/episode-ten.mp3\"\n",
                "Its audio is found in the audio folder by that name.\n"));
        write(posts.resolve("2020/2020-12-01-mdimp-nested-folder.md"), episode("""
                title: "In a Nested Folder"
                season: 1
                episode: 11
                episode_type: "bonus"
                explicit: true
                """, "From _posts/2020/.\n"));
        write(posts.resolve("2021-04-19-mdimp-liquid.md"), episode(guest("Liquid Guest", "liquid")
                + "title: \"Liquid Placeholders\"\n", "Hello {{ page.guest }} ({{ page.guest_twitter }}).\n"));

        byte[] mp3;
        try (InputStream in = getClass().getResourceAsStream("/audio/cbr.mp3")) {
            mp3 = in.readAllBytes();
        }
        for (String name : new String[] {"2021-02-08-mdimp-podia-has-everything", "2021-02-15-mdimp-bom-and-crlf", "2021-02-22-mdimp-mis-encoded-emoji",
                "2021-03-01-mdimp-en-and-em-dashes", "mdimp-jekyll-date", "2021-03-15-mdimp-still-to-come", "mdimp-two-guests",
                "mdimp-own-slug", "episode-ten", "2020-12-01-mdimp-nested-folder", "2021-04-19-mdimp-liquid"}) {
            Files.write(audio.resolve(name + ".mp3"), mp3);
        }

        Cli.Run first = cli.ok("import", "markdown", "site/_posts", "--audio-dir", "audio");

        assertThat(first.out()).contains("12 file(s): 12 created, 0 updated, 0 up to date; 1 without audio (drafts)");
        assertThat(first.err()).contains("mdimp-no-audio.md: no audio found");
        JsonNode podia = publicEpisode("mdimp-podia-has-everything");
        assertThat(podia.path("publishedAt").asText()).isEqualTo("2021-02-08T00:00:00Z");
        assertThat(podia.path("chapters")).hasSize(3);
        assertThat(podia.path("guests").get(0).path("socialHandle").asText()).isEqualTo("@jmcharnes");
        assertThat(podia.path("links")).hasSize(3);
        assertThat(podia.path("showNotes").asText()).contains("Jason Charnes goes over").doesNotContain("{{").doesNotContain("{%");
        assertThat(publicEpisode("mdimp-bom-and-crlf").path("chapters")).hasSize(3);
        assertThat(publicEpisode("mdimp-mis-encoded-emoji").path("links").findValuesAsText("kind")).containsExactly("reference", "reference", "library");
        assertThat(publicEpisode("mdimp-en-and-em-dashes").path("chapters").findValuesAsText("title"))
                .containsExactly("An en dash", "An em dash", "Two hyphens past the hour");
        assertThat(publicEpisode("mdimp-jekyll-date").path("publishedAt").asText()).isEqualTo("2021-03-08T06:30:00Z");
        assertThat(publicEpisode("mdimp-still-to-come")).as("scheduled, not public yet").isNull();
        assertThat(publicEpisode("mdimp-two-guests").path("guests").findValuesAsText("name")).containsExactly("Grace Hopper", "Alan Kay");
        assertThat(publicEpisode("mdimp-own-slug").path("title").asText()).isEqualTo("A Slug of Its Own");
        assertThat(publicEpisode("mdimp-no-audio")).as("a draft").isNull();
        assertThat(publicEpisode("mdimp-audio-named").path("publishedAt").asText()).isEqualTo("2021-04-12T00:00:00Z");
        JsonNode nested = publicEpisode("mdimp-nested-folder");
        assertThat(nested.path("episodeType").asText()).isEqualTo("bonus");
        assertThat(nested.path("publishedAt").asText()).isEqualTo("2020-12-01T00:00:00Z");
        assertThat(publicEpisode("mdimp-liquid").path("showNotes").asText()).contains("Hello Liquid Guest (liquid).");

        String feed = ImportFeeds.get(URI.create(running.stack().baseUrl() + "/feed.xml"));
        assertThat(feed).contains("Podia Has Everything You Need to Sell Online Courses").contains("In a Nested Folder")
                .contains("08 Mar 2021 06:30:00").doesNotContain("An Episode Still to Come")
                .doesNotContain("No Audio Yet");
        String page = ImportFeeds.get(URI.create(running.stack().baseUrl() + "/episodes/mdimp-two-guests"));
        assertThat(page).contains("Grace Hopper").contains("Alan Kay");

        Cli.Run second = cli.ok("import", "markdown", "site/_posts", "--audio-dir", "audio");
        assertThat(second.out()).contains("12 file(s): 0 created, 0 updated, 12 up to date");
        assertThat(second.requests()).extracting(Cli.Request::method).containsOnly("GET", "HEAD");
    }

    @Test
    void aFolderWithOneUnreadableFileImportsNothing() throws Exception {
        Cli cli = Cli.on(running);
        Path dir = cli.workingDir().resolve("posts");
        write(dir.resolve("2021-01-01-mdimp-fine.md"), episode("title: \"Fine\"\n", "Fine.\n"));
        write(dir.resolve("2021-01-02-mdimp-broken.md"), "no front matter here\n");

        Cli.Run run = cli.run("import", "markdown", "posts");

        assertThat(run.code()).isEqualTo(Exit.USAGE);
        assertThat(run.err()).contains("2021-01-02-mdimp-broken.md:1").contains("1 of 2 file(s) cannot be read: nothing was imported");
        assertThat(run.requests()).isEmpty();
    }

    @Test
    void aDryRunSaysWhatWouldBeCreatedAndSendsOnlyReads() throws Exception {
        Cli cli = Cli.on(running);
        Path dir = cli.workingDir().resolve("posts");
        write(dir.resolve("2021-05-01-mdimp-dry-one.md"), episode("title: \"Dry One\"\n", "One.\n"));
        write(dir.resolve("2021-05-02-mdimp-dry-two.md"), episode("title: \"Dry Two\"\n", "Two.\n"));

        Cli.Run dry = cli.ok("import", "markdown", "posts", "--dry-run", "--json");

        JsonNode plan = Api.JSON.readTree(dry.out());
        assertThat(plan.path("dryRun").asBoolean()).isTrue();
        assertThat(plan.path("created").asInt()).isEqualTo(2);
        assertThat(plan.path("episodes").findValuesAsText("slug")).containsExactly("mdimp-dry-one", "mdimp-dry-two");
        assertThat(dry.requests()).extracting(Cli.Request::method).containsOnly("GET");
        assertThat(cli.run("open", "mdimp-dry-one").code()).isEqualTo(Exit.NOT_FOUND);
    }
}
