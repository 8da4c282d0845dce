package dev.castline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Help, exit codes, --json, profiles and tokens, retries: what scripts and people rely on. */
@ExtendWith(LocalStack.class)
class CommandsTest {
    private final LocalStack.Running running;

    CommandsTest(LocalStack.Running running) {
        this.running = running;
    }

    private Path episode(Cli cli, String slug, String extra) throws IOException {
        Path file = cli.workingDir().resolve(slug + ".md");
        Files.writeString(file, "---\ntitle: \"" + slug + "\"\n" + extra + "---\nNotes.\n", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        Cli.Run help = Cli.on(running).ok("--help");
        assertThat(help.out()).contains("push", "pull", "episodes", "show", "publish", "unpublish", "rm", "upload", "open", "login", "completion")
                .contains("Exit codes:").containsPattern("\n  4 +conflict").contains("CASTLINE_TOKEN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"login", "push", "pull", "episodes", "show", "publish", "unpublish", "rm", "upload", "open", "completion"})
    void everyCommandHasHelp(String command) {
        Cli.Run help = Cli.on(running).ok(command, "--help");
        assertThat(help.out()).startsWith("Usage: castline " + command);
    }

    @Test
    void theCompletionScriptCompletesTheCommands() {
        assertThat(Cli.on(running).ok("completion").out()).contains("complete -F").contains("push").contains("--dry-run");
    }

    @Test
    void badUsageIsExitCode2WithAHint() {
        Cli.Run run = Cli.on(running).run("push", "--no-such-option", "x.md");
        assertThat(run.code()).isEqualTo(Exit.USAGE);
        assertThat(run.err()).contains("Unknown option: '--no-such-option'").contains("Try 'castline push --help'.");
        assertThat(Cli.on(running).run().code()).isEqualTo(Exit.USAGE);
    }

    @Test
    void anUnreadableEpisodeFileIsExitCode2NamingFileLineAndField() throws IOException {
        Cli cli = Cli.on(running);
        Path file = episode(cli, "bad-season", "season: two\n");
        Cli.Run run = cli.run("push", file.toString());
        assertThat(run.code()).isEqualTo(Exit.USAGE);
        assertThat(run.err().strip()).isEqualTo("castline: " + file + ":3: season: 'two' must be a whole number from 1");
        assertThat(run.requests()).isEmpty();
    }

    @Test
    void aFieldTheApiRefusesIsOneLineNamingTheFieldAndExitCode2() {
        Cli.Run run = Cli.on(running).run("show", "set", "language=not a language");
        assertThat(run.code()).isEqualTo(Exit.USAGE);
        assertThat(run.err().lines().toList()).singleElement().asString()
                .startsWith("castline: the API answered 400 bad_request to PUT /api/v1/admin/show: language: ");
    }

    @Test
    void anUnknownSlugIsExitCode3() {
        Cli cli = Cli.on(running);
        for (String[] args : List.of(new String[] {"publish", "no-such-episode"}, new String[] {"pull", "no-such-episode", "-o", "-"},
                new String[] {"open", "no-such-episode"}, new String[] {"rm", "no-such-episode", "--yes"})) {
            Cli.Run run = cli.run(args);
            assertThat(run.code()).as(String.join(" ", args)).isEqualTo(Exit.NOT_FOUND);
            assertThat(run.err()).contains("no episode has the slug 'no-such-episode'");
        }
    }

    @Test
    void publishingWithoutAudioIsAConflictExitCode4() throws IOException {
        Cli cli = Cli.on(running);
        cli.ok("push", episode(cli, "no-audio-yet", "").toString());
        Cli.Run run = cli.run("publish", "no-audio-yet");
        assertThat(run.code()).isEqualTo(Exit.CONFLICT);
        assertThat(run.err()).startsWith("castline: the API answered 409 conflict to POST /api/v1/admin/episodes/");
        Cli.Run push = cli.run("push", episode(cli, "no-audio-yet", "").toString(), "--publish");
        assertThat(push.code()).isEqualTo(Exit.CONFLICT);
        assertThat(push.err()).contains("cannot publish an episode without audio");
    }

    @Test
    void noTokenOrAWrongOneIsExitCode5() {
        Cli.Run none = Cli.on(running).env("CASTLINE_TOKEN", null).env("CASTLINE_API", null).run("episodes");
        assertThat(none.code()).isEqualTo(Exit.AUTH);
        assertThat(none.err()).contains("not logged in");
        Cli.Run wrong = Cli.on(running).env("CASTLINE_TOKEN", "not-the-token").run("episodes");
        assertThat(wrong.code()).isEqualTo(Exit.AUTH);
        assertThat(wrong.err()).contains("the API refused the token (401)");
    }

    @Test
    void anUnreachableApiIsExitCode6AfterRetryingIdempotentCalls() throws IOException {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Cli.Run run = Cli.on(running).env("CASTLINE_API", "http://127.0.0.1:" + closedPort).run("episodes");
        assertThat(run.code()).isEqualTo(Exit.SERVER);
        assertThat(run.err()).contains("cannot reach http://127.0.0.1:" + closedPort).contains("tried 4 times");
        assertThat(run.requests("GET")).hasSize(Api.ATTEMPTS);
    }

    @Test
    void aFailingServerIsRetriedForReadsButNeverForPosts(@TempDir Path dir) throws IOException {
        AtomicInteger gets = new AtomicInteger();
        AtomicInteger posts = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            boolean get = exchange.getRequestMethod().equals("GET");
            (get ? gets : posts).incrementAndGet();
            byte[] body = get
                    ? "{\"error\":{\"code\":\"not_found\",\"message\":\"No episode has this slug.\"}}".getBytes(StandardCharsets.UTF_8)
                    : "{\"error\":{\"code\":\"unavailable\",\"message\":\"Try again.\"}}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(get && gets.get() < 3 ? 503 : get ? 404 : 503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            Cli cli = Cli.on(running).env("CASTLINE_API", "http://127.0.0.1:" + server.getAddress().getPort()).in(dir);
            Cli.Run run = cli.run("push", episode(cli, "flaky-server", "").toString());
            assertThat(run.code()).isEqualTo(Exit.SERVER);
            assertThat(gets.get()).as("the slug lookup, retried after two 503s").isEqualTo(3);
            assertThat(posts.get()).as("the create, sent once").isEqualTo(1);
            assertThat(run.err()).contains("503 unavailable to POST /api/v1/admin/episodes");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void jsonOutputIsJson() throws Exception {
        Cli cli = Cli.on(running);
        cli.ok("push", episode(cli, "listed-as-json", "tags:\n  - json\n").toString());

        JsonNode list = Api.JSON.readTree(cli.ok("episodes", "--status", "draft", "--json").out());
        assertThat(list.isArray()).isTrue();
        assertThat(list.findValuesAsText("slug")).contains("listed-as-json");
        JsonNode show = Api.JSON.readTree(cli.ok("show", "get", "--json").out());
        assertThat(show.path("title").asText()).isEqualTo("Running Locally");
        JsonNode open = Api.JSON.readTree(cli.ok("open", "listed-as-json", "--json").out());
        assertThat(open.path("url").asText()).isEqualTo(running.stack().baseUrl() + "/episodes/listed-as-json");
        JsonNode push = Api.JSON.readTree(cli.ok("push", "listed-as-json.md", "--json").out());
        assertThat(push.path("changed").asBoolean()).isFalse();
        assertThat(push.path("status").asText()).isEqualTo("draft");

        String table = cli.ok("episodes", "--status", "draft").out();
        assertThat(table.lines().findFirst().orElseThrow()).matches("SLUG +STATUS +PUBLISH AT +AUDIO +TITLE");
        assertThat(table).containsPattern("listed-as-json +draft +- +no +listed-as-json");
    }

    @Test
    void rmAsksFirstUnlessYes() throws IOException {
        Cli cli = Cli.on(running);
        cli.ok("push", episode(cli, "to-be-removed", "").toString());
        Cli.Run no = cli.stdin("n\n").run("rm", "to-be-removed");
        assertThat(no.code()).isEqualTo(Exit.USAGE);
        assertThat(no.err()).contains("Delete 'to-be-removed'").contains("Nothing deleted.");
        assertThat(no.requests("DELETE")).isEmpty();
        assertThat(cli.stdin("y\n").ok("rm", "to-be-removed").out()).contains("to-be-removed: deleted");
        cli.ok("push", episode(cli, "to-be-removed", "").toString());
        assertThat(cli.stdin("").ok("rm", "to-be-removed", "--yes").out()).contains("deleted");
    }

    @Test
    void loginSavesAPrivateProfileAndNeverPrintsTheToken(@TempDir Path home) throws IOException {
        String token = running.stack().adminToken();
        Cli cli = Cli.offline(home).env("XDG_CONFIG_HOME", home.resolve("config").toString());

        Cli.Run login = cli.stdin(token + "\n").ok("login", "--api", running.stack().baseUrl().toString(), "--token-stdin");

        Path file = home.resolve("config/castline/profiles.json");
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.getPosixFilePermissions(file.getParent())).isEqualTo(PosixFilePermissions.fromString("rwx------"));
        assertThat(Files.readString(file)).contains(token);
        assertThat(login.out() + login.err()).doesNotContain(token).contains("profile 'default'");
        Cli.Run list = cli.ok("episodes", "--json");
        assertThat(list.out() + list.err()).doesNotContain(token);

        Cli.Run refused = cli.stdin("wrong-token\n").run("login", "--api", running.stack().baseUrl().toString(), "--token-stdin", "--profile", "bad");
        assertThat(refused.code()).isEqualTo(Exit.AUTH);
        assertThat(Files.readString(file)).doesNotContain("wrong-token").doesNotContain("\"bad\"");
        assertThat(cli.run("episodes", "--profile", "bad").code()).isEqualTo(Exit.AUTH);
    }

    @Test
    void loginLocalReadsTheRunningStacksDataDirectory(@TempDir Path home) throws IOException {
        Path data = home.resolve("project/.castline");
        Files.createDirectories(data);
        Files.writeString(data.resolve("api-url"), running.stack().baseUrl() + "\n");
        Files.writeString(data.resolve("admin-token"), running.stack().adminToken() + "\n");
        Path below = Files.createDirectories(home.resolve("project/episodes"));
        Cli cli = Cli.offline(home).env("XDG_CONFIG_HOME", home.resolve("config").toString()).in(below);

        Cli.Run login = cli.ok("login", "--local");

        assertThat(login.out()).contains("Logged in to " + running.stack().baseUrl() + " as profile 'local'");
        assertThat(cli.ok("episodes", "--profile", "local").code()).isZero();
        assertThat(Cli.offline(home).in(home).run("login", "--local").code()).isEqualTo(Exit.AUTH);
    }
}
