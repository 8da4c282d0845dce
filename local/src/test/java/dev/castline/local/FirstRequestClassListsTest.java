package dev.castline.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each read function ships the list of classes its first request loads, for the preloader. After a
 * dependency upgrade that renames or drops classes the list goes stale quietly (the preloader skips
 * what it cannot find, so nothing breaks but the cold start); this fails instead, so the lists get
 * recorded again with {@code bench/.../PreloadLists.java}. JDK classes are left out: they differ
 * between JDK builds by nature.
 */
class FirstRequestClassListsTest {
    private static final String CLASS_LIST = "META-INF/castline/first-request.classes";

    @Test
    void everyReadFunctionHasAListAndEveryClassOnItExists() throws IOException {
        ClassLoader loader = getClass().getClassLoader();
        List<URL> lists = Collections.list(loader.getResources(CLASS_LIST));
        assertThat(lists).as("one list per read function: list-episodes, get-episode, feed, site").hasSize(4);
        for (URL list : lists) {
            List<String> names = names(list);
            assertThat(names).as(list + " names our handler, the SDK client and the JSON parser")
                    .anyMatch(n -> n.startsWith("dev.castline.functions."))
                    .contains("software.amazon.awssdk.services.dynamodb.DefaultDynamoDbClient",
                            "com.fasterxml.jackson.core.JsonFactory");
            List<String> missing = new ArrayList<>();
            for (String name : names) {
                if (!isJdk(name) && !exists(name, loader)) {
                    missing.add(name);
                }
            }
            assertThat(missing).as("classes on " + list + " that no longer exist: record the list again").isEmpty();
        }
    }

    private static List<String> names(URL list) throws IOException {
        try (InputStream in = list.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .toList();
        }
    }

    private static boolean isJdk(String name) {
        return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.")
                || name.startsWith("sun.") || name.startsWith("com.sun.");
    }

    private static boolean exists(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
