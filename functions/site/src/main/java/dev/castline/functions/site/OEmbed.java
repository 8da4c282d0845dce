package dev.castline.functions.site;

import dev.castline.api.Paths;
import dev.castline.domain.Episode;
import dev.castline.domain.Show;
import dev.castline.http.ApiException;
import dev.castline.http.ApiRequest;
import dev.castline.http.Json;
import java.util.Optional;

/**
 * oEmbed (oembed.com) for episode pages: {@code GET /oembed?url=<episode page>&format=json} answers
 * a "rich" embed whose HTML is an iframe of {@code /embed/{slug}}.
 */
final class OEmbed {
    static final int WIDTH = 480;
    static final int HEIGHT = 180;
    private static final int MIN_WIDTH = 200;

    private OEmbed() {
    }

    static String answer(ApiRequest request, SitePages pages) {
        String format = request.query("format").orElse("json");
        if (!format.equals("json")) {
            throw new ApiException(501, "not_implemented", "format must be json: this provider answers JSON only", "format");
        }
        String url = request.query("url").orElseThrow(() -> ApiException.badRequest("url", "url must be the address of an episode page"));
        int width = dimension(request, "maxwidth").map(w -> Math.min(w, WIDTH)).orElse(WIDTH);
        if (width < MIN_WIDTH) {
            throw ApiException.badRequest("maxwidth", "maxwidth must be at least " + MIN_WIDTH);
        }
        Show show = pages.show();
        String prefix = SitePages.absolute(show, Paths.EPISODES);
        if (!url.startsWith(prefix)) {
            throw ApiException.notFound("url is not an episode page of this show");
        }
        String slug = url.substring(prefix.length());
        int end = slug.indexOf('?');
        slug = end < 0 ? slug : slug.substring(0, end);
        Episode e = pages.publicEpisode(slug).orElseThrow(() -> ApiException.notFound("url is not a published episode's page"));
        String src = SitePages.absolute(show, SitePages.embedPath(e.slug()));
        int w = width;
        return Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("version", "1.0");
            json.writeStringField("type", "rich");
            json.writeStringField("title", e.title());
            Json.optionalString(json, "author_name", show.author());
            json.writeStringField("provider_name", show.title());
            json.writeStringField("provider_url", SitePages.absolute(show, "/"));
            json.writeStringField("html", "<iframe src=\"" + attribute(src) + "\" width=\"" + w + "\" height=\"" + HEIGHT
                    + "\" title=\"" + attribute(e.title()) + "\" loading=\"lazy\" style=\"border:0\"></iframe>");
            json.writeNumberField("width", w);
            json.writeNumberField("height", HEIGHT);
            json.writeEndObject();
        });
    }

    private static Optional<Integer> dimension(ApiRequest request, String name) {
        Optional<String> value = request.query(name);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        if (!value.get().matches("\\d{1,5}")) {
            throw ApiException.badRequest(name, name + " must be a whole number of pixels");
        }
        return Optional.of(Integer.parseInt(value.get()));
    }

    private static String attribute(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
