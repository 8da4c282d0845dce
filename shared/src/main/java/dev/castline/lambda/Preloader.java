package dev.castline.lambda;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Cold-start work moved off the main thread: while it builds the AWS client, a background thread
 * loads the classes the first request will need. Most of a Java function's cold start is class
 * loading (reading, parsing and verifying some 2,000 classes of the SDK, the JDK's HTTP stack,
 * Jackson and ours), one at a time, while a second vCPU, where there is one, sits idle.
 *
 * <p>The list is the function's own resource, {@value #CLASS_LIST}: the classes a recorded first
 * request loaded, in order (written by {@code bench/.../PreloadLists.java}). They are loaded but
 * <em>not initialised</em>: no static initialiser runs on this thread, so it cannot deadlock with
 * the main thread or change what the function does; it only moves loading earlier. A class the
 * artifact lacks (after a dependency upgrade) is skipped: a stale list costs speed, never
 * correctness.
 *
 * <p>It pays where the function has more than one vCPU during init, and where the class loader
 * lets two threads load at once; otherwise it is the same work in another order. Off with
 * {@code -Dcastline.preload=false}, which the cold-start benchmark uses to show the difference
 * in the same run.
 */
final class Preloader {
    static final String CLASS_LIST = "META-INF/castline/first-request.classes";

    private static volatile Thread running;

    private Preloader() {
    }

    /** Starts the thread, if this artifact has a class list; returns at once. */
    static void startInBackground() {
        if (!Boolean.parseBoolean(System.getProperty("castline.preload", "true"))) {
            return;
        }
        ClassLoader loader = Preloader.class.getClassLoader();
        if (loader.getResource(CLASS_LIST) == null) {
            return; // the shared module's own tests: no list
        }
        Thread thread = new Thread(() -> loadClasses(loader), "castline-preload");
        thread.setDaemon(true); // never keeps the JVM alive, never holds up a response
        running = thread;
        thread.start();
    }

    /**
     * Waits, at most {@code millis}, for the preloading to finish: SnapStart should snapshot a
     * function at rest, not halfway through a list it would resume after every restore.
     */
    static void awaitFinished(long millis) {
        Thread thread = running;
        if (thread == null) {
            return;
        }
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Loads, without initialising, every class on the list; returns how many were found. */
    static int loadClasses(ClassLoader loader) {
        int loaded = 0;
        try (InputStream in = loader.getResourceAsStream(CLASS_LIST)) {
            if (in == null) {
                return 0;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String name = lines.readLine(); name != null; name = lines.readLine()) {
                if (name.isEmpty() || name.startsWith("#")) {
                    continue;
                }
                try {
                    Class.forName(name, false, loader);
                    loaded++;
                } catch (ClassNotFoundException | LinkageError absent) {
                    // not in this artifact or this JDK: the main thread will not need it either
                }
            }
        } catch (IOException unreadable) {
            // preloading is a head start; the function works the same without it
        }
        return loaded;
    }
}
