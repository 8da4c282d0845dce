package dev.castline.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The help texts the README shows are what the tool prints: the README cannot drift from it. */
class ReadmeHelpTest {
    private static final Pattern BLOCK = Pattern.compile("#### `castline ((?:[a-z]+ )*)--help`\\n\\n```text\\n(.*?)```", Pattern.DOTALL);

    @Test
    void everyHelpInTheReadmeIsWhatTheToolPrints(@TempDir Path home) throws IOException {
        Path readme = Path.of(System.getProperty("castline.root", "..")).resolve("README.md");
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        Map<String, String> shown = new LinkedHashMap<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            shown.put(m.group(1).strip(), m.group(2));
        }
        assertThat(shown.keySet()).as("the README shows the root help and every command's")
                .contains("", "login", "push", "pull", "episodes", "show", "publish", "unpublish", "rm", "upload", "import", "import feed",
                        "import markdown", "open", "completion");
        for (var help : shown.entrySet()) {
            String[] args = (help.getKey().isEmpty() ? "--help" : help.getKey() + " --help").split(" ");
            String printed = Cli.offline(home).ok(args).out();
            assertThat(strip(printed)).as("castline %s --help", help.getKey()).isEqualTo(strip(help.getValue()));
        }
    }

    private static String strip(String text) {
        return text.replaceAll("[ \\t]+\\n", "\n").strip();
    }
}
