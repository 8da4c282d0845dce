package dev.castline.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Reads run side by side: each waits on the network, so each gets a virtual thread, and its
 * failure is thrown to the caller as if the read had run on the caller's thread.
 */
public final class SideBySide {
    private static final Executor READS = Executors.newVirtualThreadPerTaskExecutor();

    private SideBySide() {
    }

    /** Starts {@code read} on its own virtual thread. */
    public static <T> CompletableFuture<T> start(Supplier<T> read) {
        return CompletableFuture.supplyAsync(read, READS);
    }

    /** The read's result, or the exception it threw, as if it had run on this thread. */
    public static <T> T join(CompletableFuture<T> read) {
        try {
            return read.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
