package dev.castline.functions.admin;

import dev.castline.host.MultipartUploads;
import dev.castline.host.UploadSigner;
import dev.castline.host.Uploads;
import dev.castline.http.ApiException;
import dev.castline.http.ApiRequest;
import dev.castline.http.ApiResponse;
import dev.castline.http.Json;
import dev.castline.http.JsonBody;
import dev.castline.http.Preconditions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code /api/v1/admin/episodes/{id}/audio/multipart...}: a large audio file uploaded in parts
 * through signed URLs. Start (or resume) the upload, list the parts stored, sign a part's URL,
 * complete, abort. The completed object is processed like a single upload.
 */
final class MultipartRoutes {
    static final Set<String> START_FIELDS = Set.of("contentType", "bytes", "fileName", "partSize");
    static final Set<String> PART_FIELDS = Set.of("partNumber", "bytes", "contentMd5");
    static final Set<String> COMPLETE_FIELDS = Set.of("parts");
    static final Set<String> COMPLETED_PART_FIELDS = Set.of("partNumber", "etag");
    private static final Pattern UPLOAD_ID = Pattern.compile("[A-Za-z0-9._~-]{1,1024}");

    private final MultipartUploads uploads;
    private final Uploads.Signing signing;

    MultipartRoutes(MultipartUploads uploads, Uploads.Signing signing) {
        this.uploads = uploads;
        this.signing = signing;
    }

    ApiResponse start(ApiRequest request) {
        JsonBody body = JsonBody.parse(request.body(), START_FIELDS);
        DescribedFile file = DescribedFile.of(body);
        MultipartUploads.Started started = uploads.start(signing, EpisodeRoutes.id(request),
                Preconditions.optionalIfMatch(request, "episode"), file.contentType(), file.bytes(), body.text("fileName"));
        return ApiResponse.json(started.resumed() ? 200 : 201, Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("uploadId", started.uploadId());
            json.writeStringField("key", started.key());
            json.writeBooleanField("resumed", started.resumed());
            json.writeNumberField("version", started.episode().version());
            json.writeEndObject();
        })).header("etag", Preconditions.etag(started.episode().version()));
    }

    ApiResponse parts(ApiRequest request) {
        String uploadId = uploadId(request);
        List<MultipartUploads.Part> parts = uploads.parts(EpisodeRoutes.id(request), uploadId);
        return ApiResponse.json(200, Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("uploadId", uploadId);
            json.writeArrayFieldStart("parts");
            for (MultipartUploads.Part p : parts) {
                json.writeStartObject();
                json.writeNumberField("partNumber", p.number());
                json.writeStringField("etag", p.etag());
                json.writeNumberField("bytes", p.bytes());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }));
    }

    ApiResponse signPart(ApiRequest request) {
        JsonBody body = JsonBody.parse(request.body(), PART_FIELDS);
        Integer number = body.integer("partNumber");
        Long bytes = body.whole("bytes");
        if (number == null) {
            throw body.bad("partNumber", "is required");
        }
        if (bytes == null) {
            throw body.bad("bytes", "is required: the part's size");
        }
        UploadSigner.Signed signed = uploads.signPart(EpisodeRoutes.id(request), uploadId(request), number, bytes,
                body.text("contentMd5"), signing.urlTtl());
        return ApiResponse.json(200, Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("url", signed.url().toString());
            json.writeStringField("method", "PUT");
            json.writeObjectFieldStart("headers");
            for (var header : signed.headers().entrySet()) {
                json.writeStringField(header.getKey(), header.getValue());
            }
            json.writeEndObject();
            json.writeStringField("expiresAt", signed.expiresAt().toString());
            json.writeEndObject();
        }));
    }

    ApiResponse complete(ApiRequest request) {
        JsonBody body = JsonBody.parse(request.body(), COMPLETE_FIELDS);
        List<JsonBody> items = body.objects("parts", COMPLETED_PART_FIELDS);
        if (items == null) {
            throw body.bad("parts", "is required: every part's number and ETag, in order");
        }
        List<MultipartUploads.Part> parts = new ArrayList<>(items.size());
        for (JsonBody item : items) {
            Integer number = item.integer("partNumber");
            String etag = item.text("etag");
            if (number == null) {
                throw item.bad("partNumber", "is required");
            }
            if (etag == null) {
                throw item.bad("etag", "is required");
            }
            parts.add(new MultipartUploads.Part(number, etag, 0));
        }
        String key = uploads.complete(EpisodeRoutes.id(request), uploadId(request), parts);
        return ApiResponse.json(200, Json.write(json -> {
            json.writeStartObject();
            json.writeStringField("key", key);
            json.writeEndObject();
        }));
    }

    ApiResponse abort(ApiRequest request) {
        uploads.abort(EpisodeRoutes.id(request), uploadId(request));
        return ApiResponse.empty(204);
    }

    private static String uploadId(ApiRequest request) {
        String id = request.path("uploadId").orElse("");
        if (!UPLOAD_ID.matcher(id).matches()) {
            throw ApiException.badRequest("uploadId", "uploadId must be the id the upload was started with");
        }
        return id;
    }
}
