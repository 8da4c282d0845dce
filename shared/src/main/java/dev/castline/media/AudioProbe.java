package dev.castline.media;

import java.io.IOException;
import java.util.Arrays;

/**
 * Finds an upload's type and duration from the few bytes that state them, read through a
 * {@link RangeSource} (S3 HEAD + ranged GETs), so a 100 MB episode is never downloaded.
 *
 * <p>Written by hand because the audio libraries want the whole stream, and the two formats
 * podcasts use keep their duration in a handful of fixed places:
 * <ul>
 *   <li><b>MP3</b>: skip ID3v2 tags (their size is in their header, so cover art is jumped over,
 *       never read), find the first MPEG Layer III frame, confirm it by finding the next frame
 *       where its length says, then take the frame count from a Xing/Info or VBRI header, or
 *       else divide the audio bytes by the constant bitrate (the same estimate ffprobe makes).
 *   <li><b>M4A</b>: walk the top-level atoms by their 8- or 16-byte headers (jumping over
 *       {@code mdat} whatever its size), then {@code moov} → {@code mvhd} → duration / timescale.
 * </ul>
 *
 * <p>Reads: one first block (64 KiB, or the whole file if smaller) is usually all it takes;
 * jumping past a big ID3 tag, to a {@code moov} after the audio, or to an ID3v1 tag at the end
 * costs one more small read each. Every read is counted and capped, so hostile input costs at
 * most {@value #MAX_READS} requests and {@value #MAX_BYTES} bytes, and every loop is bounded.
 */
public final class AudioProbe {
    public static final String MPEG = dev.castline.domain.AudioFormat.MP3.contentType();
    public static final String M4A = dev.castline.domain.AudioFormat.M4A.contentType();

    /** The first read: holds ftyp + a faststart moov header, or a small tag and the first frames. */
    static final int FIRST_BLOCK = 64 * 1024;
    /** Each later read: sized to hold an atom header + mvhd, or two MP3 frames (≤ 1441 bytes each). */
    static final int SEEK_BLOCK = 16 * 1024;
    static final int MAX_READS = 16;
    static final long MAX_BYTES = 2L * 1024 * 1024;
    /** Far above any real file; keeps every size × 8 or × 1000 below overflow. */
    static final long MAX_SIZE = 1L << 40;

    /** How far past the ID3 tags to look for the first frame: encoders and taggers leave junk. */
    static final int MP3_SCAN = 64 * 1024;
    /** Back-to-back ID3v2 tags happen (a tagger prepends without removing the old one); a few. */
    static final int MAX_ID3_TAGS = 8;
    static final int MAX_TOP_LEVEL_ATOMS = 4096;
    static final int MAX_MOOV_CHILDREN = 64;

    static final String EMPTY = "the file is empty";
    static final String NOT_AUDIO = "not an MP3 or M4A file";
    static final String TOO_LARGE = "the file is too large";
    static final String TOO_SCATTERED = "the file's headers are too large or too scattered to read";
    static final String MP3_TRUNCATED = "the MP3 is truncated: no complete audio frame";
    static final String MP3_TRUNCATED_ID3 = "the MP3 is truncated: its ID3 tag runs past the end of the file";
    static final String MP3_TRUNCATED_VBR = "the MP3 is truncated: its header counts more audio than the file holds";
    static final String MP3_NO_FRAMES = "the MP3 has no audio frames after its ID3 tag";
    static final String M4A_TRUNCATED = "the M4A is truncated: an atom runs past the end of the file";
    static final String M4A_MALFORMED = "the M4A has a malformed atom";
    static final String M4A_NO_MOOV = "the M4A has no moov atom";
    static final String M4A_NO_MVHD = "the M4A has no movie header (mvhd) in its moov atom";
    static final String M4A_TOO_MANY_ATOMS = "the M4A has too many atoms";
    static final String M4A_ZERO_TIMESCALE = "the M4A has a zero timescale";
    static final String M4A_NO_DURATION = "the M4A does not state its duration";
    static final String M4A_VIDEO = "the file has a video track: upload the audio alone";
    static final String IMPLAUSIBLE_DURATION = "the file is too small for the duration it states";
    static final String MP3_TOO_SHORT = "the MP3 has less than one second of audio frames";
    /**
     * The lowest average bitrate a real episode has: speech in HE-AAC or low-rate MP3 runs above
     * 8 kbit/s; a header claiming far longer than the bytes could hold is corrupt or hostile.
     */
    static final long MIN_BITS_PER_SECOND = 4_000;

