package dev.castline.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.castline.domain.Episode;
import dev.castline.store.EpisodeStore;
import dev.castline.testing.ApiFixture.LambdaResponse;
import dev.castline.testing.Episodes;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.core.sync.RequestBody;

/** Starting, stopping and starting again: data survives, the sample loads once, a busy port is a clear error. */
class CastlineLocalLifecycleTest {
    @Test
    void aSecondStartKeepsWhatTheFirstWrote(@TempDir Path dataDir) {
        Episode added;
        String token;
        CastlineLocal.Settings settings = new CastlineLocal.Settings(0, 0, 0, dataDir, true, null);
        try (CastlineLocal first = CastlineLocal.start(settings)) {
            assertThat(first.sampleSlugs()).hasSize(12);
            added = new EpisodeStore(first.dynamo(), CastlineLocal.TABLE, first.config().layout(), java.time.Clock.systemUTC())
                    .create(Episodes.published("written-by-the-first-start", Instant.parse("2024-01-01T00:00:00Z")).build());
            // The episode's own audio key: the upload processor deletes objects no episode points at.
            first.s3().putObject(r -> r.bucket(CastlineLocal.AUDIO_BUCKET).key(added.audio().key()), RequestBody.fromString("kept"));
            token = first.adminToken();
            // As a data directory kept from before artwork had renditions.
            SampleArtwork.KEY.renditions().forEach(k -> first.s3().deleteObject(r -> r.bucket(CastlineLocal.AUDIO_BUCKET).key(k)));
        }
        try (CastlineLocal second = CastlineLocal.start(settings)) {
            assertThat(second.sampleSlugs()).as("the sample loads on the first start only").isEmpty();
            assertThat(second.adminToken()).isEqualTo(token);
            LambdaResponse episode = Http.get(URI.create(second.baseUrl() + "/api/v1/episodes/" + added.slug()));
            assertThat(episode.status()).isEqualTo(200);
            LambdaResponse list = Http.get(URI.create(second.baseUrl() + "/api/v1/episodes?limit=100"));
            assertThat(dev.castline.testing.Events.json(list.body()).get("items")).hasSize(13);
            assertThat(Http.get(URI.create(second.baseUrl() + "/media/" + added.audio().key())).body()).isEqualTo("kept");
            for (String rendition : SampleArtwork.KEY.renditions()) {
                assertThat(Http.get(URI.create(second.baseUrl() + "/media/" + rendition)).status())
                        .as("the sample artwork's renditions, made again").isEqualTo(200);
            }
        }
    }

    @Test
    void everyListenerIsOnLoopbackAndTheDataIsTheOwnersOnly(@TempDir Path dataDir) throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(ListeningSockets.available(), "reads the kernel's socket tables (Linux)");
        try (CastlineLocal stack = CastlineLocal.start(new CastlineLocal.Settings(0, 0, 0, dataDir, false, null))) {
            for (URI server : List.of(stack.baseUrl(), stack.dynamoEndpoint(), stack.s3Endpoint())) {
                List<String> addresses = ListeningSockets.addressesListeningOn(server.getPort());
                assertThat(addresses).as("listening on %s", server).isNotEmpty()
                        .allSatisfy(a -> assertThat(ListeningSockets.isLoopback(a)).as("%s listens on %s", server, a).isTrue());
            }
            for (Path dir : List.of(dataDir, dataDir.resolve("dynamodb"), dataDir.resolve("s3"))) {
                assertThat(java.nio.file.Files.getPosixFilePermissions(dir)).as(dir.toString())
                        .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            }
            assertThat(java.nio.file.Files.getPosixFilePermissions(dataDir.resolve("admin-token")))
                    .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void noSampleDataMeansAnEmptyShow() {
        try (CastlineLocal stack = CastlineLocal.start(new CastlineLocal.Settings(0, 0, 0, null, false, "given-token"))) {
            assertThat(stack.adminToken()).isEqualTo("given-token");
            LambdaResponse list = Http.get(URI.create(stack.baseUrl() + "/api/v1/episodes"));
            assertThat(list.body()).isEqualTo("{\"items\":[],\"nextCursor\":null}");
        }
    }

    @Test
    void aBusyPortIsAOneLineErrorWithExitCode2() throws Exception {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PrintStream original = System.err;
            int code;
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            try {
                code = new CommandLine(new CastlineLocalCommand()).execute("--in-memory", "--port", Integer.toString(busy.getLocalPort()));
            } finally {
                System.setErr(original);
            }
            assertThat(code).isEqualTo(2);
            String message = err.toString(StandardCharsets.UTF_8);
            assertThat(message.strip().lines()).hasSize(1);
            assertThat(message).contains("port " + busy.getLocalPort()).contains("already in use").doesNotContain("Exception");
        }
    }

    @Test
    void helpDocumentsEveryOption() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CommandLine cli = new CommandLine(new CastlineLocalCommand());
        cli.setOut(new java.io.PrintWriter(out, true, StandardCharsets.UTF_8));
        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("--port", "--data-dir", "--in-memory", "--no-sample-data", "--admin-token");
    }
}
