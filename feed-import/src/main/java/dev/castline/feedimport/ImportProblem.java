package dev.castline.feedimport;

/**
 * Something the reader noticed and did not guess about: an item skipped (no enclosure, no or a
 * duplicate guid), a value it could not read (a date, a duration), text it had to repair (an
 * HTML entity, a control character), a feed read in another encoding than it declares, as asked.
 * The import goes on; the CLI shows these to the host.
 *
 * @param itemIndex 0-based position of the {@code <item>} in the feed, or {@link #CHANNEL} for the channel
 * @param guid      the item's guid as written, or null (none, or a channel problem)
 * @param message   what happened, in words for the host
 */
public record ImportProblem(int itemIndex, String guid, String message) {
    public static final int CHANNEL = -1;

    public static ImportProblem channel(String message) {
        return new ImportProblem(CHANNEL, null, message);
    }

    public boolean isChannel() {
        return itemIndex == CHANNEL;
    }

    @Override
    public String toString() {
        return (isChannel() ? "channel" : "item " + itemIndex + (guid == null ? "" : " (guid " + guid + ")")) + ": " + message;
    }
}
