package dev.castline.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The README's AWS CLI commands work against the local stack (when the CLI is installed). */
@ExtendWith(CastlineLocalExtension.class)
class AwsCliTest {
    @Test
    void theAwsCliListsTheLocalTableAndBucket(CastlineLocal stack) throws Exception {
        assumeTrue(onPath("aws"), "the AWS CLI is not installed");
        assertThat(aws("--endpoint-url", stack.dynamoEndpoint().toString(), "dynamodb", "list-tables")).contains(CastlineLocal.TABLE);
        assertThat(aws("--endpoint-url", stack.s3Endpoint().toString(), "s3", "ls")).contains(CastlineLocal.AUDIO_BUCKET);
    }

    private static String aws(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("aws"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AWS_ACCESS_KEY_ID", CastlineLocal.ACCESS_KEY);
        builder.environment().put("AWS_SECRET_ACCESS_KEY", CastlineLocal.SECRET_KEY);
        builder.environment().put("AWS_DEFAULT_REGION", CastlineLocal.REGION);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static boolean onPath(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }
}
