package dev.castline.testing;

import dev.castline.host.MediaObjects;
import java.util.ArrayList;
import java.util.List;

/** Media objects that only record what the rules asked of them, in order. */
public class RecordedMedia implements MediaObjects {
    private final List<String> calls = new ArrayList<>();
    private final List<String> deleted = new ArrayList<>();

    @Override
    public void delete(String key) {
        deleted.add(key);
        calls.add("delete " + key);
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

    /** Every call, as "delete KEY", "withhold KEY" or "restore KEY", in order. */
    public List<String> calls() {
        return calls;
    }
}
