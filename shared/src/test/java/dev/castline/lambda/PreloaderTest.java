package dev.castline.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreloaderTest {
    /** Set by {@link InitialisedOnFirstUse}'s static initialiser: reading it does not initialise that class. */
    private static final AtomicBoolean INITIALISED = new AtomicBoolean();

    static final class InitialisedOnFirstUse {
        static {
            INITIALISED.set(true);
        }

        static void touch() {
        }
    }

    @Test
    void loadsTheListedClassesWithoutRunningTheirStaticInitialisersAndSkipsWhatIsMissing(@TempDir Path dir) throws IOException {
        ClassLoader loader = loaderWithList(dir, List.of(
                "# a comment line",
                InitialisedOnFirstUse.class.getName(),
                "",
                "dev.castline.NoSuchClassAfterAnUpgrade",
                "java.time.format.DateTimeFormatter"));

        int loaded = Preloader.loadClasses(loader);

        assertThat(loaded).as("the two classes that exist").isEqualTo(2);
        assertThat(INITIALISED.get()).as("a static initialiser run off the main thread").isFalse();
        InitialisedOnFirstUse.touch();
        assertThat(INITIALISED.get()).as("the class itself works as before").isTrue();
    }

    @Test
    void anArtifactWithoutAListPreloadsNothing(@TempDir Path dir) throws IOException {
        try (URLClassLoader empty = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            assertThat(Preloader.loadClasses(empty)).isZero();
        }
    }

    private static ClassLoader loaderWithList(Path dir, List<String> lines) throws IOException {
        Path list = dir.resolve(Preloader.CLASS_LIST);
        Files.createDirectories(list.getParent());
        Files.write(list, lines);
        return new URLClassLoader(new URL[] {dir.toUri().toURL()}, PreloaderTest.class.getClassLoader());
    }
}
