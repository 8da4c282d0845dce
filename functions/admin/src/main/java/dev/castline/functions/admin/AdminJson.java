package dev.castline.functions.admin;

import dev.castline.api.EpisodeJson;
import dev.castline.domain.Episode;
import dev.castline.domain.EpisodeSummary;
import dev.castline.domain.Show;
import dev.castline.feed.ChaptersJson;
import dev.castline.http.Json;
import java.time.Instant;
import java.util.List;

/** The host's view of episodes and the show: everything, including what the public never sees. */
final class AdminJson {
    private final String mediaBaseUrl;

    AdminJson(String mediaBaseUrl) {
        this.mediaBaseUrl = mediaBaseUrl;
    }

    String episode(Episode e, Instant now) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("id", e.id());
            json.writeStringField("slug", e.slug());
            Json.stringArray(json, "formerSlugs", e.formerSlugs());
            json.writeStringField("guid", e.guid());
            json.writeStringField("title", e.title());
            Json.optionalString(json, "summary", e.summary());
            Json.optionalString(json, "showNotes", e.showNotesMarkdown());
            Json.optionalString(json, "showNotesHtml", e.showNotesHtml());
            ChaptersJson.chapters(json, e.chapters());
            EpisodeJson.guests(json, e.guests());
            Json.stringArray(json, "tags", e.tags());
            EpisodeJson.links(json, e.links());
            EpisodeJson.numbering(json, e);
            json.writeStringField("status", e.effectiveStatus(now).wireName());
            Json.optionalString(json, "publishAt", e.publishAt() == null ? null : e.publishAt().toString());
            if (e.audio() != null) {
                json.writeObjectFieldStart("audio");
                json.writeStringField("key", e.audio().key());
                json.writeStringField("url", mediaBaseUrl + "/" + e.audio().key());
                json.writeStringField("type", e.audio().contentType());
                json.writeNumberField("bytes", e.audio().bytes());
                json.writeFieldName("durationSeconds");
                json.writeNumber(ChaptersJson.seconds(e.audio().durationMillis()));
                json.writeEndObject();
            }
            if (e.upload() != null) {
                json.writeObjectFieldStart("upload");
                json.writeStringField("key", e.upload().key());
                json.writeStringField("contentType", e.upload().contentType());
                json.writeNumberField("bytes", e.upload().bytes());
                json.writeStringField("requestedAt", e.upload().requestedAt().toString());
                json.writeStringField("state", e.upload().isPending() ? "pending" : "rejected");
                Json.optionalString(json, "reason", e.upload().rejectedReason());
                json.writeEndObject();
            }
            json.writeStringField("createdAt", e.createdAt().toString());
            json.writeStringField("updatedAt", e.updatedAt().toString());
            json.writeNumberField("version", e.version());
            json.writeEndObject();
        });
    }

    String page(List<EpisodeSummary> items, String nextCursor, String status) {
        return Json.page(items, (json, s) -> {
            json.writeStringField("id", s.id());
            json.writeStringField("slug", s.slug());
            json.writeStringField("title", s.title());
            json.writeStringField("status", status);
            Json.optionalString(json, "publishAt", s.publishAt() == null ? null : s.publishAt().toString());
            json.writeBooleanField("hasAudio", s.audio() != null);
        }, nextCursor);
    }

    static String show(Show s) {
        return Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("title", s.title());
            json.writeStringField("author", s.author());
            json.writeStringField("description", s.description());
            json.writeStringField("language", s.language());
            json.writeStringField("artworkUrl", s.artworkUrl());
            json.writeStringField("appleCategory", s.appleCategory());
            Json.optionalString(json, "appleSubcategory", s.appleSubcategory());
            json.writeBooleanField("explicit", s.explicit());
            json.writeStringField("ownerName", s.ownerName());
            json.writeStringField("ownerEmail", s.ownerEmail());
            json.writeStringField("siteBaseUrl", s.siteBaseUrl());
            Json.optionalString(json, "copyright", s.copyright());
            Json.optionalString(json, "fundingUrl", s.fundingUrl());
            Json.optionalString(json, "fundingText", s.fundingText());
            json.writeStringField("feedUrl", s.feedUrl());
            json.writeStringField("podcastGuid", s.podcastGuid());
            json.writeBooleanField("serial", s.serial());
            json.writeBooleanField("locked", s.locked());
            if (s.feedItemLimit() != null) {
                json.writeNumberField("feedItemLimit", s.feedItemLimit());
            }
            json.writeEndObject();
        });
    }
}
