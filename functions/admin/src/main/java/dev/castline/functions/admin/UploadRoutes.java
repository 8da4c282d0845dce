package dev.castline.functions.admin;

import dev.castline.host.Uploads;
import dev.castline.http.ApiRequest;
import dev.castline.http.ApiResponse;
import dev.castline.http.JsonBody;
import dev.castline.http.Preconditions;
import java.util.Set;

/** {@code POST /api/v1/admin/episodes/{id}/audio}: a signed URL to upload the episode's audio to. */
final class UploadRoutes {
    static final Set<String> FIELDS = Set.of("contentType", "bytes", "fileName");

    private final Uploads uploads;
    private final Uploads.Signing signing;

    UploadRoutes(Uploads uploads, Uploads.Signing signing) {
        this.uploads = uploads;
        this.signing = signing;
    }

    ApiResponse request(ApiRequest request) {
        JsonBody body = JsonBody.parse(request.body(), FIELDS);
        String contentType = body.text("contentType");
        Long bytes = body.whole("bytes");
        String fileName = body.text("fileName");
        if (contentType == null) {
            throw body.bad("contentType", "is required");
        }
        if (bytes == null) {
            throw body.bad("bytes", "is required: the file's size");
        }
        Uploads.Requested upload = uploads.request(signing, EpisodeRoutes.id(request), Preconditions.optionalIfMatch(request, "episode"),
                contentType, bytes, fileName);
        return ApiResponse.json(201, AdminJson.upload(upload)).header("etag", Preconditions.etag(upload.episode().version()));
    }
}
