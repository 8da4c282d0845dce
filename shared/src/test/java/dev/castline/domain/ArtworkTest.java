package dev.castline.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArtworkTest {
    @Test
    void squareRgbFrom1400To3000PixelsIsShowArtwork() {
        assertThat(Artwork.refusal(1400, 1400, Artwork.Colour.RGB)).isEmpty();
        assertThat(Artwork.refusal(3000, 3000, Artwork.Colour.RGB_PALETTE)).isEmpty();
    }

    @Test
    void everythingElseIsRefusedWithTheRuleItBreaks() {
        assertThat(Artwork.refusal(1600, 1400, Artwork.Colour.RGB)).hasValue("the image is 1600 × 1400 px; show artwork must be square");
        assertThat(Artwork.refusal(1399, 1399, Artwork.Colour.RGB)).hasValue("the image is 1399 × 1399 px; show artwork must be at least 1400 × 1400 px");
        assertThat(Artwork.refusal(3001, 3001, Artwork.Colour.RGB)).hasValue("the image is 3001 × 3001 px; show artwork must be at most 3000 × 3000 px");
        assertThat(Artwork.refusal(1400, 1400, Artwork.Colour.GREYSCALE)).hasValue("the image is greyscale; show artwork must be RGB");
        assertThat(Artwork.refusal(1400, 1400, Artwork.Colour.CMYK)).hasValue("the image is CMYK; show artwork must be RGB");
    }
}