    private AudioProbe() {}

    /**
     * The type, size and duration of the audio in {@code source}, decided from the content alone.
     *
     * @throws UnsupportedAudioException the content is not an MP3 or M4A we can time; its
     *     {@link UnsupportedAudioException#reason() reason} is for the host
     * @throws IOException reading the source failed (retryable, not the file's fault)
     */
    public static AudioInfo probe(RangeSource source) throws UnsupportedAudioException, IOException {
        return probe(source, FIRST_BLOCK);
    }

    /** As {@link #probe(RangeSource)} with another first-block size, so tests can force the seeks. */
    static AudioInfo probe(RangeSource source, int firstBlock) throws UnsupportedAudioException, IOException {
        long size = source.size();
        if (size < 0) {
            throw new IOException("the source reports a negative size: " + size);
        }
        if (size == 0) {
            throw new UnsupportedAudioException(EMPTY);
        }
        if (size > MAX_SIZE) {
            throw new UnsupportedAudioException(TOO_LARGE);
        }
        Reader r = new Reader(source, size, Math.max(16, firstBlock));
        // Content decides, never the name or the declared Content-Type: every MP4 starts with ftyp.
        long durationMillis;
        String type;
        if (r.ascii(4, "ftyp")) {
            type = M4A;
            durationMillis = m4aMillis(r);
        } else {
            type = MPEG;
            durationMillis = mp3Millis(r);
        }
        // bits / ms × 1000 = bit/s; size < 2^40, so size × 8000 cannot overflow.
        if (durationMillis > 0 && size * 8_000 / durationMillis < MIN_BITS_PER_SECOND) {
            throw new UnsupportedAudioException(IMPLAUSIBLE_DURATION);
        }
        return new AudioInfo(type, size, durationMillis);
    }

    // ---------------------------------------------------------------- MP3

    /** One MPEG Layer III frame header, decoded. {@code version}: 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5. */
    private record Frame(int version, int kbps, int sampleRate, int length, boolean mono) {
        boolean mpeg1() {
            return version == 3;
        }

        int samples() {
            return mpeg1() ? 1152 : 576;
        }

        /** The smallest frame at this sample rate (lowest bitrate, no padding): a floor for VBR sizes. */
        int minLength() {
            return mpeg1() ? 144_000 * 32 / sampleRate : 72_000 * 8 / sampleRate;
        }

        /** Where a Xing/Info tag starts, from the frame start: header + side info, which depends on both. */
        int xingOffset() {
            return 4 + (mpeg1() ? (mono ? 17 : 32) : (mono ? 9 : 17));
        }
    }

    private static final int[] KBPS_V1 = {0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320};
    private static final int[] KBPS_V2 = {0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160};
    private static final int[] RATES_V1 = {44100, 48000, 32000};

