package dev.castline.local;

import dev.castline.domain.Artwork;
import dev.castline.domain.ImageFormat;
import dev.castline.domain.MediaKey;
import dev.castline.host.MediaObjects;
import dev.castline.media.ArtworkRenditions;
import dev.castline.media.UnsupportedImageException;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import javax.imageio.ImageIO;

/**
 * The sample show's artwork, drawn at start-up so the repository keeps no image and no page of
 * the local stack loads anything from another host: a microphone-like mark sending waves, in flat
 * colours (a PNG of a few KB), at the smallest size show artwork may have. Its renditions are
 * made from it by the upload processor's own code ({@link ArtworkRenditions}), at the keys it
 * would write them to.
 */
final class SampleArtwork {
    /** Where the sample show's artwork lives in the bucket. */
    static final MediaKey KEY = new MediaKey(MediaKey.Kind.ARTWORK, MediaKey.SHOW, "sample", ImageFormat.PNG.extension());
    static final int SIDE = Artwork.MIN_SIDE;

    private SampleArtwork() {
    }

    /**
     * Writes the artwork's renditions where the upload processor would, in its format. Before the
     * show names the artwork, as the processor does it.
     */
    static void putRenditions(byte[] png, ArtworkRenditions.Put bucket) {
        try {
            ArtworkRenditions.write(KEY, png, bucket);
        } catch (UnsupportedImageException e) {
            throw new IllegalStateException("the sample artwork could not be decoded: " + e.reason(), e);
        }
    }

    /**
     * For a data directory kept from before artwork had renditions: when the bucket holds the
     * sample artwork (the show has not replaced it) but not all its renditions, writes them.
     */
    static void putMissingRenditions(MediaObjects bucket) {
        Optional<byte[]> original = bucket.read(KEY.value());
        if (original.isPresent() && KEY.renditions().stream().anyMatch(k -> bucket.read(k).isEmpty())) {
            putRenditions(original.get(), bucket::put);
        }
    }

    static byte[] png() {
        System.setProperty("java.awt.headless", "true");
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0x1d3557));
            g.fillRect(0, 0, SIDE, SIDE);
            double cx = SIDE / 2.0;
            double cy = SIDE * 0.46;
            g.setColor(new Color(0xf1faee));
            g.fill(new RoundRectangle2D.Double(cx - 110, cy - 260, 220, 400, 220, 220));
            g.setStroke(new BasicStroke(44, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(new Arc2D.Double(cx - 190, cy - 190, 380, 380, 200, 140, Arc2D.OPEN));
            g.fill(new RoundRectangle2D.Double(cx - 22, cy + 180, 44, 150, 44, 44));
            g.fill(new RoundRectangle2D.Double(cx - 150, cy + 310, 300, 44, 44, 44));
            g.setColor(new Color(0xe63946));
            for (int i = 0; i < 3; i++) {
                double r = 330 + i * 110;
                g.draw(new Arc2D.Double(cx - r, cy - 40 - r, 2 * r, 2 * r, -35, 70, Arc2D.OPEN));
                g.draw(new Arc2D.Double(cx - r, cy - 40 - r, 2 * r, 2 * r, 145, 70, Arc2D.OPEN));
            }
            g.setColor(new Color(0xa8dadc));
            g.fill(new Ellipse2D.Double(cx - 40, SIDE - 200, 80, 80));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("no PNG writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
