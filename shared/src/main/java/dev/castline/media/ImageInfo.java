package dev.castline.media;

import dev.castline.domain.Artwork;
import dev.castline.domain.ImageFormat;

/** What {@link ImageProbe} found: the format decided from the content, the size in pixels, the colour space. */
public record ImageInfo(ImageFormat format, int width, int height, Artwork.Colour colour) {}
