package dev.castline.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Secrets the local stack makes itself: generated once and kept in the data directory (readable
 * by the owner only), so they survive a restart; generated per run when the stack is in memory.
 */
final class LocalSecrets {
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalSecrets() {
    }

    /** The secret stored in {@code dataDir/name}, created now if missing; a fresh one if {@code dataDir} is null. */
    static String getOrCreate(Path dataDir, String name) {
        if (dataDir == null) {
            return random();
        }
        Path file = dataDir.resolve(name);
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.UTF_8).strip();
            }
            String secret = random();
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the file inherits the folder's permissions.
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
