package dev.castline.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "login", mixinStandardHelpOptions = true,
        description = {
            "Saves a connection to a Castline admin API as a profile.",
            "Profiles are kept in $XDG_CONFIG_HOME/castline/profiles.json (mode 0600).",
            "The token is read without echo, or from standard input with --token-stdin; it is checked, then saved, never printed.",
            "With --local, the running local stack's URL and admin token are read from its data directory."})
final class LoginCommand implements Callable<Integer> {
    static final String LOCAL_DATA_DIR = ".castline";

    @ParentCommand
    Castline root;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--api", paramLabel = "URL", description = "The API's base URL, e.g. https://podcast.example.com.")
        String api;

        @Option(names = "--local", description = "The local stack (bin/castline-local) running on this machine.")
        boolean local;
    }

    @Option(names = "--token-stdin", description = "Read the token from standard input (one line) instead of the terminal.")
    boolean tokenStdin;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "With --local: the stack's data directory (default: .castline here or in a parent folder).")
    Path dataDir;

    @Option(names = "--profile", paramLabel = "NAME", description = "The profile's name (default: 'local' with --local, else 'default').")
    String profile;

    @Option(names = "--default", description = "Make this profile the default (the first profile saved always is).")
    boolean makeDefault;

    @Override
    public Integer call() {
        Env env = root.env;
        String api;
        String token;
        String name;
        if (target.local) {
            Path dir = dataDir != null ? env.resolve(dataDir.toString()) : findLocalDataDir(env.workingDir());
            api = read(dir.resolve("api-url"), "the local stack's URL (is it running? start it with bin/castline-local)");
            token = read(dir.resolve("admin-token"), "the local stack's admin token");
            name = profile != null ? profile : "local";
        } else {
            api = target.api;
            if (!EpisodeParser.isHttpUrl(api)) {
                throw Exit.usage("--api '" + api + "' is not an http(s) URL");
            }
            token = tokenStdin ? stdinToken(env) : consoleToken();
            name = profile != null ? profile : "default";
        }
        Profiles.Connection connection = new Profiles.Connection(name, Profiles.stripSlash(api), token);
        // A token the API refuses is not saved: 401 here is exit code 5.
        new Api(connection, env).get(Episodes.ADMIN + "/episodes?status=draft&limit=1");
        Profiles profiles = new Profiles(env.configDir());
        profiles.save(name, api, token, makeDefault);
        env.out().println("Logged in to " + connection.api() + " as profile '" + name + "' (saved in " + profiles.file() + ")");
        return Exit.OK;
    }

    static Path findLocalDataDir(Path from) {
        for (Path dir = from.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(LOCAL_DATA_DIR);
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new Exit.Failure(Exit.AUTH, "no local stack data (" + LOCAL_DATA_DIR + ") here or in a parent folder: "
                + "start it with bin/castline-local, or give --data-dir");
    }

    private static String read(Path file, String what) {
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (value.isEmpty()) {
                throw new IOException("empty");
            }
            return value;
        } catch (IOException e) {
            throw new Exit.Failure(Exit.AUTH, "cannot read " + what + " from " + file);
        }
    }

    private static String stdinToken(Env env) {
        try {
            String line = new BufferedReader(new InputStreamReader(env.in(), StandardCharsets.UTF_8)).readLine();
            if (line == null || line.isBlank()) {
                throw Exit.usage("--token-stdin: no token on standard input");
            }
            return line.strip();
        } catch (IOException e) {
            throw Exit.usage("--token-stdin: cannot read standard input: " + e.getMessage());
        }
    }

    private static String consoleToken() {
        var console = System.console();
        if (console == null) {
            throw Exit.usage("no terminal to read the token from: pipe it in with --token-stdin");
        }
        char[] token = console.readPassword("Admin token: ");
        if (token == null || token.length == 0) {
            throw Exit.usage("no token given");
        }
        return new String(token).strip();
    }
}
