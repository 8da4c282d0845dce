package dev.castline.functions.upload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * One bucket in memory, with the four calls the processor makes (HEAD, ranged GET, PUT, DELETE),
 * recording each PUT's request; any other call fails as unsupported. For handler tests that need
 * objects to exist; the real S3 API is exercised in local/'s end-to-end tests.
 */
final class MemoryS3 implements S3Client {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d+)");

    private final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    private final List<PutObjectRequest> puts = new ArrayList<>();
    private Consumer<PutObjectRequest> beforePut = put -> { };

    void store(String key, byte[] content) {
        objects.put(key, content);
    }

    /** Runs before each PUT: to look at the world then, or to fail it by throwing. */
    void beforePut(Consumer<PutObjectRequest> check) {
        this.beforePut = check;
    }

    List<PutObjectRequest> puts() {
        return puts;
    }

    byte[] object(String key) {
        return objects.get(key);
    }

    @Override
    public HeadObjectResponse headObject(HeadObjectRequest request) {
        byte[] content = existing(request.key());
        return HeadObjectResponse.builder().contentLength((long) content.length).eTag("\"" + Arrays.hashCode(content) + "\"").build();
    }

    @Override
    public <T> T getObject(GetObjectRequest request, ResponseTransformer<GetObjectResponse, T> transformer) {
        byte[] content = existing(request.key());
        if (request.range() != null) {
            Matcher m = RANGE.matcher(request.range());
            if (!m.matches()) {
                throw new IllegalArgumentException("range " + request.range());
            }
            content = Arrays.copyOfRange(content, Integer.parseInt(m.group(1)), Math.min(content.length, Integer.parseInt(m.group(2)) + 1));
        }
        try {
            return transformer.transform(GetObjectResponse.builder().contentLength((long) content.length).build(),
                    AbortableInputStream.create(new ByteArrayInputStream(content)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public ResponseInputStream<GetObjectResponse> getObject(GetObjectRequest request) {
        return getObject(request, ResponseTransformer.toInputStream());
    }

    @Override
    public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
        beforePut.accept(request);
        try (InputStream in = body.contentStreamProvider().newStream()) {
            objects.put(request.key(), in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        puts.add(request);
        return PutObjectResponse.builder().build();
    }

    @Override
    public DeleteObjectResponse deleteObject(DeleteObjectRequest request) {
        objects.remove(request.key());
        return DeleteObjectResponse.builder().build();
    }

    private byte[] existing(String key) {
        byte[] content = objects.get(key);
        if (content == null) {
            throw NoSuchKeyException.builder().statusCode(404).message("no " + key).build();
        }
        return content;
    }

    @Override
    public String serviceName() {
        return "s3";
    }

    @Override
    public void close() {
    }
}
