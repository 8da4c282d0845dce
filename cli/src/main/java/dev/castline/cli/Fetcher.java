package dev.castline.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

/**
 * Fetches what an import reads from other hosts (a feed, a chapters file): http(s) only,
 * redirects followed by hand up to {@link #MAX_REDIRECTS} (each hop checked, so a loop or a
 * redirect to {@code file:} ends with a clear error), a time-out on connecting and on the whole
 * answer, gzip accepted, and a cap on the bytes read, counted after decompression. Never retries
 * silently; every failure is an {@link Exit.Failure} naming the URL and why.
 */
final class Fetcher {
    static final int MAX_REDIRECTS = 5;
    /** The slowest answer worth waiting for, on average over twice the time-out (a dial-up modem sends 7 KiB/s). */
    static final long MIN_BYTES_PER_SECOND = 1024;

    private final HttpClient http;
    private final Env env;
    private final Duration timeout;

    Fetcher(Env env, Duration timeout) {
        this(env, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build(), timeout);
    }

    Fetcher(Env env, HttpClient http, Duration timeout) {
        this.env = env;
        this.http = http;
        this.timeout = timeout;
    }

    /** What was fetched: the final URL (after redirects), and its bytes in a temporary file the caller deletes. */
    record Fetched(URI url, Path file, long bytes) {
    }

