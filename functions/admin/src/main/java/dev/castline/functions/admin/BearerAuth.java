package dev.castline.functions.admin;

import dev.castline.config.AdminConfig;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks {@code Authorization: Bearer <token>} against the SHA-256 of the admin token. Only the
 * digest is configured, and digests are compared in constant time, so neither the configuration
 * nor the timing of a refusal tells anything about the token. Tokens are never logged.
 */
final class BearerAuth {
    /** RFC 6750 b64token: one word, no spaces, no trailing junk. */
    private static final Pattern HEADER = Pattern.compile("Bearer ([A-Za-z0-9\\-._~+/]+=*)", Pattern.CASE_INSENSITIVE);

    private final byte[] expectedDigest;

    BearerAuth(byte[] expectedDigest) {
        this.expectedDigest = expectedDigest.clone();
    }

    boolean allows(Optional<String> authorization) {
        if (authorization.isEmpty()) {
            return false;
        }
        var m = HEADER.matcher(authorization.get());
        if (!m.matches()) {
            return false;
        }
        return MessageDigest.isEqual(AdminConfig.digestOf(m.group(1)), expectedDigest);
    }

}
