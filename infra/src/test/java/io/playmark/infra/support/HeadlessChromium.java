package io.playmark.infra.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.util.FileSystemUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Debian's Chromium, headless, driven by Selenium, able to reach nothing beyond loopback, with a fresh
 * profile for each test: a JUnit extension ({@code @RegisterExtension}). A test is skipped, and says why, where
 * Chromium or ChromeDriver is not installed (other paths: {@code -Dplaymark.test.chromium=...
 * -Dplaymark.test.chromedriver=...}).
 */
public final class HeadlessChromium implements BeforeEachCallback, AfterEachCallback {

    private static final Path CHROMIUM = Path.of(System.getProperty("playmark.test.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER =
            Path.of(System.getProperty("playmark.test.chromedriver", "/usr/bin/chromedriver"));

    private final String testName;
    private Path profile;
    private WebDriver browser;
    private WebDriverWait wait;

    /** @param testName how the skip message names the test */
    public HeadlessChromium(String testName) {
        this.testName = testName;
    }

    /** Starts a browser, or skips the test with the reason when none is installed. */
    @Override
    public void beforeEach(ExtensionContext context) {
        assumeTrue(Files.isExecutable(CHROMIUM), testName + " skipped: no Chromium at " + CHROMIUM
                + " (apt-get install chromium chromium-driver)");
        assumeTrue(Files.isExecutable(CHROMEDRIVER), testName + " skipped: no ChromeDriver at " + CHROMEDRIVER
                + " (apt-get install chromium chromium-driver)");
        try {
            profile = Files.createTempDirectory("playmark-chromium-");
            // the driver and the browser are given, so Selenium Manager never looks for (or downloads) either
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .build();
            ChromeOptions options = new ChromeOptions()
                    .setBinary(CHROMIUM.toFile())
                    .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync",
                            "--disable-dev-shm-usage", "--window-size=1400,900", "--user-data-dir=" + profile,
                            // nothing beyond loopback: every other host, name or address, goes to a closed proxy
                            // port, and no name but localhost resolves
                            "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=localhost;127.0.0.1",
                            "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1");
            browser = new ChromeDriver(service, options);
            wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver browser() {
        return browser;
    }

    public WebDriverWait await() {
        return wait;
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    /** The URL of every resource the page has loaded, from the browser's Resource Timing. */
    @SuppressWarnings("unchecked")
    public List<String> resourcesLoaded() {
        return (List<String>) script(
                "return performance.getEntriesByType('resource').map(function (entry) { return entry.name; });");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
        if (profile != null) {
            FileSystemUtils.deleteRecursively(profile.toFile());
            profile = null;
        }
    }
}
