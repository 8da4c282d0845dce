package dev.castline.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** Apple Podcasts' category taxonomy (apple-categories.txt beside this class): the only categories Apple accepts. */
public final class AppleCategories {
    private static final Set<String> ENTRIES = load();

    private AppleCategories() {
    }

    public static boolean isCategory(String category) {
        return category != null && !category.contains(">") && ENTRIES.contains(category);
    }

    public static boolean isSubcategory(String category, String subcategory) {
        return category != null && subcategory != null && ENTRIES.contains(category + " > " + subcategory);
    }

    private static Set<String> load() {
        Set<String> entries = new HashSet<>();
        try (InputStream in = AppleCategories.class.getResourceAsStream("apple-categories.txt")) {
            if (in == null) {
                throw new IllegalStateException("apple-categories.txt is missing from the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String entry = line.strip();
                if (!entry.isEmpty() && !entry.startsWith("#")) {
                    entries.add(entry);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(entries);
    }
}
