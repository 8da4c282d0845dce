package dev.castline.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How far an upload is: on a terminal, one bar redrawn in place (bytes, percent, rate, ETA);
 * otherwise (a log, a pipe, CI) a plain line at every tenth, so logs stay readable.
 */
final class Progress {
    private static final long REDRAW_MILLIS = 100;
    private static final int BAR = 24;

    private final PrintStream err;
    private final boolean terminal;
    private final Clock clock;
    private final String label;
    private final long total;
    private final long startMillis;
    private final AtomicLong done = new AtomicLong();
    private long lastDraw;
    private int lastTenth = -1;
    private boolean finished;

    Progress(PrintStream err, boolean terminal, Clock clock, String label, long total, long alreadyDone) {
        this.err = err;
        this.terminal = terminal;
        this.clock = clock;
        this.label = label;
        this.total = total;
        this.startMillis = clock.millis();
        this.done.set(alreadyDone);
        this.baseline = alreadyDone;
    }

    private final long baseline;

    void advance(long bytes) {
        long now = done.addAndGet(bytes);
        draw(now, false);
    }

    void finish() {
        draw(done.get(), true);
    }

    private synchronized void draw(long now, boolean last) {
        if (finished) {
            return;
        }
        long millis = clock.millis();
        int percent = total == 0 ? 100 : (int) Math.min(100, now * 100 / total);
        double seconds = Math.max(0.001, (millis - startMillis) / 1000.0);
        double rate = (now - baseline) / seconds;
        if (terminal) {
            if (!last && millis - lastDraw < REDRAW_MILLIS) {
                return;
            }
            lastDraw = millis;
            int filled = percent * BAR / 100;
            String eta = rate <= 0 || now >= total ? "0:00" : clock((long) ((total - now) / rate));
            err.print("\r" + label + " [" + "#".repeat(filled) + "-".repeat(BAR - filled) + "] " + size(now) + " / " + size(total)
                    + String.format(" %3d%% %s/s ETA %s ", percent, size((long) rate), eta));
            if (last) {
                err.println();
            }
        } else {
            int tenth = percent / 10;
            if (tenth == lastTenth && !last) {
                return;
            }
            if (last && tenth == lastTenth && percent == 100) {
                finished = true;
                return;
            }
            lastTenth = tenth;
            err.println(label + ": " + percent + "% (" + size(now) + " of " + size(total) + ", " + size((long) rate) + "/s)");
        }
        if (last) {
            finished = true;
        }
        err.flush();
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format("%.1f %s", value, units[unit]);
    }

    private static String clock(long seconds) {
        return seconds >= 3600 ? String.format("%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
