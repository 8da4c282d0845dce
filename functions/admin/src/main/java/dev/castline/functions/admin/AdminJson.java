package dev.castline.functions.admin;

import dev.castline.api.EpisodeJson;
import dev.castline.domain.Episode;
import dev.castline.domain.EpisodeSummary;
import dev.castline.domain.MediaKey;
import dev.castline.domain.Show;
import dev.castline.domain.ShowField;
import dev.castline.domain.Upload;
import dev.castline.host.ShowArtwork;
import dev.castline.host.ShowSettings;
import dev.castline.host.UploadSigner;
import dev.castline.host.Uploads;
import dev.castline.feed.ChaptersJson;
import dev.castline.http.Json;
import java.time.Instant;
import java.util.List;

/** The host's view of episodes and the show: everything, including what the public never sees. */
final class AdminJson {
    private final String mediaBaseUrl;
    private final java.time.Duration uploadUrlTtl;

    AdminJson(String mediaBaseUrl, java.time.Duration uploadUrlTtl) {
        this.mediaBaseUrl = mediaBaseUrl;
        this.uploadUrlTtl = uploadUrlTtl;
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
            EpisodeJson.podcasting20(json, e);
            json.writeStringField("status", e.effectiveStatus(now).wireName());
            Json.optionalString(json, "publishAt", e.publishAt() == null ? null : e.publishAt().toString());
            if (e.audio() != null) {
                json.writeObjectFieldStart("audio");
                Json.optionalString(json, "key", e.audio().key());
                json.writeStringField("url", e.audio().url(mediaBaseUrl));
                if (e.audio().isExternal()) {
                    json.writeBooleanField("external", true);
                }
                json.writeStringField("type", e.audio().contentType());
                json.writeNumberField("bytes", e.audio().bytes());
                json.writeFieldName("durationSeconds");
                json.writeNumber(ChaptersJson.seconds(e.audio().durationMillis()));
                json.writeEndObject();
            }
            if (e.upload() != null) {
                upload(json, "upload", e.upload(), now);
            }
            if (e.transcript() != null) {
                json.writeObjectFieldStart("transcript");
                json.writeStringField("language", e.transcript().language());
                json.writeNumberField("cues", e.transcript().cues());
                Json.optionalString(json, "sha256", e.transcript().sha256());
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

    /** The settings as saved: every field that has a value, under its {@link ShowField} name. */
    /** An upload the host asked for: pending, expired (its URL can no longer be used) or rejected with the reason. */
    private void upload(com.fasterxml.jackson.core.JsonGenerator json, String name, Upload upload, Instant now) throws java.io.IOException {
        json.writeObjectFieldStart(name);
        json.writeStringField("key", upload.key());
        json.writeStringField("contentType", upload.contentType());
        json.writeNumberField("bytes", upload.bytes());
        json.writeStringField("requestedAt", upload.requestedAt().toString());
        json.writeStringField("state", !upload.isPending() ? "rejected" : upload.isExpiredAt(now, uploadUrlTtl) ? "expired" : "pending");
        Json.optionalString(json, "reason", upload.rejectedReason());
        json.writeEndObject();
    }

    /** The show's settings, and the artwork upload it waits for (or the last one refused). */
    String show(ShowSettings.Versioned settings, Instant now) {
        Show s = settings.show();
        return Json.write(json -> {
            json.writeStartObject();
            for (ShowField field : ShowField.values()) {
                Object value = field.of(s);
                if (value != null) {
                    switch (field.kind()) {
                        case TEXT -> json.writeStringField(field.wireName(), (String) value);
                        case BOOLEAN -> json.writeBooleanField(field.wireName(), (Boolean) value);
                        case INTEGER -> json.writeNumberField(field.wireName(), (Integer) value);
                        case LINKS -> {
                            json.writeObjectFieldStart(field.wireName());
                            for (var link : ((java.util.Map<?, ?>) value).entrySet()) {
                                json.writeStringField((String) link.getKey(), (String) link.getValue());
                            }
                            json.writeEndObject();
                        }
                        case OBJECT -> {
                            json.writeFieldName(field.wireName());
                            shaped(json, field.shape().membersOf(value));
                        }
                        case OBJECTS -> {
                            json.writeArrayFieldStart(field.wireName());
                            for (Object item : (List<?>) value) {
                                shaped(json, field.shape().membersOf(item));
                            }
                            json.writeEndArray();
                        }
                    }
                }
            }
            if (settings.artworkUpload().isPresent()) {
                upload(json, "artworkUpload", settings.artworkUpload().get(), now);
            }
            json.writeEndObject();
        });
    }

    /** A shaped setting's members as an object. */
    private static void shaped(com.fasterxml.jackson.core.JsonGenerator json, java.util.Map<String, Object> members) throws java.io.IOException {
        json.writeStartObject();
        for (var member : members.entrySet()) {
            switch (member.getValue()) {
                case Boolean b -> json.writeBooleanField(member.getKey(), b);
                case Integer i -> json.writeNumberField(member.getKey(), i);
                default -> json.writeStringField(member.getKey(), member.getValue().toString());
            }
        }
        json.writeEndObject();
    }

    /** A signed artwork upload: where to PUT the image, with which headers, until when. */
    static String artworkUpload(ShowArtwork.Requested upload) {
        return Json.write(json -> {
            json.writeStartObject();
            signed(json, upload.signed());
            json.writeStringField("key", upload.key().value());
            json.writeStringField("expiresAt", upload.signed().expiresAt().toString());
            json.writeEndObject();
        });
    }

    private static void signed(com.fasterxml.jackson.core.JsonGenerator json, UploadSigner.Signed signed) throws java.io.IOException {
        json.writeStringField("uploadUrl", signed.url().toString());
        json.writeStringField("method", "PUT");
        json.writeObjectFieldStart("headers");
        for (var header : signed.headers().entrySet()) {
            json.writeStringField(header.getKey(), header.getValue());
        }
        json.writeEndObject();
    }

    /** A signed upload: where to PUT the file, with which headers, until when. */
    static String upload(Uploads.Requested upload) {
        return Json.write(json -> {
            json.writeStartObject();
            signed(json, upload.signed());
            json.writeStringField("key", upload.key().value());
            json.writeStringField("expiresAt", upload.signed().expiresAt().toString());
            json.writeNumberField("version", upload.episode().version());
            json.writeEndObject();
        });
    }
}
