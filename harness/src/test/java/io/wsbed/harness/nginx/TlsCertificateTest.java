package io.wsbed.harness.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wss certificate, made by a real openssl run (skipped, with the apt line, where there is none). */
class TlsCertificateTest {

    @Test
    void makesAShortLivedCertificateFor127001WithItsKeyAndSpkiHash(@TempDir Path dir) throws Exception {
        assumeTrue(TlsCertificate.opensslMissing().isEmpty(), TlsCertificate.OPENSSL_MISSING);

        TlsCertificate made = TlsCertificate.make(dir.resolve("run"));

        assertTrue(Files.readString(made.key()).contains("PRIVATE KEY"), "a PEM key");
        X509Certificate cert;
        try (InputStream in = Files.newInputStream(made.certificate())) {
            cert = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        cert.checkValidity(new Date());
        assertTrue(cert.getNotAfter().getTime() - cert.getNotBefore().getTime() <= 2L * 24 * 3600 * 1000,
                "valid about a day, so nothing made here lives on: " + cert.getNotAfter());
        assertTrue(cert.getSubjectAlternativeNames().stream().anyMatch(n -> n.equals(List.of(7, "127.0.0.1"))),
                "an IP subjectAltName for 127.0.0.1: " + cert.getSubjectAlternativeNames());
        assertEquals("EC", cert.getPublicKey().getAlgorithm());
        String expected = Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(cert.getPublicKey().getEncoded()));
        assertEquals(expected, made.spkiSha256());
    }

    @Test
    void twoRunsGetTwoKeys(@TempDir Path dir) {
        assumeTrue(TlsCertificate.opensslMissing().isEmpty(), TlsCertificate.OPENSSL_MISSING);

        assertTrue(!TlsCertificate.make(dir.resolve("a")).spkiSha256().equals(TlsCertificate.make(dir.resolve("b")).spkiSha256()));
    }
}
