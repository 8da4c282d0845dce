package dev.castline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Iterator;
import java.util.Map;

/**
 * Saved connections, in {@code profiles.json} of the config folder (mode 0600, its folder 0700):
 * {@code {"default": "local", "profiles": {"local": {"api": "…", "token": "…"}}}}.
 * {@code CASTLINE_API} and {@code CASTLINE_TOKEN} override the chosen profile's values.
 */
public final class Profiles {
    static final String FILE = "profiles.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where to connect: the API's base URL and its admin token. The token never appears in {@link #toString()}. */
    public record Connection(String profile, String api, String token) {
        @Override
        public String toString() {
            return "Connection[profile=" + profile + ", api=" + api + "]";
        }
    }

    private final Path file;

    public Profiles(Path configDir) {
        this.file = configDir.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    /** The connection to use: {@code --profile}, else {@code CASTLINE_PROFILE}, else the default profile; then the overrides. */
    public Connection resolve(Env env, String profileOption) {
        ObjectNode root = load();
        String name = profileOption != null ? profileOption
                : env.variable("CASTLINE_PROFILE") != null ? env.variable("CASTLINE_PROFILE")
                : root.path("default").asText("default");
        JsonNode saved = root.path("profiles").path(name);
        if (profileOption != null && saved.isMissingNode()) {
            throw new Exit.Failure(Exit.AUTH, "no profile '" + name + "' in " + file + ": run castline login --profile " + name + " --api URL");
        }
        String api = env.variable("CASTLINE_API") != null ? env.variable("CASTLINE_API") : text(saved, "api");
        String token = env.variable("CASTLINE_TOKEN") != null ? env.variable("CASTLINE_TOKEN") : text(saved, "token");
        if (api == null || token == null) {
            throw new Exit.Failure(Exit.AUTH, "not logged in: run castline login --api URL (or castline login --local), "
                    + "or set CASTLINE_API and CASTLINE_TOKEN");
        }
        return new Connection(name, stripSlash(api), token);
    }

    /** Saves a profile (and makes it the default when it is the first, or when asked). */
    public void save(String name, String api, String token, boolean makeDefault) {
        ObjectNode root = load();
        ObjectNode profiles = root.has("profiles") && root.get("profiles").isObject() ? (ObjectNode) root.get("profiles") : root.putObject("profiles");
        ObjectNode profile = profiles.putObject(name);
        profile.put("api", stripSlash(api));
        profile.put("token", token);
        if (makeDefault || !root.has("default") || !profiles.has(root.path("default").asText())) {
            root.put("default", name);
        }
        write(root);
    }

    /** Profile names with their API, the default first marked. Tokens are never listed. */
    public Map<String, String> list() {
        ObjectNode root = load();
        Map<String, String> names = new java.util.LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = root.path("profiles").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            names.put(e.getKey(), e.getValue().path("api").asText());
        }
        return names;
    }

    public String defaultName() {
        return load().path("default").asText(null);
    }

    private ObjectNode load() {
        if (!Files.exists(file)) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(file.toFile());
            if (node == null || !node.isObject()) {
                throw new Exit.Failure(Exit.USAGE, file + ": not a profiles file (a JSON object); fix or delete it");
            }
            return (ObjectNode) node;
        } catch (IOException e) {
            throw new Exit.Failure(Exit.USAGE, file + ": cannot read: " + e.getMessage());
        }
    }

    /** Written to a 0600 file beside it, then moved over it: never readable by others, even for a moment. */
    private void write(ObjectNode root) {
        try {
            Path dir = file.getParent();
            Files.createDirectories(dir);
            posix(dir, "rwx------");
            Path temp = dir.resolve(FILE + ".tmp");
            Files.deleteIfExists(temp);
            try {
                Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(temp);
            } catch (FileAlreadyExistsException raced) {
                throw new IOException("another castline login is writing " + file);
            }
            Files.write(temp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            try {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            posix(file, "rw-------");
        } catch (IOException e) {
            throw new Exit.Failure(Exit.FAILURE, "cannot write " + file + ": " + e.getMessage());
        }
    }

    private static void posix(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the user's profile folder is private already.
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    static String stripSlash(String api) {
        return api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
    }
}
