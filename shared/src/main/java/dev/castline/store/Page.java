package dev.castline.store;

import java.util.List;
import java.util.Optional;

/**
 * One page of a listing. {@code resumeAfter} is the sort key of the last item when more may
 * follow; the HTTP layer seals it into an opaque cursor.
 */
public record Page<T>(List<T> items, Optional<String> resumeAfter) {
    public Page {
        items = List.copyOf(items);
    }
}
