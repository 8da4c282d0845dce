package dev.castline.functions.admin;

import dev.castline.host.Uploads;
import dev.castline.http.ApiRequest;
import dev.castline.http.ApiResponse;
import dev.castline.http.JsonBody;
import dev.castline.http.Preconditions;
import java.util.Set;

/** {@code POST /api/v1/admin/episodes/{id}/audio}: a signed URL to upload the episode's audio to. */
final class UploadRoutes {
    static final Set<String> FIELDS = Set.of("contentType", "bytes", "fileName", "contentMd5");
    private static final java.util.regex.Pattern MD5_BASE64 = java.util.regex.Pattern.compile("[A-Za-z0-9+/]{22}==");

    private final Uploads uploads;
    private final Uploads.Signing signing;
    /** Signs with the client's Content-MD5 too, when it sends one. */
    private final java.util.function.Function<String, dev.castline.host.UploadSigner> checksummed;

    UploadRoutes(Uploads uploads, Uploads.Signing signing) {
        this(uploads, signing, null);
    }

    UploadRoutes(Uploads uploads, Uploads.Signing signing, java.util.function.Function<String, dev.castline.host.UploadSigner> checksummed) {
        this.uploads = uploads;
        this.signing = signing;
        this.checksummed = checksummed;
    }

    ApiResponse request(ApiRequest request) {
        JsonBody body = JsonBody.parse(request.body(), FIELDS);
        DescribedFile file = DescribedFile.of(body);
        String fileName = body.text("fileName");
        String contentMd5 = body.text("contentMd5");
        Uploads.Signing effective = signing;
        if (contentMd5 != null && checksummed != null) {
            if (!MD5_BASE64.matcher(contentMd5).matches()) {
                throw body.bad("contentMd5", "must be the file's MD5 in base64 (24 characters), as in Content-MD5");
            }
            effective = new Uploads.Signing(checksummed.apply(contentMd5), signing.maxBytes(), signing.urlTtl());
        }
        Uploads.Requested upload = uploads.request(effective, EpisodeRoutes.id(request), Preconditions.optionalIfMatch(request, "episode"),
                file.contentType(), file.bytes(), fileName);
        return ApiResponse.json(201, AdminJson.upload(upload)).header("etag", Preconditions.etag(upload.episode().version()));
    }
}
