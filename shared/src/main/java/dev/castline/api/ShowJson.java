package dev.castline.api;

import dev.castline.domain.RemoteItem;
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
            if (s.license() != null) {
                EpisodeJson.license(json, s.license());
            }
            if (s.location() != null) {
                json.writeObjectFieldStart("location");
                json.writeStringField("name", s.location().name());
                Json.optionalString(json, "geo", s.location().geo());
                Json.optionalString(json, "osm", s.location().osm());
                json.writeEndObject();
            }
            if (!s.podroll().isEmpty()) {
                json.writeArrayFieldStart("podroll");
                for (RemoteItem r : s.podroll()) {
                    json.writeStartObject();
                    json.writeStringField("feedGuid", r.feedGuid());
                    Json.optionalString(json, "feedUrl", r.feedUrl());
                    Json.optionalString(json, "title", r.title());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            if (s.updateFrequency() != null) {
                json.writeObjectFieldStart("updateFrequency");
                json.writeStringField("text", s.updateFrequency().text());
                Json.optionalString(json, "rrule", s.updateFrequency().rrule());
                Json.optionalString(json, "dtstart", s.updateFrequency().dtstart());
                if (s.updateFrequency().complete()) {
                    json.writeBooleanField("complete", true);
                }
                json.writeEndObject();
            }
            if (s.complete()) {
                json.writeBooleanField("complete", true);
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
