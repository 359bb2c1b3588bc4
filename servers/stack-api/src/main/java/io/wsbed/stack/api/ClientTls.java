package io.wsbed.stack.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The TLS trust of a Java client given {@code --ca-file}: an {@link SSLContext} whose only trust
 * anchors are the certificates in that PEM file, with the JDK's usual checks (chain, validity,
 * host name against the certificate's subjectAltName). {@link ClientRuntime} installs it as the
 * JVM's default before the engine starts, so a library that takes the default uses it; an engine
 * whose library keeps its own TLS configuration passes {@link #context} or {@link #trustManager}
 * to it, so no library is left to trust something else.
 */
public final class ClientTls {
    private static Path loaded;
    private static X509TrustManager trustManager;
    private static SSLContext context;

    private ClientTls() {
    }

    /** The context trusting the options' --ca-file, or the JDK's default context when none is given. */
    public static SSLContext context(ClientOptions options) {
        if (options.caFile() == null) {
            try {
                return SSLContext.getDefault();
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK has no default TLS context: " + e.getMessage(), e);
            }
        }
        load(options.caFile());
        return context;
    }

    /** The trust manager of {@link #context}; null when no --ca-file is given (the library's default applies). */
    public static X509TrustManager trustManager(ClientOptions options) {
        if (options.caFile() == null) {
            return null;
        }
        load(options.caFile());
        return trustManager;
    }

    /** Makes the --ca-file context the JVM's default (nothing when none is given). */
    static void install(ClientOptions options) {
        if (options.caFile() != null) {
            SSLContext.setDefault(context(options));
        }
    }

    private static synchronized void load(Path pem) {
        if (pem.equals(loaded)) {
            return;
        }
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certs.isEmpty()) {
                throw new IllegalArgumentException("--ca-file " + pem + " holds no certificate");
            }
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            int n = 0;
            for (Certificate c : certs) {
                anchors.setCertificateEntry("ca-" + ++n, c);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(anchors);
            X509TrustManager tm = null;
            for (TrustManager m : tmf.getTrustManagers()) {
                if (m instanceof X509TrustManager x) {
                    tm = x;
                }
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {tm}, null);
            trustManager = tm;
            context = ctx;
            loaded = pem;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read --ca-file " + pem + ": " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("--ca-file " + pem + " is not a PEM certificate: " + e.getMessage(), e);
        }
    }
}
