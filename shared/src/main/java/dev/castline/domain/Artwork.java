package dev.castline.domain;

import java.util.List;
import java.util.Optional;

/**
 * What show artwork must be, as Apple Podcasts requires it of every show (and other apps follow):
 * a JPEG or PNG in an RGB colour space, square, from {@value #MIN_SIDE} to {@value #MAX_SIDE}
 * pixels a side. An upload that is anything else is refused with the first rule it breaks.
 */
public final class Artwork {
    public static final int MIN_SIDE = 1400;
    public static final int MAX_SIDE = 3000;
    /** Far above what a 3000 px JPEG needs; keeps a mistaken upload (a video, a RAW photo) out. */
    public static final long MAX_BYTES = 10L * 1024 * 1024;

    /**
     * The sides, in pixels, of the smaller copies (renditions) made of every accepted artwork, in
     * ascending order, for the pages, which show it small: a browser that decodes a 1400–3000 px
     * image to draw it at 48 px spends a long task on two to nine million pixels.
     *
     * <ul>
     *   <li>128 covers the header's 48 px and the embed's 64 px (40 px as styled) at 1× and 2×
     *       (96 and 128 device pixels);</li>
     *   <li>480 covers the home page's 240 px (160 px as styled) at 1× and 2×.</li>
     * </ul>
     *
     * Two copies, so an upload writes two objects more; decoding the larger takes 230,400 pixels.
     * The original stays what the feed, Open Graph and JSON-LD name (Apple wants 1400 px and more).
     */
    public static final List<Integer> RENDITION_SIDES = List.of(128, 480);

    /** How an image stores colour, as its header states it. */
    public enum Colour {
        RGB("RGB"),
        /** PNG colour type 3: a palette of RGB colours, which apps show like any RGB image. */
        RGB_PALETTE("RGB"),
        GREYSCALE("greyscale"),
        CMYK("CMYK");

        private final String description;

        Colour(String description) {
            this.description = description;
        }

        public boolean isRgb() {
            return this == RGB || this == RGB_PALETTE;
        }

        public String description() {
            return description;
        }
    }

    private Artwork() {
    }

    /** Why an image of this size and colour cannot be the show's artwork; empty when it can. */
    public static Optional<String> refusal(int width, int height, Colour colour) {
        if (!colour.isRgb()) {
            return Optional.of("the image is " + colour.description() + "; show artwork must be RGB");
        }
        if (width != height) {
            return Optional.of("the image is " + width + " × " + height + " px; show artwork must be square");
        }
        if (width < MIN_SIDE) {
            return Optional.of("the image is " + width + " × " + height + " px; show artwork must be at least "
                    + MIN_SIDE + " × " + MIN_SIDE + " px");
        }
        if (width > MAX_SIDE) {
            return Optional.of("the image is " + width + " × " + height + " px; show artwork must be at most "
                    + MAX_SIDE + " × " + MAX_SIDE + " px");
        }
        return Optional.empty();
    }
}
