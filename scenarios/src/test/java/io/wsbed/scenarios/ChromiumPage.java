package io.wsbed.scenarios;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A report page open in Debian's headless Chromium, driven through Debian's chromedriver: the
 * browser and driver paths are explicit (Selenium Manager never runs), the profile is a fresh
 * temporary folder, background networking is off and every proxied request would go to a closed
 * loopback port, so the page gets no network. Closing quits the browser, stops the driver and
 * deletes the profile.
 */
final class ChromiumPage implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("wsbed.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("wsbed.chromedriver", "/usr/bin/chromedriver"));
    private static final Duration WAIT = Duration.ofSeconds(20);
    /**
     * Selenium warns that it has no DevTools (CDP) binding for this Chromium version; the check
     * uses only WebDriver, so the warning is noise. Held in a field: java.util.logging keeps loggers
     * weakly, and a collected logger would forget its level.
     */
    private static final List<Logger> QUIET = quiet("org.openqa.selenium.devtools.CdpVersionFinder",
            "org.openqa.selenium.chromium.ChromiumDriver");

    private final ChromeDriverService service;
    private final ChromeDriver driver;
    private final Path profile;
    private final Path html;
    private boolean closed;

    private ChromiumPage(ChromeDriverService service, ChromeDriver driver, Path profile, Path html) {
        this.service = service;
        this.driver = driver;
        this.profile = profile;
        this.html = html;
    }

    private static List<Logger> quiet(String... names) {
        List<Logger> loggers = new ArrayList<>();
        for (String name : names) {
            Logger l = Logger.getLogger(name);
            l.setLevel(Level.SEVERE);
            loggers.add(l);
        }
        return loggers;
    }

    /** Why the browser cannot run here, naming the packages that fix it; empty when it can. */
    static Optional<String> missing() {
        List<String> absent = new ArrayList<>();
        if (!Files.isExecutable(CHROMIUM)) {
            absent.add(CHROMIUM + " (Debian package chromium)");
        }
        if (!Files.isExecutable(CHROMEDRIVER)) {
            absent.add(CHROMEDRIVER + " (Debian package chromium-driver)");
        }
        return absent.isEmpty() ? Optional.empty() : Optional.of("headless Chromium is not installed: missing "
                + String.join(" and ", absent) + "; install with: apt-get install -y chromium chromium-driver");
    }

    /** Opens a file in the browser and waits until the page says it has drawn itself. */
    static ChromiumPage open(Path html, Path driverLog) {
        Path profile;
        try {
            profile = Files.createTempDirectory("wsbed-chromium-");
            Files.createDirectories(driverLog.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Chromium profile folder", e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().withLogFile(driverLog.toFile()).build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--proxy-server=http://127.0.0.1:9", "--window-size=1440,1100",
                "--user-data-dir=" + profile);
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options);
        } catch (RuntimeException e) {
            service.stop();
            deleteTree(profile);
            throw new IllegalStateException("Chromium did not start (driver log: " + driverLog + "): " + e.getMessage(), e);
        }
        ChromiumPage page = new ChromiumPage(service, driver, profile, html);
        try {
            driver.manage().timeouts().pageLoadTimeout(WAIT).scriptTimeout(WAIT);
            page.go("");
            return page;
        } catch (RuntimeException e) {
            page.close();
            throw e;
        }
    }

    /** Loads the file again with a query string ("?compare=a,b", or "" for none) and waits until it has drawn itself. */
    void go(String query) {
        driver.get(html.toUri() + query);
        await("the page to draw itself (html[data-ready])",
                () -> !driver.findElements(By.cssSelector("html[data-ready='true']")).isEmpty());
    }

    ChromeDriver driver() {
        return driver;
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    void click(String css) {
        WebElement e = driver.findElement(By.cssSelector(css));
        script("arguments[0].scrollIntoView({block: 'center'});", e);
        e.click();
    }

    /** Polls until the condition holds; fails with what it waited for. */
    void await(String what, Supplier<Boolean> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + WAIT.toSeconds() + " s for " + what + " in " + driver.getCurrentUrl());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /** Saves what the browser window shows as a PNG. */
    void screenshot(Path png) {
        try {
            Files.write(png, driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the screenshot " + png, e);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp profile is harmless; the test result does not depend on it.
        }
    }
}
