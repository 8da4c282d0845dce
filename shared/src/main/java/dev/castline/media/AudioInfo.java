package dev.castline.media;

/**
 * What {@link AudioProbe} found: the type decided from the content ({@code audio/mpeg} or
 * {@code audio/x-m4a}), the size in bytes and the duration, rounded to the millisecond.
 */
public record AudioInfo(String contentType, long bytes, long durationMillis) {}
