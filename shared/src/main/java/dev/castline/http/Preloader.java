package dev.castline.http;

import dev.castline.config.AwsTrust;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.net.ssl.SSLContext;

/**
 * Cold-start work moved off the main thread: while it builds the AWS client, two background
 * threads do what it would otherwise do one after the other later.
 *
 * <ul>
 *   <li><b>The TLS stack.</b> The SDK's HTTP client builds its TLS context at construction,
 *   and the JDK initialises its whole TLS implementation the first time (see {@link #warmTls}).
 *   <li><b>The first request's classes.</b> Most of the rest is class loading (reading, parsing
 *   and verifying some 2,000 classes of the SDK, the JDK's HTTP stack, Jackson and ours), one at
 *   a time. The list is the function's own resource, {@value #CLASS_LIST}: the classes a recorded
 *   first request loaded, in order (written by {@code bench/.../PreloadLists.java}). They are
 *   loaded but <em>not initialised</em>: no static initialiser runs on this thread, so it cannot
 *   deadlock with the main thread or change what the function does. A class the artifact lacks
 *   (after a dependency upgrade) is skipped: a stale list costs speed, never correctness.
 * </ul>
 *
 * Spring Boot's {@code BackgroundPreinitializer} plays a similar trick. It pays where the function has
 * more than one vCPU during init; with less it is the same work in another order. Off with
 * {@code -Dcastline.preload=false}, which the cold-start benchmark uses to show the difference
 * in the same run.
 */
final class Preloader {
    static final String CLASS_LIST = "META-INF/castline/first-request.classes";

    private Preloader() {
    }

    /** Starts both threads, if this is a deployed function (it has a class list); returns at once. */
    static void startInBackground() {
        if (!Boolean.parseBoolean(System.getProperty("castline.preload", "true"))) {
            return;
        }
        ClassLoader loader = Preloader.class.getClassLoader();
        if (loader.getResource(CLASS_LIST) == null) {
            return; // tests and tools: nothing to gain
        }
        daemon("castline-preload-tls", Preloader::warmTls);
        daemon("castline-preload-classes", () -> loadClasses(loader));
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true); // never keeps the JVM alive, never holds up a response
        thread.start();
    }

    /**
     * What the HTTP client's constructor does: a TLS context on {@link AwsTrust}'s roots. The
     * context is thrown away; what stays is the JDK's TLS stack, initialised (cipher suites,
     * curves, providers: some 30 ms), so the client's own call finds it ready. Only through the
     * public API, which the JDK makes safe to call from any thread.
     */
    static void warmTls() {
        try {
            SSLContext.getInstance("TLS").init(null, AwsTrust.roots().trustManagers(), null);
        } catch (GeneralSecurityException | RuntimeException unavailable) {
            // the HTTP client will meet the same problem and report it; this is only a head start
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
