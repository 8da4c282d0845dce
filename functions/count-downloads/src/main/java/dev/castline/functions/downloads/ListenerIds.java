package dev.castline.functions.downloads;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A listener's id for one UTC day: HMAC-SHA256 of (IP address, User-Agent) keyed with that day's
 * random salt, cut to 128 bits. The salt is made once per day, kept only while that day's logs can
 * still arrive, and then expires: after that no one, Castline included, can tell which address an
 * id was. The raw address never leaves the function's memory. Not thread-safe (one per file).
 */
public final class ListenerIds {
    /** Where a day's salt comes from (made on first use, the same for every caller that day). */
    @FunctionalInterface
    public interface Salts {
        byte[] forDay(String day);
    }

    private final Salts salts;
    private final Map<String, Mac> macs = new HashMap<>();

    public ListenerIds(Salts salts) {
        this.salts = salts;
    }

    public String id(String day, String clientIp, String userAgent) {
        Mac mac = macs.computeIfAbsent(day, this::mac);
        mac.update(clientIp.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) '\n');
        byte[] digest = mac.doFinal(userAgent.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16));
    }

    private Mac mac(String day) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(salts.forDay(day), "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
