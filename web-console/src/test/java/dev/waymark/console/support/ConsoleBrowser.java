package dev.waymark.console.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through Debian's chromedriver (named explicitly, so Selenium Manager never looks for
 * or downloads one), at a tablet's width, with the waits and screenshots the console's browser tests use.
 */
public final class ConsoleBrowser implements AutoCloseable {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** An iPad's portrait width in CSS pixels, the narrowest screen the console promises to work on. */
    public static final int TABLET_WIDTH = 768;

    private final WebDriver driver;
    private final Path screenshots;

    private ConsoleBrowser(WebDriver driver, Path screenshots) {
        this.driver = driver;
        this.screenshots = screenshots;
    }

    /** Skips the calling test (class) when Chromium or its driver is not installed. */
    public static void assumeInstalled() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER + ": apt-get install chromium chromium-driver");
    }

    /** Starts a browser with a fresh profile in {@code profile}, saving screenshots into {@code screenshots}. */
    public static ConsoleBrowser start(Path profile, Path screenshots) throws IOException {
        Files.createDirectories(screenshots);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString())).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--window-size=" + TABLET_WIDTH + ",1024",
                "--user-data-dir=" + profile.toAbsolutePath());
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(TABLET_WIDTH, 1024));
        return new ConsoleBrowser(driver, screenshots);
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement byId(String id) {
        return driver.findElement(By.id(id));
    }

    /** Waits (up to 30 s) until the element is visible and returns it. */
    public WebElement visible(By locator) {
        return waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits (up to 30 s) until the element's text contains {@code text}. */
    public void textAppears(By locator, String text) {
        waitUpTo(Duration.ofSeconds(30)).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    /**
     * A wait that keeps polling through a navigation: the console's pages send a signed-out visitor to the sign-in
     * page by script, and a lookup that lands mid-navigation fails with a plain WebDriverException ("aborted by
     * navigation"). A real failure still ends the wait, at its timeout, with the last exception as the cause.
     */
    public WebDriverWait waitUpTo(Duration patience) {
        WebDriverWait wait = new WebDriverWait(driver, patience);
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    /** Saves the whole page (the window made as tall as the page, up to 4000 px) as {@code name}.png. */
    public Path screenshot(String name) throws IOException {
        Path target = screenshots.resolve(name + ".png");
        Dimension window = driver.manage().window().getSize();
        long height = ((Number) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollHeight;")).longValue();
        driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.min(4000, Math.max(height + 120,
                window.getHeight()))));
        try {
            Files.copy(((ChromeDriver) driver).getScreenshotAs(OutputType.FILE).toPath(), target,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            driver.manage().window().setSize(window);
        }
        return target;
    }

    /** Saves one element as {@code name}.png and returns the file. */
    public Path screenshot(WebElement element, String name) throws IOException {
        Path target = screenshots.resolve(name + ".png");
        Files.copy(element.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    /** True when the page is wider than the window (something forces a horizontal scroll). */
    public boolean overflowsHorizontally() {
        Object wider = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > window.innerWidth;");
        return Boolean.TRUE.equals(wider);
    }

    /** The console's errors since the last call (a CSP violation, a failed load or a script error shows here). */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
