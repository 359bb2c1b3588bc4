package io.wsbed.harness.nginx;

import io.wsbed.harness.HarnessException;
import io.wsbed.harness.process.Executables;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate for 127.0.0.1 (subjectAltName IP:127.0.0.1, P-256 key, valid one day)
 * that nginx serves on the wss path and clients trust through {@code --ca-file}. Made by openssl
 * at run time in a folder of the run's; nothing of it is committed, so nothing in the repository
 * expires.
 *
 * @param certificate the PEM certificate: nginx's ssl_certificate and the clients' --ca-file
 * @param key the PEM private key (nginx's ssl_certificate_key)
 * @param spkiSha256 base64 SHA-256 of the certificate's public key (SubjectPublicKeyInfo), the
 *     form Chromium's --ignore-certificate-errors-spki-list takes
 */
public record TlsCertificate(Path certificate, Path key, String spkiSha256) {
    /** The skip reason of wss cells on a machine without openssl. */
    public static final String OPENSSL_MISSING = "wss needs openssl to make its certificate at run time;"
            + " install with: apt-get install -y openssl";
    private static final Duration BOUND = Duration.ofSeconds(30);

    /** Empty when openssl is on the PATH, else {@link #OPENSSL_MISSING}. */
    public static Optional<String> opensslMissing() {
        return Executables.find("openssl").isPresent() ? Optional.empty() : Optional.of(OPENSSL_MISSING);
    }

    /** Makes a new key and certificate in {@code folder} (created when missing) with openssl. */
    public static TlsCertificate make(Path folder) {
        Path openssl = Executables.find("openssl").orElseThrow(() -> new HarnessException(OPENSSL_MISSING));
        Path cert = folder.resolve("wss-cert.pem");
        Path key = folder.resolve("wss-key.pem");
        List<String> command = List.of(openssl.toString(), "req", "-x509", "-newkey", "ec",
                "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", key.toString(), "-out", cert.toString());
        try {
            Files.createDirectories(folder);
            Path log = folder.resolve("openssl.log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new HarnessException("openssl did not make the wss certificate within " + BOUND.toSeconds() + " s");
            }
            if (p.exitValue() != 0 || !Files.isRegularFile(cert) || !Files.isRegularFile(key)) {
                throw new HarnessException("openssl could not make the wss certificate (exit " + p.exitValue() + "): "
                        + Files.readString(log, StandardCharsets.UTF_8).strip());
            }
            return new TlsCertificate(cert, key, spkiSha256(cert));
        } catch (IOException e) {
            throw new HarnessException("cannot make the wss certificate in " + folder + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HarnessException("interrupted while making the wss certificate", e);
        }
    }

    /** Base64 SHA-256 of the PEM certificate's SubjectPublicKeyInfo. */
    static String spkiSha256(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            X509Certificate c = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(c.getPublicKey().getEncoded());
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IOException("openssl wrote a certificate Java cannot read: " + e.getMessage(), e);
        }
    }
}
