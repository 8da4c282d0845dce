package dev.castline.cli;

import picocli.CommandLine.Option;

/** How audio is sent, for push and upload. */
final class UploadOptions {
    @Option(names = "--multipart-threshold", paramLabel = "SIZE", defaultValue = "64MiB",
            description = "Files larger than this go as a multipart upload (default: ${DEFAULT-VALUE}).")
    String threshold;

    @Option(names = "--part-size", paramLabel = "SIZE", defaultValue = "16MiB",
            description = "Size of each part of a multipart upload, at least 5MiB (default: ${DEFAULT-VALUE}).")
    String partSize;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4", description = "Parts sent at once (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--limit-rate", paramLabel = "SIZE", description = "Send at most this many bytes a second, e.g. 2MiB.")
    String limitRate;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "600",
            description = "How long to wait for the audio to be processed (default: ${DEFAULT-VALUE}).")
    long waitSeconds;

    Uploader.Options options() {
        long part = Common.bytes(partSize, "--part-size");
        if (part < Uploader.MIN_PART) {
            throw Exit.usage("--part-size must be at least 5MiB");
        }
        if (parallel < 1 || parallel > 32) {
            throw Exit.usage("--parallel must be from 1 to 32");
        }
        return new Uploader.Options(Common.bytes(threshold, "--multipart-threshold"), part, parallel,
                limitRate == null ? 0 : Common.bytes(limitRate, "--limit-rate"));
    }
}
