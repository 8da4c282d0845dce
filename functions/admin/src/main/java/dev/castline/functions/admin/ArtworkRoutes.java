package dev.castline.functions.admin;

import dev.castline.host.ShowArtwork;
import dev.castline.host.Uploads;
import dev.castline.http.ApiRequest;
import dev.castline.http.ApiResponse;
import dev.castline.http.JsonBody;
import java.util.Set;

/**
 * {@code POST /api/v1/admin/show/artwork}: a signed URL to upload the show's artwork to. The
 * upload processor then checks the image and makes it the show's artwork, or refuses it with the
 * reason {@code GET /api/v1/admin/show} shows in {@code artworkUpload}.
 */
final class ArtworkRoutes {
    static final Set<String> FIELDS = Set.of("contentType", "bytes");

    private final ShowArtwork artwork;
    private final Uploads.Signing signing;

    ArtworkRoutes(ShowArtwork artwork, Uploads.Signing signing) {
        this.artwork = artwork;
        this.signing = signing;
    }

    ApiResponse request(ApiRequest request) {
        JsonBody body = JsonBody.parse(request.body(), FIELDS);
        DescribedFile file = DescribedFile.of(body);
        return ApiResponse.json(201, AdminJson.artworkUpload(artwork.request(signing, file.contentType(), file.bytes())));
    }
}
