package dev.castline.domain;

/**
 * A person heard on an episode besides the host.
 *
 * @param role Podcasting 2.0 person role, "guest" unless said otherwise
 * @param website optional, absolute http(s)
 * @param avatarUrl optional, absolute http(s)
 * @param socialHandle optional, e.g. {@code @jmcharnes}
 */
public record Guest(String name, String role, String website, String avatarUrl, String socialHandle) {
}
