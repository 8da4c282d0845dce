package dev.castline.http;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a listing position into an opaque, tamper-evident cursor: base64url of
 * {@code listing \n sortKey} followed by a truncated HMAC-SHA256 over it. A cursor that was
 * altered, forged, cut short or minted for another listing is refused as a 400: it can never
 * steer a query to other data, nor into a 500.
 */
public final class CursorCodec {
    public static final int MAX_LENGTH = 512;
    private static final int MAC_BYTES = 16;
    private static final Pattern SORT_KEY = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ#[A-Za-z0-9-]{1,64}");
    private static final String FIELD = "cursor";

    private final SecretKeySpec key;

    public CursorCodec(byte[] secret) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** @param listing what the cursor belongs to, e.g. "all" or "tag:rails" */
    public String seal(String listing, String sortKey) {
        byte[] payload = (listing + "\n" + sortKey).getBytes(StandardCharsets.UTF_8);
        byte[] sealed = Arrays.copyOf(payload, payload.length + MAC_BYTES);
        System.arraycopy(mac(payload), 0, sealed, payload.length, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sealed);
    }

    /** The sort key sealed in {@code cursor}, if the cursor is genuine and belongs to {@code listing}. */
    public String open(String listing, String cursor) {
        if (cursor.isEmpty() || cursor.length() > MAX_LENGTH) {
            throw ApiException.badRequest(FIELD, "cursor is not valid: pass back the nextCursor of a previous page unchanged");
        }
        byte[] sealed;
        try {
            sealed = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(FIELD, "cursor is not valid: pass back the nextCursor of a previous page unchanged");
        }
        if (sealed.length <= MAC_BYTES) {
            throw ApiException.badRequest(FIELD, "cursor is not valid: pass back the nextCursor of a previous page unchanged");
        }
        byte[] payload = Arrays.copyOf(sealed, sealed.length - MAC_BYTES);
        byte[] mac = Arrays.copyOfRange(sealed, payload.length, sealed.length);
        if (!MessageDigest.isEqual(mac, Arrays.copyOf(mac(payload), MAC_BYTES))) {
            throw ApiException.badRequest(FIELD, "cursor is not valid: pass back the nextCursor of a previous page unchanged");
        }
        String text = new String(payload, StandardCharsets.UTF_8);
        int newline = text.indexOf('\n');
        String sortKey = text.substring(newline + 1);
        if (newline < 0 || !text.substring(0, newline).equals(listing)) {
            throw ApiException.badRequest(FIELD, "cursor belongs to another listing: keep the same tag while paging");
        }
        if (!SORT_KEY.matcher(sortKey).matches()) {
            throw ApiException.badRequest(FIELD, "cursor is not valid: pass back the nextCursor of a previous page unchanged");
        }
        return sortKey;
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JRE", e);
        }
    }
}
