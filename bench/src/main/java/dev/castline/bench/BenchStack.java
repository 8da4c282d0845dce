package dev.castline.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local stack every benchmark measures against: {@code castline-local.jar --in-memory} in a
 * process of its own (so its work never lands in the measured JVM), on free ports, with the sample
 * data, stopped when closed. Also knows the environment a function needs to reach it.
 */
final class BenchStack implements AutoCloseable {
    static final String ACCESS_KEY = "castlinelocal";
    static final String SECRET_KEY = "castlinelocalsecret";

    final int port;
    /** The slug of one public sample episode, as the stack prints it. */
    final String slug;
    /** The audio bucket on the stack's S3, as it prints it. */
    final String audioBucket;
    private final Process process;

    private BenchStack(int port, String slug, String audioBucket, Process process) {
        this.port = port;
        this.slug = slug;
        this.audioBucket = audioBucket;
        this.process = process;
    }

    static BenchStack start(Path root) throws IOException {
        int port = freePorts();
        Process process = new ProcessBuilder(java(), "-jar", root.resolve("local/target/castline-local.jar").toString(),
                "--in-memory", "--port", Integer.toString(port)).redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder startup = new StringBuilder();
        String slug = null;
        String audioBucket = null;
        Pattern bucket = Pattern.compile("^S3 +\\S+ +\\(bucket ([^,)]+)");
        Pattern episodeUrl = Pattern.compile("one episode +http://\\S+/episodes/(\\S+)");
        for (String line = out.readLine(); ; line = out.readLine()) {
            if (line == null) {
                process.destroy();
                throw new IllegalStateException("the local stack did not start:\n" + startup);
            }
            startup.append(line).append('\n');
            Matcher m = episodeUrl.matcher(line.strip());
            if (m.find()) {
                slug = m.group(1);
            }
            Matcher b = bucket.matcher(line.strip());
            if (b.find()) {
                audioBucket = b.group(1);
            }
            if (line.startsWith("Press Ctrl-C")) {
                break;
            }
        }
        Thread drain = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // the stack's log is not part of any measurement
                }
            } catch (IOException closed) {
                // the stack was stopped
            }
        });
        drain.setDaemon(true);
        drain.start();
        return new BenchStack(port, slug, audioBucket, process);
    }

    /** A port P with P+1 and P+2 free too: the stack takes three (API, DynamoDB Local, S3). */
    private static int freePorts() throws IOException {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            if (port + 2 <= 65_535 && free(port + 1) && free(port + 2)) {
                return port;
            }
        }
        throw new IOException("no three consecutive free ports found");
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket(port)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** What a deployed read function finds in its environment, pointed at this stack. */
    Map<String, String> functionEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        env.put("TABLE_NAME", "castline");
        env.put("MEDIA_BASE_URL", "http://127.0.0.1:" + port + "/media");
        env.put("CURSOR_SIGNING_KEY", "benchmark-cursor-signing-key-0123456789");
        env.put("DYNAMODB_ENDPOINT", "http://127.0.0.1:" + (port + 1));
        env.put("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:" + (port + 1)); // how SDK defaults find an endpoint
        return env;
    }

    /**
     * What the deployed admin function finds in its environment, pointed at this stack: the read
     * functions' variables, and those {@code AdminConfig.fromEnvironment} reads (the same at
     * b59e566): the SHA-256 of the admin token, the audio bucket and the S3 endpoint.
     *
     * @param adminToken the bearer token the measured requests carry
     */
    Map<String, String> adminEnvironment(String adminToken) {
        if (audioBucket == null) {
            throw new IllegalStateException("the local stack printed no audio bucket");
        }
        Map<String, String> env = functionEnvironment();
        try {
            env.put("ADMIN_TOKEN_SHA256", java.util.HexFormat.of().formatHex(
                    java.security.MessageDigest.getInstance("SHA-256").digest(adminToken.getBytes(StandardCharsets.UTF_8))));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
        env.put("AUDIO_BUCKET", audioBucket);
        env.put("S3_ENDPOINT", "http://127.0.0.1:" + (port + 2));
        return env;
    }

    /** The java launcher of the JVM running the benchmark, so every process runs the same JDK. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }
}
