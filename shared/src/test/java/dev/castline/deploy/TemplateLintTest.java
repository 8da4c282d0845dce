package dev.castline.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.castline.testing.ApiFixture;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** cfn-lint (with its SAM translator) must find nothing wrong with template.yaml. */
class TemplateLintTest {
    @Test
    void cfnLintFindsNoErrors() throws IOException, InterruptedException {
        assumeTrue(onPath("cfn-lint"), "cfn-lint is not installed; .ci/run requires it");
        Process lint = new ProcessBuilder("cfn-lint", "--", "template.yaml")
                .directory(ApiFixture.root().toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(lint.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(lint.exitValue()).as("cfn-lint output:%n%s", output).isZero();
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
