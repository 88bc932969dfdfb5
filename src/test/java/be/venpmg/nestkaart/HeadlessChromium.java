package be.venpmg.nestkaart;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Debian's headless Chromium driven by chromedriver, with axe-core for WCAG 2.1 A/AA checks. */
public final class HeadlessChromium implements AutoCloseable {
    private static final List<String> WCAG = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    public final WebDriver driver;
    public final WebDriverWait wait;

    private HeadlessChromium(WebDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    public static HeadlessChromium start() {
        try {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(new File(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium")));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--window-size=1280,1000", "--user-data-dir=" + Files.createTempDirectory("chromium-test"));
            options.setCapability("goog:loggingPrefs", java.util.Map.of("browser", "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver")))
                    .build();
            return new HeadlessChromium(new ChromeDriver(service, options));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Chromium in a phone-sized window (375 × 812, an iPhone's width), as parents use the site. */
    public static HeadlessChromium startAtPhoneWidth() {
        HeadlessChromium chromium = start();
        chromium.driver.manage().window().setSize(new org.openqa.selenium.Dimension(375, 812));
        return chromium;
    }

    /** Waits until the page's main element shows {@code text}; on failure says what it showed instead. */
    public void waitForText(String text) {
        try {
            wait.until(d -> d.findElement(org.openqa.selenium.By.tagName("main")).getText().contains(text));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Waited for '" + text + "' at " + driver.getCurrentUrl() + ", the page shows: "
                    + driver.findElement(org.openqa.selenium.By.tagName("body")).getText() + "\n"
                    + driver.findElement(org.openqa.selenium.By.tagName("main")).getAttribute("outerHTML"), e);
        }
    }

    /** Opens a view of a single-page app (its #hash) afresh and waits until it shows {@code text}. */
    public void openView(String url, String text) {
        driver.get(url);
        driver.navigate().refresh();
        waitForText(text);
    }

    /** Clicks what {@code target} finds once it can be clicked. */
    public void click(org.openqa.selenium.By target) {
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(target)).click();
    }

    /** Signs in through the sign-in form, as a person would, after forgetting any earlier session. */
    public void signIn(String base, String email, String password) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/inloggen");
        driver.findElement(org.openqa.selenium.By.id("email")).sendKeys(email);
        driver.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
        driver.findElement(org.openqa.selenium.By.cssSelector("form button[type=submit]")).click();
        // Hashing the password is slow on purpose, and slower still on a busy two-core CI machine: allow it time.
        WebDriverWait signingIn = new WebDriverWait(driver, Duration.ofSeconds(40));
        try {
            signingIn.until(d -> !d.getCurrentUrl().contains("/inloggen"));
            signingIn.until(d -> !d.findElement(org.openqa.selenium.By.tagName("main")).getText().contains("Laden"));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Signing in as " + email + " did not finish; at " + driver.getCurrentUrl()
                    + " the page shows: " + driver.findElement(org.openqa.selenium.By.tagName("body")).getText(), e);
        }
    }

    /** Errors the pages printed to the console since the last call: script errors, CSP refusals, failed loads. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(org.openqa.selenium.logging.LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= java.util.logging.Level.SEVERE.intValue())
                .map(org.openqa.selenium.logging.LogEntry::getMessage).toList();
    }

    /** The ids of the WCAG rules the current page violates. */
    public List<String> violations() {
        return new AxeBuilder().withTags(WCAG).analyze(driver).getViolations().stream().map(Rule::getId).toList();
    }

    public void assertAccessible(String page) {
        Results results = new AxeBuilder().withTags(WCAG).analyze(driver);
        StringBuilder report = new StringBuilder();
        for (Rule violation : results.getViolations()) {
            report.append(violation.getId()).append(": ").append(violation.getHelp()).append(" at ")
                    .append(violation.getNodes().stream().map(n -> n.getTarget().toString()).toList()).append('\n');
        }
        assertTrue(results.getViolations().isEmpty(), page + " has WCAG violations:\n" + report);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
