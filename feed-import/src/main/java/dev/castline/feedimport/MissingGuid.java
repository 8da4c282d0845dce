package dev.castline.feedimport;

/** What the reader does with an item that has no {@code guid}. Either way it is reported. */
public enum MissingGuid {
    /** Skip the item (the default): without a guid it cannot be matched again on a second run. */
    SKIP,
    /**
     * Use the enclosure URL as the guid, as podcast apps do for such items to tell them apart; only
     * when the host asks for it, since the guid then changes if the audio moves.
     */
    USE_ENCLOSURE_URL
}
