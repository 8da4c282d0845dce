package dev.castline.api;

import dev.castline.domain.Show;
import dev.castline.http.Json;

/**
 * The public show info ({@code GET /api/v1/show}): what a player or a directory needs to present
 * the show. The host's contact details and the feed's internals stay in the host's view.
 */
public final class ShowJson {
    private ShowJson() {
    }

    public static String show(Show s) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("title", s.title());
            json.writeStringField("author", s.author());
            json.writeStringField("description", s.description());
            json.writeStringField("language", s.language());
            json.writeStringField("artworkUrl", s.artworkUrl());
            json.writeStringField("siteBaseUrl", s.siteBaseUrl());
            json.writeStringField("feedUrl", s.feedUrl());
            json.writeStringField("podcastGuid", s.podcastGuid());
            json.writeBooleanField("explicit", s.explicit());
            json.writeStringField("type", s.serial() ? "serial" : "episodic");
            Json.optionalString(json, "copyright", s.copyright());
            json.writeArrayFieldStart("funding");
            if (s.fundingUrl() != null) {
                json.writeStartObject();
                json.writeStringField("url", s.fundingUrl());
                Json.optionalString(json, "text", s.fundingText());
                json.writeEndObject();
            }
            json.writeEndArray();
            if (!s.subscribeLinks().isEmpty()) {
                json.writeObjectFieldStart("subscribeLinks");
                for (var link : s.subscribeLinks().entrySet()) {
                    json.writeStringField(link.getKey(), link.getValue());
                }
                json.writeEndObject();
            }
            json.writeArrayFieldStart("categories");
            json.writeStartObject();
            json.writeStringField("category", s.appleCategory());
            Json.optionalString(json, "subcategory", s.appleSubcategory());
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        });
    }
}
