package dev.castline.functions.downloads;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * One log file's requests, folded per listener, file and day: the union of the byte ranges
 * each listener received, and when and how (app, country) they first asked. What the file then
 * writes is one item per entry, however many lines it had.
 */
public final class ListenerTally {
    /** One listener's requests for one audio file on one day. */
    public static final class Entry {
        final String day;
        final String listener;
        final String episodeId;
        final String key;
        ByteRanges ranges = ByteRanges.EMPTY;
        long firstAt = Long.MAX_VALUE;
        String app;
        String country;

        Entry(String day, String listener, String episodeId, String key) {
            this.day = day;
            this.listener = listener;
            this.episodeId = episodeId;
            this.key = key;
        }

        public String day() {
            return day;
        }

        public String listener() {
            return listener;
        }

        public String episodeId() {
            return episodeId;
        }

        public String key() {
            return key;
        }

        public ByteRanges ranges() {
            return ranges;
        }

        public long firstAt() {
            return firstAt;
        }

        public String app() {
            return app;
        }

        public String country() {
            return country;
        }
    }

    private record Group(String day, String listener, String key) {
    }

    private final ListenerIds ids;
    private final Map<Group, Entry> entries = new HashMap<>();

    public ListenerTally(ListenerIds ids) {
        this.ids = ids;
    }

    public void add(DownloadRules.Request r) {
        String listener = ids.id(r.day(), r.clientIp(), r.userAgent());
        Entry entry = entries.computeIfAbsent(new Group(r.day(), listener, r.key()), g -> new Entry(g.day, g.listener, r.episodeId(), g.key));
        entry.ranges = entry.ranges.add(r.start(), r.end());
        if (r.epochSecond() < entry.firstAt) {
            entry.firstAt = r.epochSecond();
            entry.app = r.app();
            entry.country = r.country();
        }
    }

    public Collection<Entry> entries() {
        return entries.values();
    }

    public int size() {
        return entries.size();
    }
}
