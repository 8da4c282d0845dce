package dev.castline.functions.site;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * The site's static files (style, script, icon), served by this function under names that carry a hash of their
 * content ({@code /assets/site.3f9a1c2b7d.css}), so they can be cached for a year as immutable and
 * a new deploy is a new URL. Served here rather than from the bucket: two small files need no
 * second origin, and the names come from the same bytes the pages link to, in one place.
 */
public final class Assets {
    /** One static file: its hashed name and what it is. */
    public record Asset(String name, String contentType, byte[] body, String etag) {
        public String href() {
            return PREFIX + name;
        }
    }

    public static final String PREFIX = "/assets/";

    private final Asset css;
    private final Asset js;
    private final Asset icon;
    private final Map<String, Asset> byName;

    public Assets() {
        this.css = load("site", "css", "text/css; charset=utf-8");
        this.js = load("player", "js", "text/javascript; charset=utf-8");
        this.icon = load("icon", "svg", "image/svg+xml");
        this.byName = Map.of(css.name(), css, js.name(), js, icon.name(), icon);
    }

    public Asset css() {
        return css;
    }

    public Asset js() {
        return js;
    }

    /** The site's icon, so browsers do not ask for a missing /favicon.ico. */
    public Asset icon() {
        return icon;
    }

    /** The asset with this hashed name; an old or made-up name is not one. */
    public Optional<Asset> named(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    private static Asset load(String base, String extension, String contentType) {
        String resource = "/assets/" + base + "." + extension;
        try (InputStream in = Assets.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the function's jar");
            }
            byte[] body = in.readAllBytes();
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 5);
            return new Asset(base + "." + hash + "." + extension, contentType, body, "\"" + hash + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
