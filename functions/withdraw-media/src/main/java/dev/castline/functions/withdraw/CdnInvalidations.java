package dev.castline.functions.withdraw;

import dev.castline.feed.XmlOut;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Asks CloudFront to forget paths of one distribution: the CreateInvalidation call of its REST API
 * (POST /2020-05-31/distribution/{id}/invalidation), signed with the SDK's SigV4 signer.
 *
 * <p>Written by hand because the CloudFront module of the AWS SDK is not published at the SDK
 * version every other function is built with, and mixing SDK versions in one function breaks at
 * run time; one signed POST is also all this function needs, without a second service model to
 * load at cold start. The request and answer are CloudFront's documented XML.
 */
final class CdnInvalidations {
    /** CloudFront's one global endpoint, signed for us-east-1. */
    static final URI ENDPOINT = URI.create("https://cloudfront.amazonaws.com");
    private static final String API_VERSION = "2020-05-31";
    private static final int MAX_ERROR_BYTES = 4096;

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final URI endpoint;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    CdnInvalidations(SdkHttpClient http, AwsCredentialsProvider credentials, URI endpoint) {
        this.http = http;
        this.credentials = credentials;
        this.endpoint = endpoint;
    }

    /**
     * Invalidates {@code paths} (each starting with '/', at most 3,000). The caller reference makes
     * a retried call the same invalidation, not a second one.
     *
     * @throws IOException when CloudFront cannot be reached or refuses: the caller lets Lambda retry
     */
    void invalidate(String distributionId, List<String> paths, String callerReference) throws IOException {
        byte[] body = batch(paths, callerReference);
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .uri(endpoint.resolve("/" + API_VERSION + "/distribution/" + distributionId + "/invalidation"))
                .putHeader("Content-Type", "text/xml")
                .build();
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials())
                .request(request)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "cloudfront")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1"));
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                .request(signed.request())
                .contentStreamProvider(signed.payload().orElse(null))
                .build()).call();
        int status = response.httpResponse().statusCode();
        String answer = response.responseBody().map(CdnInvalidations::head).orElse("");
        if (status != 201) {
            throw new IOException("CloudFront answered " + status + " to an invalidation of " + paths.size() + " paths: " + answer);
        }
    }

    /** The InvalidationBatch document. */
    static byte[] batch(List<String> paths, String callerReference) {
        XmlOut xml = new XmlOut(256 + paths.size() * 96);
        xml.declaration().start("InvalidationBatch").attribute("xmlns", "http://cloudfront.amazonaws.com/doc/" + API_VERSION + "/").endStart()
                .open("Paths").element("Quantity", String.valueOf(paths.size())).open("Items");
        for (String path : paths) {
            xml.element("Path", path);
        }
        return xml.close("Items").close("Paths").element("CallerReference", callerReference).close("InvalidationBatch").toBytes();
    }

    private static String head(InputStream in) {
        try (in) {
            return new String(in.readNBytes(MAX_ERROR_BYTES), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }
}
