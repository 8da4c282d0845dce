package dev.castline.testing;

import dev.castline.host.MediaObjects;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Media objects that record what the rules asked of them, in order, and keep what was stored or
 * put, so it can be read back.
 */
public class RecordedMedia implements MediaObjects {
    private final List<String> calls = new ArrayList<>();
    private final List<String> deleted = new ArrayList<>();
    private final Map<String, byte[]> objects = new LinkedHashMap<>();
    private Consumer<String> beforePut = key -> { };

    /** An object in the bucket, as an upload would leave it (not recorded as a call). */
    public void store(String key, byte[] content) {
        objects.put(key, content);
    }

    /** Runs before each put, with its key: to look at the world then, or to fail the put by throwing. */
    public void beforePut(Consumer<String> check) {
        this.beforePut = check;
    }

    @Override
    public Optional<byte[]> read(String key) {
        calls.add("read " + key);
        return Optional.ofNullable(objects.get(key));
    }

    @Override
    public void put(String key, String contentType, byte[] content) {
        beforePut.accept(key);
        calls.add("put " + key + " " + contentType);
        objects.put(key, content);
    }

    @Override
    public void delete(String key) {
        deleted.add(key);
        calls.add("delete " + key);
        objects.remove(key);
    }

    @Override
    public void withhold(String key) {
        calls.add("withhold " + key);
    }

    @Override
    public void restore(String key) {
        calls.add("restore " + key);
    }

    /** The keys deleted, in order. */
    public List<String> deleted() {
        return deleted;
    }

    /** Every call, as "read KEY", "put KEY TYPE", "delete KEY", "withhold KEY" or "restore KEY", in order. */
    public List<String> calls() {
        return calls;
    }

    /** What is at {@code key} now: stored, or put. */
    public Optional<byte[]> object(String key) {
        return Optional.ofNullable(objects.get(key));
    }
}