    /** Fetches {@code url} into a temporary file, reading at most {@code maxBytes}. */
    Fetched toFile(URI url, long maxBytes, String what) {
        Path file;
        try {
            file = Files.createTempFile("castline-import", ".download");
        } catch (IOException e) {
            throw new Exit.Failure(Exit.FAILURE, "cannot make a temporary file: " + e.getMessage());
        }
        boolean ok = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            Opened opened = open(url, what);
            long copied;
            try (InputStream in = opened.body()) {
                copied = copy(in, out, maxBytes, what, url);
            }
            ok = true;
            return new Fetched(opened.url(), file, copied);
        } catch (IOException e) {
            throw new Exit.Failure(Exit.USAGE, what + " " + url + ": the download failed: " + describe(e));
        } finally {
            if (!ok) {
                delete(file);
            }
        }
    }

    /** Fetches {@code url} into memory, at most {@code maxBytes} (for small files such as chapters). */
    byte[] bytes(URI url, int maxBytes, String what) {
        Opened opened = open(url, what);
        try (InputStream in = opened.body(); var out = new java.io.ByteArrayOutputStream()) {
            copy(in, out, maxBytes, what, url);
            return out.toByteArray();
        } catch (IOException e) {
            throw new Exit.Failure(Exit.USAGE, what + " " + url + ": the download failed: " + describe(e));
        }
    }

    private record Opened(URI url, InputStream body) {
    }

    private Opened open(URI start, String what) {
        URI url = start;
        for (int hop = 0; ; hop++) {
            checkScheme(url, what, start);
            HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Accept-Encoding", "gzip")
                    .header("User-Agent", "castline-import").GET().build();
            env.requests().sent("GET", url);
            HttpResponse<InputStream> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpTimeoutException e) {
                throw new Exit.Failure(Exit.USAGE, what + " " + url + ": no answer within " + timeout.toSeconds() + " s");
            } catch (IOException e) {
                throw new Exit.Failure(Exit.USAGE, what + " " + url + ": cannot fetch it: " + describe(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Exit.Failure(Exit.INTERRUPTED, "interrupted");
            } finally {
                env.requests().finished("GET", url);
            }
            int status = response.statusCode();
            if (status >= 300 && status < 400 && status != 304) {
                close(response.body());
                String location = response.headers().firstValue("location").orElse(null);
                if (location == null) {
                    throw new Exit.Failure(Exit.USAGE, what + " " + url + ": answered " + status + " without a Location");
                }
                if (hop >= MAX_REDIRECTS) {
                    throw new Exit.Failure(Exit.USAGE, what + " " + start + ": more than " + MAX_REDIRECTS
                            + " redirects (a redirect loop?); give the final URL");
                }
                try {
                    url = url.resolve(new URI(location.strip()));
                } catch (URISyntaxException | IllegalArgumentException e) {
                    throw new Exit.Failure(Exit.USAGE, what + " " + url + ": redirects to a malformed URL: " + location);
                }
                continue;
            }
            if (status != 200) {
                close(response.body());
                throw new Exit.Failure(Exit.USAGE, what + " " + url + ": answered " + status);
            }
            InputStream body = response.body();
            boolean gzip = response.headers().firstValue("content-encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("gzip")).orElse(false);
            if (gzip) {
                try {
                    body = new GZIPInputStream(body, 64 * 1024);
                } catch (IOException e) {
                    close(response.body());
                    throw new Exit.Failure(Exit.USAGE, what + " " + url + ": says gzip but is not: " + describe(e));
                }
            }
            return new Opened(url, body);
        }
    }

    private static void checkScheme(URI url, String what, URI start) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || url.getHost() == null) {
            throw new Exit.Failure(Exit.USAGE, what + " " + (url.equals(start) ? url : start + " redirects to " + url)
                    + ": only http and https URLs are fetched");
        }
    }

    /**
     * Copies at most {@code maxBytes}; a body that sends nothing for the time-out, or that has
     * averaged under {@link #MIN_BYTES_PER_SECOND} over twice the time-out (a stall is told first), is closed from a
     * watchdog (a read on the HTTP client's stream has no time-out of its own), so a server that
     * stalls or trickles (a byte now and then, each just within the time-out) ends the download with
     * an error instead of holding the import for ever.
     */
    private long copy(InputStream in, OutputStream out, long maxBytes, String what, URI url) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long started = System.nanoTime();
        AtomicLong lastProgress = new AtomicLong(started);
        AtomicLong received = new AtomicLong();
        AtomicBoolean stalled = new AtomicBoolean();
        AtomicBoolean trickled = new AtomicBoolean();
        long patience = timeout.toNanos();
        Thread watchdog = Thread.ofPlatform().daemon().name("castline-fetch-watchdog").start(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(Math.min(1000, Math.max(10, timeout.toMillis() / 4)));
                    long now = System.nanoTime();
                    if (now - lastProgress.get() > patience) {
                        stalled.set(true);
                        close(in);
                        return;
                    }
                    long elapsed = now - started;
                    if (elapsed > 2 * patience && received.get() * 1_000_000_000L / elapsed < MIN_BYTES_PER_SECOND) {
                        trickled.set(true);
                        close(in);
                        return;
                    }
                }
            } catch (InterruptedException done) {
                // the copy ended
            }
        });
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                lastProgress.set(System.nanoTime());
                if (received.addAndGet(n) > maxBytes) {
                    throw new Exit.Failure(Exit.USAGE, what + " " + url + " is larger than " + Progress.size(maxBytes) + ": not read further");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException e) {
            Exit.Failure closed = closedByWatchdog(trickled.get(), stalled.get(), what, url, received.get(), started);
            if (closed != null) {
                throw closed;
            }
            throw e;
        } finally {
            watchdog.interrupt();
        }
        Exit.Failure closed = closedByWatchdog(trickled.get(), stalled.get(), what, url, received.get(), started);
        if (closed != null) {
            throw closed;
        }
        return received.get();
    }

    /** Why the watchdog closed the body (too slow is told before a stall), or null when it did not. */
    private Exit.Failure closedByWatchdog(boolean trickled, boolean stalled, String what, URI url, long bytes, long started) {
        if (trickled) {
            long seconds = Math.max(1, (System.nanoTime() - started) / 1_000_000_000L);
            return new Exit.Failure(Exit.USAGE, what + " " + url + " arrives at under " + Progress.size(MIN_BYTES_PER_SECOND) + "/s ("
                    + Progress.size(bytes) + " in " + seconds + " s): stopped");
        }
        if (stalled) {
            return new Exit.Failure(Exit.USAGE, what + " " + url + ": nothing arrived for " + timeout.toSeconds() + " s after "
                    + Progress.size(bytes) + ": stopped");
        }
        return null;
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a temporary file; the system cleans it eventually
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // discarding it anyway
        }
    }

    private static String describe(IOException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
    }
}
