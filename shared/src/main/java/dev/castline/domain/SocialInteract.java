package dev.castline.domain;

/**
 * A Podcasting 2.0 {@code podcast:socialInteract}: the post under which an episode is discussed,
 * or ({@code protocol} {@code disabled}, nothing else) the host's wish that no comments be shown.
 *
 * @param protocol  one of {@link #PROTOCOLS}
 * @param uri       the root post of the thread
 * @param accountId optional, the account that posted it, e.g. {@code @dave}
 * @param accountUrl optional, that account's public page
 * @param priority  optional, lower first when an episode has several
 */
public record SocialInteract(String protocol, String uri, String accountId, String accountUrl, Integer priority) {
    /** The namespace's list of protocols (socialprotocols.txt). */
    public static final java.util.List<String> PROTOCOLS =
            java.util.List.of("disabled", "activitypub", "twitter", "lightning", "bluesky", "hive", "matrix", "nostr");
    public static final String DISABLED = "disabled";
}
