package io.wsbed.stack.api;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --ca-file's trust: exactly the certificates in the file, made here by openssl (skipped without it). */
class ClientTlsTest {

    private static X509Certificate selfSigned(Path dir, String name) throws Exception {
        assumeTrue(openssl() != null, "needs openssl: apt-get install -y openssl");
        Path cert = dir.resolve(name + ".pem");
        Process p = new ProcessBuilder(List.of(openssl(), "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1", "-addext",
                "subjectAltName=IP:127.0.0.1", "-keyout", dir.resolve(name + "-key.pem").toString(), "-out", cert.toString()))
                .redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile()).start();
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new AssertionError("openssl failed: " + Files.readString(dir.resolve(name + ".log")));
        }
        try (InputStream in = Files.newInputStream(cert)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static String openssl() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, "openssl"))) {
                return Path.of(dir, "openssl").toString();
            }
        }
        return null;
    }

    private static ClientOptions wss(Path caFile) {
        return new ClientOptions(URI.create("wss://127.0.0.1:8443/ws"), 0, 0, 0, ClientOptions.Reconnect.NONE, -1, 3000,
                1, 1, List.of(), caFile, ClientOptions.DEFAULT_POLL_MS);
    }

    @Test
    void trustsTheCaFilesCertificateAndNoOther(@TempDir Path dir) throws Exception {
        X509Certificate ours = selfSigned(dir, "ours");
        X509Certificate theirs = selfSigned(dir, "theirs");
        ClientOptions o = wss(dir.resolve("ours.pem"));

        ClientTls.trustManager(o).checkServerTrusted(new X509Certificate[] {ours}, "ECDHE_ECDSA");
        assertThrows(CertificateException.class,
                () -> ClientTls.trustManager(o).checkServerTrusted(new X509Certificate[] {theirs}, "ECDHE_ECDSA"));

        SSLContext before = SSLContext.getDefault();
        try {
            ClientTls.install(o);
            assertSame(ClientTls.context(o), SSLContext.getDefault(), "a library taking the JVM default gets it too");
        } finally {
            SSLContext.setDefault(before);
        }
    }
}