    private static long mp3Millis(Reader r) throws UnsupportedAudioException, IOException {
        long size = r.size;

        // ID3v2: "ID3", major version, revision, flags, then a 28-bit size in 4 bytes of 7 bits
        // ("sync-safe", so the size itself never looks like a frame sync). The size excludes the
        // 10-byte header and the optional 10-byte footer (flag 0x10). Nothing inside is read.
        long audioStart = 0;
        boolean hadId3 = false;
        for (int i = 0; i < MAX_ID3_TAGS && size - audioStart >= 10; i++) {
            long p = audioStart;
            r.need(p, 10);
            if (!r.ascii(p, "ID3") || r.u8(p + 3) < 2 || r.u8(p + 3) > 4 || r.u8(p + 4) == 0xFF
                    || ((r.u8(p + 6) | r.u8(p + 7) | r.u8(p + 8) | r.u8(p + 9)) & 0x80) != 0) {
                break;
            }
            long length = 10L + (r.u8(p + 6) << 21 | r.u8(p + 7) << 14 | r.u8(p + 8) << 7 | r.u8(p + 9))
                    + ((r.u8(p + 5) & 0x10) != 0 ? 10 : 0);
            if (length > size - p) {
                throw new UnsupportedAudioException(MP3_TRUNCATED_ID3);
            }
            audioStart = p + length;
            hadId3 = true;
        }

        // The first frame: a plausible header is not enough (0xFFE is common in cover art and
        // junk), so the next frame's header must sit exactly where this frame's length ends,
        // with the same version and sample rate. The scan is bounded; so are its reads.
        Frame first = null;
        long start = -1;
        boolean cutShort = false; // the first plausible header's frame, or its successor, passes the end
        boolean sawCandidate = false;
        long scanEnd = Math.min(size, audioStart + MP3_SCAN);
        for (long p = audioStart; p < scanEnd; p++) {
            if (r.u8(p) != 0xFF) {
                continue;
            }
            Frame f = frameAt(r, p);
            if (f == null) {
                continue;
            }
            boolean firstCandidate = !sawCandidate;
            sawCandidate = true;
            if (f.length > size - p - 4) {
                // No room for this frame and the next header. A cut file, if this is where the audio
                // starts (right after the tags, or at 0); otherwise keep looking.
                cutShort |= firstCandidate && (hadId3 || p == audioStart);
                continue;
            }
            r.need(p, f.length + 4); // this frame and the next header in one read
            Frame next = frameAt(r, p + f.length);
            if (next != null && next.version == f.version && next.sampleRate == f.sampleRate) {
                first = f;
                start = p;
                break;
            }
        }
        if (first == null) {
            throw new UnsupportedAudioException(cutShort ? MP3_TRUNCATED : hadId3 ? MP3_NO_FRAMES : NOT_AUDIO);
        }

        // VBR files say how many frames they hold in their first frame, which carries no audio:
        // Xing (VBR) or Info (LAME's CBR) after the side information, or Fraunhofer's VBRI at 36.
        long frames = 0;
        long declaredBytes = 0;
        r.need(start, first.length);
        long x = start + first.xingOffset();
        long frameEnd = start + first.length;
        if (x + 12 <= frameEnd && (r.ascii(x, "Xing") || r.ascii(x, "Info"))) {
            long flags = r.u32(x + 4);
            long field = x + 8; // optional fields follow in flag order: frames (1), bytes (2)
            if ((flags & 1) != 0) {
                frames = r.u32(field);
                field += 4;
            }
            if ((flags & 2) != 0 && field + 4 <= frameEnd) {
                declaredBytes = r.u32(field);
            }
        } else if (start + 36 + 18 <= frameEnd && r.ascii(start + 36, "VBRI")) {
            // "VBRI", version(2), delay(2), quality(2), bytes(4), frames(4)
            declaredBytes = r.u32(start + 36 + 10);
            frames = r.u32(start + 36 + 14);
        }
        if (frames > 0) {
            // Truncation, judged loosely so a slightly-off header never rejects a good file:
            // (1) even the smallest frames could not fit that count in what is left of the file;
            // (2) the header's byte count (which excludes the ID3v2 tag, so comparing with the
            //     whole file is generous) exceeds the file by more than 10%. An upload cut at 95%
            //     passes and is timed from the header; one cut anywhere earlier is refused.
            long available = size - start;
            if (frames * first.minLength() > available || declaredBytes - size > declaredBytes / 10) {
                throw new UnsupportedAudioException(MP3_TRUNCATED_VBR);
            }
            requireOneSecondOfFrames(r, first, start);
            return roundDiv(frames * first.samples() * 1000, first.sampleRate);
        }
        // Walked while the audio's start is still the cached window: the tail read below replaces it.
        requireOneSecondOfFrames(r, first, start);

        // CBR: every frame has the first one's bitrate, so bytes × 8 / bitrate. Audio bytes run from
        // the first frame to the end, less a 128-byte ID3v1 tag ("TAG") there, read with one small
        // ranged read when the first block did not reach the end.
        long audioBytes = size - start;
        long tag = size - 128;
        if (tag >= frameEnd && r.ascii(tag, "TAG")) {
            audioBytes -= 128;
        }
        return roundDiv(audioBytes * 8, first.kbps); // bits / (kbit/s) = ms
    }

