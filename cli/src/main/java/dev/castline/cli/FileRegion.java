package dev.castline.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.net.http.HttpRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongConsumer;

/**
 * A stretch of a file, read in small chunks: hashed, or sent as a request body, without ever
 * holding more than a chunk of it in memory, whatever the file's size.
 */
record FileRegion(Path file, long offset, long length) {
    static final int CHUNK = 1024 * 1024;

    /** MD5 of the region, read through once. */
    byte[] md5() {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            ByteBuffer buffer = ByteBuffer.allocate(1024 * 1024);
            long position = offset;
            long end = offset + length;
            while (position < end) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), end - position));
                int read = channel.read(buffer, position);
                if (read < 0) {
                    throw new IOException(file + " became shorter while it was read");
                }
                buffer.flip();
                md5.update(buffer);
                position += read;
            }
            return md5.digest();
        } catch (IOException e) {
            throw new Exit.Failure(Exit.USAGE, "cannot read " + file + ": " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The region as a request body. Each subscription reads the file afresh (a retried request
     * sends it again); {@code sent} hears of every chunk handed to the connection; {@code cancelled}
     * stops the body midway, failing the request; {@code bytesPerSecond} (0: no limit) paces it.
     */
    HttpRequest.BodyPublisher publisher(LongConsumer sent, BooleanSupplier cancelled, long bytesPerSecond) {
        return new HttpRequest.BodyPublisher() {
            @Override
            public long contentLength() {
                return length;
            }

            @Override
            public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
                subscriber.onSubscribe(new Reading(subscriber, sent, cancelled, bytesPerSecond));
            }
        };
    }

    private final class Reading implements Flow.Subscription {
        private final Flow.Subscriber<? super ByteBuffer> subscriber;
        private final LongConsumer sent;
        private final BooleanSupplier cancelled;
        private final long bytesPerSecond;
        private final AtomicLong demand = new AtomicLong();
        private final AtomicBoolean draining = new AtomicBoolean();
        private volatile boolean done;
        private FileChannel channel;
        private long position = offset;
        private long startNanos;

        Reading(Flow.Subscriber<? super ByteBuffer> subscriber, LongConsumer sent, BooleanSupplier cancelled, long bytesPerSecond) {
            this.subscriber = subscriber;
            this.sent = sent;
            this.cancelled = cancelled;
            this.bytesPerSecond = bytesPerSecond;
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                fail(new IllegalArgumentException("demand must be positive"));
                return;
            }
            demand.getAndAccumulate(n, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            drain();
        }

        /** One thread emits at a time; a request() from inside onNext only adds demand. */
        private void drain() {
            if (!draining.compareAndSet(false, true)) {
                return;
            }
            try {
                while (!done && demand.get() > 0) {
                    if (cancelled.getAsBoolean()) {
                        fail(new CancellationException("upload cancelled"));
                        return;
                    }
                    long end = offset + length;
                    if (position >= end) {
                        finish();
                        return;
                    }
                    if (channel == null) {
                        channel = FileChannel.open(file, StandardOpenOption.READ);
                        startNanos = System.nanoTime();
                    }
                    ByteBuffer chunk = ByteBuffer.allocate((int) Math.min(CHUNK, end - position));
                    while (chunk.hasRemaining()) {
                        int read = channel.read(chunk, position + chunk.position());
                        if (read < 0) {
                            throw new IOException(file + " became shorter while it was sent");
                        }
                    }
                    chunk.flip();
                    pace(position - offset + chunk.remaining());
                    position += chunk.remaining();
                    demand.decrementAndGet();
                    sent.accept(chunk.remaining());
                    subscriber.onNext(chunk);
                }
            } catch (IOException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                fail(e);
            } finally {
                draining.set(false);
            }
            if (!done && demand.get() > 0) {
                drain(); // demand that arrived while this thread was leaving
            }
        }

        private void pace(long bytesSoFar) throws InterruptedException {
            if (bytesPerSecond <= 0) {
                return;
            }
            long dueNanos = bytesSoFar * 1_000_000_000L / bytesPerSecond;
            long aheadNanos = dueNanos - (System.nanoTime() - startNanos);
            if (aheadNanos > 0) {
                Thread.sleep(aheadNanos / 1_000_000, (int) (aheadNanos % 1_000_000));
            }
        }

        private void finish() {
            done = true;
            close();
            subscriber.onComplete();
        }

        private void fail(Throwable e) {
            if (!done) {
                done = true;
                close();
                subscriber.onError(e);
            }
        }

        @Override
        public void cancel() {
            done = true;
            close();
        }

        private void close() {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // read-only: nothing to lose
                }
            }
        }
    }
}
