package io.wsbed.harness.nginx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wsbed.harness.HarnessException;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NginxConfigRendererTest {
    private static final Pattern WORKER_SHUTDOWN_DIRECTIVE = Pattern.compile("(?m)^\\s*worker_shutdown_timeout\\s");
    private static final Pattern RETURN_403 = Pattern.compile("(?m)^\\s*if \\(\\$http_upgrade\\) \\{ return 403; }");

    @Test
    void fillsPortsAndTimeoutsIntoTheRepositoryTemplate() {
        NginxSettings settings = NginxSettings.NGINX_DEFAULTS
                .withReadTimeout(Duration.ofMillis(1500))
                .withSendTimeout(Duration.ofSeconds(7));

        String config = NginxTestSupport.renderer().render(settings, 18080, 18081);

        assertTrue(config.contains("listen 127.0.0.1:18080;"), config);
        assertTrue(config.contains("server 127.0.0.1:18081;"), config);
        assertTrue(config.contains("proxy_read_timeout 1500ms;"), config);
        assertTrue(config.contains("proxy_send_timeout 7000ms;"), config);
        assertFalse(config.contains("{{"), "no placeholder may be left:\n" + config);
    }

    @Test
    void writesWorkerShutdownTimeoutOnlyWhenSet() {
        NginxConfigRenderer renderer = NginxTestSupport.renderer();

        String without = renderer.render(NginxSettings.NGINX_DEFAULTS, 18080, 18081);
        String with = renderer.render(NginxSettings.NGINX_DEFAULTS.withWorkerShutdownTimeout(Duration.ofSeconds(3)), 18080, 18081);

        assertFalse(WORKER_SHUTDOWN_DIRECTIVE.matcher(without).find(), "directive must be absent:\n" + without);
        assertTrue(with.contains("\nworker_shutdown_timeout 3000ms;\n"), with);
    }

    @Test
    void rejectsATemplateWithAPlaceholderItDoesNotKnow() {
        NginxConfigRenderer renderer = new NginxConfigRenderer(
                "listen {{listen}};\nfoo {{ mystery_knob }};\n", "inline test template");

        HarnessException e = assertThrows(HarnessException.class,
                () -> renderer.render(NginxSettings.NGINX_DEFAULTS, 18080, 18081));

        assertTrue(e.getMessage().contains("[mystery_knob]"), e.getMessage());
        assertTrue(e.getMessage().contains("inline test template"), e.getMessage());
    }

    @Test
    void fillLeavesNoKnownPlaceholderBehind() {
        String out = new NginxConfigRenderer("a {{x}} b {{x}} c", "t").fill(Map.of("x", "$1\\"));

        assertEquals("a $1\\ b $1\\ c", out, "values are inserted literally, even with $ and \\");
    }

    @Test
    void refusesTimeoutsNginxCannotExpress() {
        assertThrows(IllegalArgumentException.class, () -> NginxSettings.NGINX_DEFAULTS.withReadTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> NginxSettings.NGINX_DEFAULTS.withReadTimeout(Duration.ofNanos(1_500_000)));
    }

    @Test
    void aMissingTemplateIsAConfigurationError() {
        HarnessException e = assertThrows(HarnessException.class, () -> NginxConfigRenderer.fromRepository(Path.of("/nonexistent")));

        assertTrue(e.getMessage().startsWith("Configuration error: cannot read the nginx template"), e.getMessage());
    }

    @Test
    void theUsualProxyPassesUpgradeAndConnectionOn() {
        String config = NginxTestSupport.renderer().render(NginxSettings.NGINX_DEFAULTS, 18080, 18081);

        assertTrue(config.contains("proxy_set_header Upgrade $http_upgrade;"), config);
        assertTrue(config.contains("proxy_set_header Connection $connection_upgrade;"), config);
        assertFalse(RETURN_403.matcher(config).find(), "the usual proxy refuses nothing:\n" + config);
    }

    @Test
    void theStrippingProxySendsNeitherUpgradeNorConnectionToTheUpstream() {
        String config = NginxTestSupport.renderer().render(
                NginxSettings.NGINX_DEFAULTS.withUpgrade(NginxSettings.Upgrade.STRIP), 18080, 18081);

        assertTrue(config.contains("proxy_set_header Upgrade \"\";"), config);
        assertTrue(config.contains("proxy_set_header Connection \"\";"), config);
        assertFalse(config.contains("$http_upgrade;"), "nothing may pass the client's Upgrade on:\n" + config);
        assertFalse(RETURN_403.matcher(config).find(), "stripping refuses nothing:\n" + config);
    }

    @Test
    void theForbiddingProxyAnswersAnUpgradeWith403AndProxiesTheRest() {
        String config = NginxTestSupport.renderer().render(
                NginxSettings.NGINX_DEFAULTS.withUpgrade(NginxSettings.Upgrade.FORBID), 18080, 18081);

        assertTrue(RETURN_403.matcher(config).find(), config);
        int refusal = config.indexOf("return 403");
        assertTrue(refusal < config.indexOf("proxy_pass http://wsbed_backend;"), "the refusal comes first:\n" + config);
        assertEquals(1, config.split("return 403", -1).length - 1, "one refusal only:\n" + config);
    }

    @ParameterizedTest
    @EnumSource(NginxSettings.Upgrade.class)
    void renderedConfigPassesNginxSyntaxCheck(NginxSettings.Upgrade upgrade, @TempDir Path prefix) throws Exception {
        assertNginxAccepts(prefix, NginxTestSupport.renderer().render(NginxTestSupport.FAST.withUpgrade(upgrade), 18080, 18081));
    }

    @Test
    void tlsTurnsTheListenerIntoSslWithTheCertificateAndLeavesTheUpstreamPlain() {
        TlsCertificate cert = new TlsCertificate(Path.of("/run/x/cert.pem"), Path.of("/run/x/key.pem"), "AAAA");
        NginxConfigRenderer renderer = NginxTestSupport.renderer();

        String plain = renderer.render(NginxSettings.NGINX_DEFAULTS, 18080, 18081);
        String tls = renderer.render(NginxSettings.NGINX_DEFAULTS.withTls(cert), 18080, 18081);

        assertTrue(plain.contains("listen 127.0.0.1:18080;"), plain);
        assertFalse(plain.contains("ssl_certificate"), plain);
        assertTrue(tls.contains("listen 127.0.0.1:18080 ssl;"), tls);
        assertTrue(tls.contains("ssl_certificate /run/x/cert.pem;"), tls);
        assertTrue(tls.contains("ssl_certificate_key /run/x/key.pem;"), tls);
        assertTrue(tls.contains("proxy_pass http://wsbed_backend;"), "upstream stays plain ws:\n" + tls);
        assertEquals(Optional.of(cert), NginxSettings.NGINX_DEFAULTS.withTls(cert).withReadTimeout(Duration.ofSeconds(1))
                .withoutWorkerShutdownTimeout().tls(), "every with* keeps the certificate (a reload keeps TLS)");
    }

    @Test
    void tlsConfigWithARealCertificatePassesNginxSyntaxCheck(@TempDir Path prefix) throws Exception {
        assumeTrue(TlsCertificate.opensslMissing().isEmpty(), TlsCertificate.OPENSSL_MISSING);
        TlsCertificate cert = TlsCertificate.make(prefix.resolve("tls"));
        assertNginxAccepts(prefix, NginxTestSupport.renderer().render(NginxTestSupport.FAST.withTls(cert), 18080, 18081));
    }

    private static void assertNginxAccepts(Path prefix, String config) throws Exception {
        NginxBinary nginx = NginxTestSupport.nginx();
        Files.createDirectories(prefix.resolve("logs"));
        Files.createDirectories(prefix.resolve("temp"));
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, config);
        Path out = prefix.resolve("t.out");

        Process p = new ProcessBuilder(List.of(nginx.path().toString(), "-t", "-q", "-p", prefix + "/", "-c",
                conf.toString(), "-e", prefix.resolve("logs/error.log").toString()))
                .redirectErrorStream(true).redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();

        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "nginx -t did not finish within 20 s");
        assertEquals(0, p.exitValue(), "nginx -t rejected the rendered config:\n" + Files.readString(out));
    }
}
