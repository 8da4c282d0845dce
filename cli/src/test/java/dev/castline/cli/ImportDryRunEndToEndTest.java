package dev.castline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code castline import feed --dry-run} asks the admin API what the import would do with each
 * item ({@code POST /api/v1/admin/imports?dryRun=true}, reads only): over a half-imported feed it
 * tells the items already there from those it would import, and names one the API would refuse,
 * exactly as the real run then does; and it changes nothing.
 */
@ExtendWith(LocalStack.class)
class ImportDryRunEndToEndTest {
    static FeedServer server;
    private final LocalStack.Running running;

    ImportDryRunEndToEndTest(LocalStack.Running running) {
        this.running = running;
    }

    private static String item(String guid, String title, String pubDate) {
        return "<item><title>" + title + "</title><guid>" + guid + "</guid><pubDate>" + pubDate + "</pubDate>"
                + "<enclosure url=\"https://cdn.halfway.example/" + guid + ".mp3\" length=\"1000\" type=\"audio/mpeg\"/>"
                + "<itunes:duration>60</itunes:duration></item>";
    }

    @BeforeAll
    static void oldHost() {
        server = new FeedServer().bytes("/halfway.xml", "application/rss+xml", ("<rss version=\"2.0\" xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\">"
                + "<channel><title>Halfway There</title>"
                + item("halfway-4", "Halfway Four", "Thu, 04 Mar 2021 12:00:00 +0000")
                + item("halfway-3", "Halfway Three", "Wed, 03 Mar 2021 12:00:00 +0000")
                + item("halfway-2", "Halfway Two", "Tue, 02 Mar 2021 12:00:00 +0000")
                + item("halfway-old", "Halfway Before Time", "Tue, 31 Dec 1968 10:00:00 +0000")
                + "</channel></rss>").getBytes(StandardCharsets.UTF_8));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aDryRunOverAHalfImportedFeedTellsWhatIsThereWhatWouldBeImportedAndWhatWouldBeRefused() throws Exception {
        Cli cli = Cli.on(running);
        String url = server.url("/halfway.xml").toString();
        cli.ok("import", "feed", url, "--limit", "2");
        Set<String> feedBefore = ImportFeeds.castlineFeed(running).keySet();
        String episodesBefore = cli.ok("episodes", "--json").out();
        String showBefore = cli.ok("show", "--json").out();

        Cli.Run dry = cli.run("import", "feed", url, "--dry-run");

        assertThat(dry.code()).as("an item the API would refuse: as the real run, exit 2; stderr: %s", dry.err()).isEqualTo(Exit.USAGE);
        assertThat(dry.out()).contains("dry run: nothing changed")
                .contains("  already there halfway-4  2021-03-04T12:00:00Z  Halfway Four (halfway-four)")
                .contains("  already there halfway-3  2021-03-03T12:00:00Z  Halfway Three (halfway-three)")
                .contains("  would import halfway-2  2021-03-02T12:00:00Z  Halfway Two")
                .contains("  would be refused halfway-old  1968-12-31T10:00:00Z  Halfway Before Time: ")
                .contains("publishAt must be from 1970-01-01T00:00:00Z")
                .contains("  in all: 1 episode(s) to import, 2 already there, 1 the API would refuse")
                .doesNotContain("would import halfway-4").doesNotContain("would import halfway-3");
        assertThat(dry.requests()).extracting(Cli.Request::method).containsOnly("GET", "POST");
        assertThat(dry.requests("POST")).hasSize(4)
                .allMatch(r -> r.uri().getPath().equals("/api/v1/admin/imports") && "dryRun=true".equals(r.uri().getQuery()));
        assertThat(ImportFeeds.castlineFeed(running).keySet()).as("Castline's feed unchanged").isEqualTo(feedBefore);
        assertThat(cli.ok("episodes", "--json").out()).as("the episodes unchanged").isEqualTo(episodesBefore);
        assertThat(cli.ok("show", "--json").out()).as("the show unchanged").isEqualTo(showBefore);

        Cli.Run real = cli.run("import", "feed", url);

        assertThat(real.code()).isEqualTo(Exit.USAGE);
        assertThat(real.out()).contains("imported 1 episode(s); 2 already there; 1 refused (see above)");
        assertThat(real.err()).contains("item 3 (guid halfway-old): refused: ").contains("publishAt must be from 1970-01-01T00:00:00Z");
        assertThat(ImportFeeds.castlineFeed(running)).containsKey("halfway-2").doesNotContainKey("halfway-old");
        cli.ok("show", "set", "title=Running Locally");
    }
}