    /** The Layer III frame header at {@code p}, or null where the 4 bytes are not a valid one. */
    private static Frame frameAt(Reader r, long p) throws UnsupportedAudioException, IOException {
        if (r.size - p < 4) {
            return null;
        }
        r.need(p, 4);
        int b1 = r.u8(p + 1);
        int b2 = r.u8(p + 2);
        int b3 = r.u8(p + 3);
        int version = (b1 >> 3) & 3; // 0 = MPEG-2.5, 1 = reserved, 2 = MPEG-2, 3 = MPEG-1
        int layer = (b1 >> 1) & 3; // 1 = Layer III
        int bitrateIndex = b2 >> 4; // 0 = "free format" (length unknowable), 15 = invalid
        int rateIndex = (b2 >> 2) & 3; // 3 = reserved
        if (r.u8(p) != 0xFF || (b1 & 0xE0) != 0xE0 || version == 1 || layer != 1
                || bitrateIndex == 0 || bitrateIndex == 15 || rateIndex == 3
                || (b3 & 3) == 2) { // emphasis 2 is reserved: one more guard against false syncs
            return null;
        }
        boolean mpeg1 = version == 3;
        int kbps = (mpeg1 ? KBPS_V1 : KBPS_V2)[bitrateIndex];
        int sampleRate = RATES_V1[rateIndex] >> (mpeg1 ? 0 : version == 2 ? 1 : 2);
        int padding = (b2 >> 1) & 1;
        int length = (mpeg1 ? 144_000 : 72_000) * kbps / sampleRate + padding;
        return new Frame(version, kbps, sampleRate, length, (b3 >> 6) == 3);
    }

    /**
     * At least one second of audio must follow as back-to-back frames, each with the first one's
     * version and sample rate: two frames and then anything else (a page, a script) is not an
     * episode, whatever its size would make a CBR estimate say.
     */
    private static void requireOneSecondOfFrames(Reader r, Frame first, long start) throws UnsupportedAudioException, IOException {
        long samples = 0;
        long p = start;
        Frame f = first;
        while (samples < first.sampleRate) {
            if (f == null || f.version != first.version || f.sampleRate != first.sampleRate || f.length > r.size - p) {
                throw new UnsupportedAudioException(MP3_TOO_SHORT);
            }
            samples += f.samples();
            p += f.length;
            if (samples >= first.sampleRate) {
                break;
            }
            if (r.size - p < 4) {
                throw new UnsupportedAudioException(MP3_TOO_SHORT);
            }
            r.need(p, 4);
            f = frameAt(r, p);
        }
    }

    // ---------------------------------------------------------------- M4A

    /** An atom (ISO BMFF box): where it starts, its type as 4 ASCII bytes, header length, end. */
    private record Atom(long start, int type, int header, long end) {}

    private static final int MOOV = fourcc("moov");
    private static final int MVHD = fourcc("mvhd");
    private static final int TRAK = fourcc("trak");
    private static final int MDIA = fourcc("mdia");
    private static final int HDLR = fourcc("hdlr");
    private static final int VIDE = fourcc("vide");

    private static long m4aMillis(Reader r) throws UnsupportedAudioException, IOException {
        // Top level: ftyp, then moov and mdat in either order (moov last unless "faststart"),
        // maybe free/wide/udta. Only headers are read; mdat is stepped over by its size.
        long p = 0;
        for (int i = 0; p < r.size; i++) {
            if (i == MAX_TOP_LEVEL_ATOMS) {
                throw new UnsupportedAudioException(M4A_TOO_MANY_ATOMS);
            }
            Atom atom = atomAt(r, p, r.size, M4A_TRUNCATED);
            if (atom.type == MOOV) {
                return moovMillis(r, atom);
            }
            p = atom.end;
        }
        throw new UnsupportedAudioException(M4A_NO_MOOV);
    }

