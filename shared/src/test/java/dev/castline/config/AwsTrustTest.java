package dev.castline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Proxy;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

class AwsTrustTest {
    /** SHA-256 fingerprints as published at amazontrust.com/repository. */
    private static final List<String> PUBLISHED = List.of(
            "8ecde6884f3d87b1125ba31ac3fcb13d7016de7f57cc904fe1cb97c6ae98196e", // Amazon Root CA 1
            "1ba5b2aa8c65401a82960118f80bec4f62304d83cec4713a19c39c011ea46db4", // Amazon Root CA 2
            "18ce6cfe7bf14e60b2e347b8dfe868cb31d02ebb3ada271569f50343b46db3a4", // Amazon Root CA 3
            "e35d28419ed02025cfa69038cd623962458da5c695fbdea3c22b0bfb25897092", // Amazon Root CA 4
            "568d6905a2c88708a4b3025190edcfedb1974a606a13c6e5290fcb2ae63edab5"); // Starfield Services Root CA - G2

    private final X509TrustManager trust = (X509TrustManager) AwsTrust.roots().trustManagers()[0];

    @Test
    void trustsExactlyTheRootsAwsPublishes() throws Exception {
        List<String> fingerprints = Arrays.stream(trust.getAcceptedIssuers()).map(AwsTrustTest::sha256).sorted().toList();
        assertThat(fingerprints).isEqualTo(PUBLISHED.stream().sorted().toList());
    }

    @Test
    void everyRootStaysValidForYearsToCome() {
        Instant threeYears = ZonedDateTime.now().plusYears(3).toInstant();
        for (X509Certificate root : trust.getAcceptedIssuers()) {
            assertThat(root.getBasicConstraints()).as(root.getSubjectX500Principal() + " is a CA").isGreaterThanOrEqualTo(0);
            assertThat(root.getNotAfter().toInstant()).as(root.getSubjectX500Principal() + " expires: update aws-trust-roots.pem")
                    .isAfter(threeYears);
        }
    }

    @Test
    void clientsGetTheAwsRootsUnlessToldToUseTheJdkStore() {
        List<String> calls = new ArrayList<>();
        UrlConnectionHttpClient.Builder recorder = (UrlConnectionHttpClient.Builder) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {UrlConnectionHttpClient.Builder.class}, (proxy, method, args) -> {
                    calls.add(method.getName());
                    return proxy;
                });
        AwsTrust.applyTo(recorder);
        assertThat(calls).containsExactly("tlsTrustManagersProvider");

        calls.clear();
        System.setProperty(AwsTrust.USE_JDK_PROPERTY, "jdk");
        try {
            AwsTrust.applyTo(recorder);
        } finally {
            System.clearProperty(AwsTrust.USE_JDK_PROPERTY);
        }
        assertThat(calls).as("the JDK's own store: nothing set").isEmpty();
    }

    @Test
    void refusesAServerCertifiedByAnyOtherAuthority() throws Exception {
        X509Certificate other = jdkRootsExceptAws().get(0);
        assertThatThrownBy(() -> trust.checkServerTrusted(new X509Certificate[] {other}, "RSA"))
                .isInstanceOf(CertificateException.class);
    }

    private List<X509Certificate> jdkRootsExceptAws() throws Exception {
        TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        jdk.init((KeyStore) null);
        X509Certificate[] all = ((X509TrustManager) jdk.getTrustManagers()[0]).getAcceptedIssuers();
        return Arrays.stream(all).filter(c -> !PUBLISHED.contains(sha256(c))).toList();
    }

    private static String sha256(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
