package dev.castline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code JAVA_TOOL_OPTIONS} template.yaml gives every function, so the benchmarks start each
 * function's JVM as Lambda will. One scalar from one known place: a line scan is enough, and
 * {@code TemplateTest} checks that the value starts a JVM.
 */
final class SamOptions {
    private SamOptions() {
    }

    static String javaToolOptions(Path template) throws IOException {
        for (String line : Files.readAllLines(template)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("JAVA_TOOL_OPTIONS:")) {
                return trimmed.substring("JAVA_TOOL_OPTIONS:".length()).strip().replaceAll("^\"|\"$", "");
            }
        }
        return "";
    }
}