    private static long moovMillis(Reader r, Atom moov) throws UnsupportedAudioException, IOException {
        // mvhd is nearly always moov's first child, then one trak per track; the loops only step
        // over atom headers, so a big moov (sample tables of a long episode run to MBs) is never
        // read whole. Every track's handler is checked: a podcast episode has no video track.
        long millis = -1;
        long p = moov.start + moov.header;
        for (int i = 0; i < MAX_MOOV_CHILDREN && p < moov.end; i++) {
            Atom atom = atomAt(r, p, moov.end, M4A_MALFORMED);
            if (atom.type == MVHD && millis < 0) {
                millis = mvhdMillis(r, atom);
            } else if (atom.type == TRAK && handlerOf(r, atom) == VIDE) {
                throw new UnsupportedAudioException(M4A_VIDEO);
            }
            p = atom.end;
        }
        if (millis < 0) {
            throw new UnsupportedAudioException(M4A_NO_MVHD);
        }
        return millis;
    }

    /** The handler type of a track ({@code soun}, {@code vide}...): trak → mdia → hdlr; 0 if none. */
    private static int handlerOf(Reader r, Atom trak) throws UnsupportedAudioException, IOException {
        Atom mdia = child(r, trak, MDIA);
        Atom hdlr = mdia == null ? null : child(r, mdia, HDLR);
        if (hdlr == null) {
            return 0;
        }
        // Full box: version(1) flags(3) pre_defined(4) handler_type(4)
        long b = hdlr.start + hdlr.header;
        if (hdlr.end - b < 12) {
            throw new UnsupportedAudioException(M4A_MALFORMED);
        }
        r.need(b, 12);
        return (int) r.u32(b + 8);
    }

    private static Atom child(Reader r, Atom parent, int type) throws UnsupportedAudioException, IOException {
        long p = parent.start + parent.header;
        for (int i = 0; i < MAX_MOOV_CHILDREN && p < parent.end; i++) {
            Atom atom = atomAt(r, p, parent.end, M4A_MALFORMED);
            if (atom.type == type) {
                return atom;
            }
            p = atom.end;
        }
        return null;
    }

    private static long mvhdMillis(Reader r, Atom mvhd) throws UnsupportedAudioException, IOException {
        // Full box: version(1) flags(3), then version 0: creation(4) modification(4) timescale(4)
        // duration(4); version 1: creation(8) modification(8) timescale(4) duration(8).
        long b = mvhd.start + mvhd.header;
        r.need(b, 32);
        int version = r.u8(b);
        if (version > 1 || mvhd.end - b < (version == 0 ? 20 : 32)) {
            throw new UnsupportedAudioException(M4A_MALFORMED);
        }
        long timescale = version == 0 ? r.u32(b + 12) : r.u32(b + 20);
        long duration = version == 0 ? r.u32(b + 16) : r.u64(b + 24);
        if (timescale == 0) {
            throw new UnsupportedAudioException(M4A_ZERO_TIMESCALE);
        }
        // 0 (fragmented files put durations in their fragments) and all-ones both mean "unknown";
        // a negative 64-bit value is all-ones or nonsense.
        if (duration <= 0 || (version == 0 && duration == 0xFFFF_FFFFL)) {
            throw new UnsupportedAudioException(M4A_NO_DURATION);
        }
        long seconds = duration / timescale;
        if (seconds > MAX_SIZE) { // over 30,000 years: a corrupt header, and × 1000 must not overflow
            throw new UnsupportedAudioException(M4A_MALFORMED);
        }
        return seconds * 1000 + roundDiv(duration % timescale * 1000, timescale);
    }

