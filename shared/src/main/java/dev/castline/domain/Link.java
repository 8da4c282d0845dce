package dev.castline.domain;

/** A link from the show notes. {@code title} is optional. */
public record Link(LinkKind kind, String url, String title) {
}
