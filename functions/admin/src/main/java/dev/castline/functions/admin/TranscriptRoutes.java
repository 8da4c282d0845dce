package dev.castline.functions.admin;

import dev.castline.domain.Episode;
import dev.castline.domain.TranscriptFormat;
import dev.castline.host.ShowSettings;
import dev.castline.host.Transcripts;
import dev.castline.http.ApiException;
import dev.castline.http.ApiRequest;
import dev.castline.http.ApiResponse;
import dev.castline.http.Json;
import dev.castline.http.Preconditions;
import java.nio.charset.StandardCharsets;

/**
 * {@code PUT|DELETE /api/v1/admin/episodes/{id}/transcript}: the episode's transcript, sent as the
 * file itself ({@code Content-Type: text/vtt}, {@code application/x-subrip} or
 * {@code application/json}, at most 5 MB), in the language {@code ?language=} names (the show's
 * by default).
 */
final class TranscriptRoutes {
    private static final String WHAT = "episode";

    private final Transcripts transcripts;
    private final ShowSettings settings;

    TranscriptRoutes(Transcripts transcripts, ShowSettings settings) {
        this.transcripts = transcripts;
        this.settings = settings;
    }

    ApiResponse put(ApiRequest request) {
        TranscriptFormat format = TranscriptFormat.ofContentType(request.header("content-type").orElse(null))
                .orElseThrow(() -> ApiException.badRequest("content-type",
                        "content-type must be text/vtt (WebVTT), application/x-subrip (SRT) or application/json (Podcasting 2.0 JSON)"));
        String body = request.body();
        if (body == null || body.isEmpty()) {
            throw ApiException.badRequest("transcript", "the request body must be the transcript file");
        }
        String language = request.query("language").orElseGet(() -> settings.get()
                .map(s -> s.show().language()).orElse("en"));
        Transcripts.Attached attached = transcripts.attach(EpisodeRoutes.id(request), Preconditions.optionalIfMatch(request, WHAT),
                body.getBytes(StandardCharsets.UTF_8), format, language);
        Episode e = attached.episode();
        return ApiResponse.json(200, Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("language", e.transcript().language());
            json.writeNumberField("cues", e.transcript().cues());
            Json.stringArray(json, "warnings", attached.warnings());
            json.writeNumberField("version", e.version());
            json.writeEndObject();
        })).header("etag", Preconditions.etag(e.version()));
    }

    ApiResponse delete(ApiRequest request) {
        Episode e = transcripts.remove(EpisodeRoutes.id(request), Preconditions.optionalIfMatch(request, WHAT));
        return ApiResponse.empty(204).header("etag", Preconditions.etag(e.version()));
    }
}
