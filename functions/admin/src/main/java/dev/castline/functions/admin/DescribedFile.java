package dev.castline.functions.admin;

import dev.castline.http.JsonBody;

/**
 * The file a request for an upload URL describes (audio, multipart audio, artwork): its
 * Content-Type and its size in bytes, both required. What they may be is the host services' rule.
 */
record DescribedFile(String contentType, long bytes) {
    static DescribedFile of(JsonBody body) {
        String contentType = body.text("contentType");
        Long bytes = body.whole("bytes");
        if (contentType == null) {
            throw body.bad("contentType", "is required");
        }
        if (bytes == null) {
            throw body.bad("bytes", "is required: the file's size");
        }
        return new DescribedFile(contentType, bytes);
    }
}
