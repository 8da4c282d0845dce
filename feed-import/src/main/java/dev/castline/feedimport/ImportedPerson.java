package dev.castline.feedimport;

/**
 * {@code podcast:person}: role and group lower-cased as the namespace defines them ("host",
 * "guest"; "cast"), defaulting to "host" and "cast" when absent, as the spec says.
 *
 * @param href link to the person's page, absolute http(s), or null
 * @param img  picture URL, absolute http(s), or null
 */
public record ImportedPerson(String name, String role, String group, String href, String img) {
}
