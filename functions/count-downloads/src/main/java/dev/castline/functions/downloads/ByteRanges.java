package dev.castline.functions.downloads;

import java.util.Arrays;

/**
 * A union of inclusive byte ranges of one file, kept sorted and disjoint (touching ranges are
 * merged), so adding a range served twice changes nothing and {@link #covered()} is the number of
 * distinct bytes a listener received. Immutable.
 */
public final class ByteRanges {
    public static final ByteRanges EMPTY = new ByteRanges(new long[0]);

    /** Pairs: start0, end0, start1, end1, ... sorted, disjoint, not touching. */
    private final long[] bounds;

    private ByteRanges(long[] bounds) {
        this.bounds = bounds;
    }

    public static ByteRanges of(long start, long end) {
        return EMPTY.add(start, end);
    }

    /** This union plus {@code [start, end]} (inclusive); an empty or negative range adds nothing. */
    public ByteRanges add(long start, long end) {
        if (start < 0 || end < start) {
            return this;
        }
        int n = bounds.length / 2;
        long[] out = new long[bounds.length + 2];
        int o = 0;
        int i = 0;
        while (i < n && bounds[2 * i + 1] + 1 < start) {
            out[o++] = bounds[2 * i];
            out[o++] = bounds[2 * i + 1];
            i++;
        }
        long s = start;
        long e = end;
        while (i < n && bounds[2 * i] <= e + 1) {
            s = Math.min(s, bounds[2 * i]);
            e = Math.max(e, bounds[2 * i + 1]);
            i++;
        }
        out[o++] = s;
        out[o++] = e;
        while (i < n) {
            out[o++] = bounds[2 * i];
            out[o++] = bounds[2 * i + 1];
            i++;
        }
        return new ByteRanges(Arrays.copyOf(out, o));
    }

    /** These ranges cut at {@code last} (inclusive): what of them lies in a file of {@code last + 1} bytes. */
    public ByteRanges upTo(long last) {
        long[] out = new long[bounds.length];
        int o = 0;
        for (int i = 0; i < bounds.length && bounds[i] <= last; i += 2) {
            out[o++] = bounds[i];
            out[o++] = Math.min(bounds[i + 1], last);
        }
        return new ByteRanges(Arrays.copyOf(out, o));
    }

    public ByteRanges union(ByteRanges other) {
        ByteRanges result = this;
        for (int i = 0; i < other.bounds.length; i += 2) {
            result = result.add(other.bounds[i], other.bounds[i + 1]);
        }
        return result;
    }

    /** How many distinct bytes the ranges hold. */
    public long covered() {
        long total = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            total += bounds[i + 1] - bounds[i] + 1;
        }
        return total;
    }

    public boolean isEmpty() {
        return bounds.length == 0;
    }

    public int size() {
        return bounds.length / 2;
    }

    /** {@code 0-1023,4096-8191}: how the ranges are stored; empty for none. */
    public String encode() {
        StringBuilder out = new StringBuilder(bounds.length * 8);
        for (int i = 0; i < bounds.length; i += 2) {
            if (i > 0) {
                out.append(',');
            }
            out.append(bounds[i]).append('-').append(bounds[i + 1]);
        }
        return out.toString();
    }

    /** Reads what {@link #encode} wrote. */
    public static ByteRanges decode(String text) {
        ByteRanges ranges = EMPTY;
        if (text == null || text.isEmpty()) {
            return ranges;
        }
        for (String part : text.split(",")) {
            int dash = part.indexOf('-');
            ranges = ranges.add(Long.parseLong(part.substring(0, dash)), Long.parseLong(part.substring(dash + 1)));
        }
        return ranges;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteRanges other && Arrays.equals(bounds, other.bounds);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bounds);
    }

    @Override
    public String toString() {
        return "[" + encode() + "]";
    }
}
