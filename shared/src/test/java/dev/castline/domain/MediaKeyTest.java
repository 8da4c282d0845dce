package dev.castline.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Media keys, and the keys of artwork's renditions derived from them. */
class MediaKeyTest {
    private static final String MEDIA = "https://media.castline.test";

    @Test
    void anArtworksRenditionsLieBesideItInItsFormat() {
        MediaKey png = MediaKey.parse("artwork/show/9b1d3c5e-7f2a-4b6c-8d0e-1f3a5b7c9d2e.png").orElseThrow();
        assertThat(png.rendition(128)).isEqualTo("artwork/show/9b1d3c5e-7f2a-4b6c-8d0e-1f3a5b7c9d2e-128.png");
        assertThat(png.rendition(480)).isEqualTo("artwork/show/9b1d3c5e-7f2a-4b6c-8d0e-1f3a5b7c9d2e-480.png");
        assertThat(png.renditions()).containsExactly(png.rendition(128), png.rendition(480));
        MediaKey jpeg = MediaKey.newShowArtwork(ImageFormat.JPEG);
        assertThat(jpeg.renditions()).allSatisfy(k -> assertThat(k).startsWith("artwork/show/" + jpeg.uploadId() + "-").endsWith(".jpg"));
    }

    @Test
    void aRenditionIsReadBackAsOneAndNeverTakenForAnUpload() {
        MediaKey original = MediaKey.newShowArtwork(ImageFormat.PNG);
        for (int side : Artwork.RENDITION_SIDES) {
            String key = original.rendition(side);
            assertThat(MediaKey.parseRendition(key)).hasValue(new MediaKey.Rendition(original, side));
            assertThat(MediaKey.parseRendition(key).orElseThrow().value()).isEqualTo(key);
            assertThat(MediaKey.parse(key)).as("not an upload's key").isEmpty();
        }
        assertThat(MediaKey.parseRendition(original.value())).isEmpty();
        assertThat(MediaKey.parseRendition("artwork/show/" + original.uploadId() + "-96.png")).as("a side we never make").isEmpty();
        assertThat(MediaKey.parseRendition("audio/ep/" + original.uploadId() + "-128.mp3")).as("audio has no renditions").isEmpty();
        assertThat(MediaKey.parseRendition("artwork/show/x-128.gif")).isEmpty();
        assertThat(MediaKey.parseRendition(null)).isEmpty();
    }

    /** Its last group has 12 characters: even all digits, a UUID never reads as a rendition's suffix. */
    @Test
    void anUploadIdOfDigitsIsStillAnUpload() {
        assertThat(MediaKey.parse("artwork/show/11111111-2222-3333-4444-555555555555.png")).isPresent();
        assertThat(MediaKey.parse("artwork/show/sample.png")).isPresent();
    }

    @Test
    void onlyArtworkHasRenditionsAndOnlyOfTheSidesWeMake() {
        MediaKey audio = MediaKey.newAudio("ep-1", AudioFormat.MP3);
        assertThatThrownBy(() -> audio.rendition(128)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MediaKey.newShowArtwork(ImageFormat.PNG).rendition(100)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aUrlOfOursNamesItsKey() {
        MediaKey key = MediaKey.newShowArtwork(ImageFormat.PNG);
        assertThat(MediaKey.ofUrl(MEDIA, MediaKey.url(MEDIA, key.value()))).hasValue(key);
        assertThat(MediaKey.ofUrl(MEDIA, "https://elsewhere.test/" + key.value())).isEmpty();
        assertThat(MediaKey.ofUrl(MEDIA, MEDIA + ".evil.test/" + key.value())).isEmpty();
        assertThat(MediaKey.ofUrl(MEDIA, MediaKey.url(MEDIA, key.rendition(128)))).isEmpty();
        assertThat(MediaKey.ofUrl(MEDIA, null)).isEmpty();
    }
}
