package dev.castline.store;

import dev.castline.transcript.Transcript;
import dev.castline.transcript.TranscriptException;
import dev.castline.transcript.TranscriptJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * How a transcript is stored: its Podcasting 2.0 JSON, gzipped, cut into items of at most
 * {@value #PART_BYTES} bytes in the episode's own partition ({@code TRANSCRIPT#{id}#{n}}), so one
 * Query of that partition reads the episode and its transcript together, with no second store. An
 * hour of speech is a few tens of KB once gzipped: one part.
 */
public final class TranscriptParts {
    /** Well under DynamoDB's 400 KB item limit, keys and names included. */
    static final int PART_BYTES = 350_000;
    /** Ten parts (3.5 MB gzipped) keep an attach, and a delete, within one transaction's limits. */
    public static final int MAX_PARTS = 10;

    private TranscriptParts() {
    }

    /** The stored form, part by part; empty when it would take more than {@value #MAX_PARTS} parts. */
    public static java.util.Optional<List<byte[]>> encode(Transcript transcript) {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(TranscriptJson.write(transcript).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] all = gz.toByteArray();
        List<byte[]> parts = new ArrayList<>();
        for (int at = 0; at < all.length; at += PART_BYTES) {
            parts.add(Arrays.copyOfRange(all, at, Math.min(all.length, at + PART_BYTES)));
        }
        return parts.size() > MAX_PARTS ? java.util.Optional.empty() : java.util.Optional.of(parts);
    }

    /** The transcript the parts hold, in order. */
    static Transcript decode(List<byte[]> parts) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        parts.forEach(joined::writeBytes);
        try (GZIPInputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(joined.toByteArray()))) {
            return TranscriptJson.parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (TranscriptException e) {
            throw new IllegalStateException("a stored transcript does not read back: " + e.getMessage(), e);
        }
    }
}