    /**
     * The atom whose header starts at {@code p}, which must end by {@code limit} (the file or the
     * parent). Size 1 means a 64-bit size follows the type; 0 means "to the end of the parent".
     */
    private static Atom atomAt(Reader r, long p, long limit, String pastLimit)
            throws UnsupportedAudioException, IOException {
        if (limit - p < 8) {
            throw new UnsupportedAudioException(pastLimit);
        }
        r.need(p, 16);
        long size = r.u32(p);
        int type = (int) r.u32(p + 4);
        int header = 8;
        if (size == 1) {
            if (limit - p < 16) {
                throw new UnsupportedAudioException(pastLimit);
            }
            size = r.u64(p + 8);
            header = 16;
        } else if (size == 0) {
            size = limit - p;
        }
        if (size < header) { // also catches a 64-bit size with the top bit set
            throw new UnsupportedAudioException(M4A_MALFORMED);
        }
        if (size > limit - p) {
            throw new UnsupportedAudioException(pastLimit);
        }
        return new Atom(p, type, header, p + size);
    }

    private static int fourcc(String s) {
        return s.charAt(0) << 24 | s.charAt(1) << 16 | s.charAt(2) << 8 | s.charAt(3);
    }

    private static long roundDiv(long a, long b) {
        return (a + b / 2) / b;
    }

    // ---------------------------------------------------------------- reading

    /**
     * The source seen through two caches: the first block, kept for the whole probe, and the
     * latest later read. A miss reads a new block starting at the position asked for (so a
     * forward scan never reads the same bytes twice), counted against the caps.
     */
    static final class Reader {
        private final RangeSource source;
        final long size;
        private final byte[] head;
        private byte[] window = new byte[0];
        private long windowStart;
        int reads;
        long bytesRead;

        Reader(RangeSource source, long size, int firstBlock) throws UnsupportedAudioException, IOException {
            this.source = source;
            this.size = size;
            this.head = fetch(0, (int) Math.min(firstBlock, size));
        }

        /** Makes the bytes {@code [p, p + length)} that lie in the file cached, reading if needed. */
        void need(long p, int length) throws UnsupportedAudioException, IOException {
            if (p < 0 || p >= size) {
                return;
            }
            long end = Math.min(size, p + length);
            if (end <= head.length || (p >= windowStart && end <= windowStart + window.length)) {
                return;
            }
            window = fetch(p, (int) Math.min(size - p, Math.max(length, SEEK_BLOCK)));
            windowStart = p;
        }

        /** The byte at {@code p} (0–255), or -1 outside the file. */
        int u8(long p) throws UnsupportedAudioException, IOException {
            if (p < 0 || p >= size) {
                return -1;
            }
            if (p < head.length) {
                return head[(int) p] & 0xFF;
            }
            if (p < windowStart || p >= windowStart + window.length) {
                need(p, 1);
            }
            return window[(int) (p - windowStart)] & 0xFF;
        }

        /** Big-endian unsigned 32 bits at {@code p}; callers check that they lie in the file. */
        long u32(long p) throws UnsupportedAudioException, IOException {
            need(p, 4);
            return (long) u8(p) << 24 | u8(p + 1) << 16 | u8(p + 2) << 8 | u8(p + 3);
        }

        long u64(long p) throws UnsupportedAudioException, IOException {
            need(p, 8);
            return u32(p) << 32 | u32(p + 4);
        }

        /** Whether the bytes at {@code p} are {@code s} (false where they run past the end). */
        boolean ascii(long p, String s) throws UnsupportedAudioException, IOException {
            need(p, s.length());
            for (int i = 0; i < s.length(); i++) {
                if (u8(p + i) != s.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        private byte[] fetch(long p, int length) throws UnsupportedAudioException, IOException {
            if (reads == MAX_READS || bytesRead + length > MAX_BYTES) {
                throw new UnsupportedAudioException(TOO_SCATTERED);
            }
            reads++;
            bytesRead += length;
            byte[] bytes = source.read(p, length);
            if (bytes == null || bytes.length < length) {
                // The source promised `size` bytes; fewer means it changed or broke, not a bad file.
                throw new IOException("read " + (bytes == null ? 0 : bytes.length) + " of " + length
                        + " bytes at offset " + p + " of a " + size + "-byte object");
            }
            return bytes.length == length ? bytes : Arrays.copyOf(bytes, length);
        }
    }
}
