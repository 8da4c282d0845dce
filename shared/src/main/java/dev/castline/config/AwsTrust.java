package dev.castline.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import software.amazon.awssdk.http.TlsTrustManagersProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The certificate authorities our AWS clients trust: Amazon Trust Services' four roots and the
 * Starfield Services root that cross-signs them, which is the set AWS publishes for its service
 * endpoints (amazontrust.com/repository). Our functions talk TLS to nothing but AWS endpoints.
 *
 * <p>Why not the JDK's store: the HTTP client builds its TLS context when the function starts,
 * and parsing the JDK's ~150 roots costs every cold start tens of milliseconds of CPU, all for
 * authorities that can never sign an AWS endpoint. Trusting five instead of 150 is also the narrower choice.
 * If AWS ever moved its endpoints to another authority, this set would have to follow (the
 * bundled roots are valid until 2037–2040; {@code AwsTrustTest} pins them and their expiry).
 *
 * <p>It covers AWS's standard partition. For anything else reached over TLS (the China regions,
 * an S3-compatible store behind {@code S3_ENDPOINT}), {@value #USE_JDK_PROPERTY}{@code =jdk}, in
 * the functions' {@code JAVA_TOOL_OPTIONS}, brings back the JDK's whole store.
 */
public final class AwsTrust {
    static final String ROOTS = "aws-trust-roots.pem";
    static final String USE_JDK_PROPERTY = "castline.tls.trust";

    private AwsTrust() {
    }

    /** The HTTP client trusts AWS's roots, or the JDK's store when told to (see above). */
    public static UrlConnectionHttpClient.Builder applyTo(UrlConnectionHttpClient.Builder http) {
        return "jdk".equals(System.getProperty(USE_JDK_PROPERTY)) ? http : http.tlsTrustManagersProvider(roots());
    }

    static TlsTrustManagersProvider roots() {
        return () -> Parsed.MANAGERS.clone();
    }

    /** Parsed once per container, when the first client is built: the host's functions build two. */
    private static final class Parsed {
        static final TrustManager[] MANAGERS = trustManagers();
    }

    private static TrustManager[] trustManagers() {
        try (InputStream pem = AwsTrust.class.getResourceAsStream(ROOTS)) {
            if (pem == null) {
                throw new IllegalStateException(ROOTS + " is missing from the artifact");
            }
            Collection<? extends Certificate> roots = CertificateFactory.getInstance("X.509").generateCertificates(pem);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate root : roots) {
                store.setCertificateEntry("aws-root-" + n++, root);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory.getTrustManagers();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the bundled AWS trust roots cannot be read", e);
        }
    }
}
