package org.a4p.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium (Debian's {@code chromium} and {@code chromium-driver}, which {@code .ci/run}
 * installs), headless, driven by Selenium: pages opened, forms filled, axe-core run on what the
 * browser shows. Nothing is downloaded: Selenium Manager is never asked for a driver.
 */
final class Browser implements AutoCloseable {
    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final String AXE = axeSource();

    final ChromeDriver driver;
    private final String base;

    Browser(String baseUrl) {
        this.base = baseUrl;
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            throw new IllegalStateException("the browser tests need Debian's chromium and chromium-driver (" + CHROMIUM + ", "
                    + CHROMEDRIVER + "): apt-get install chromium chromium-driver, as .ci/run does");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1366,900",
                "--lang=en-GB", "--no-first-run", "--disable-extensions");
        org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
        logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(CHROMEDRIVER).toFile()).build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** Opens {@code path} of the server ({@code /}, {@code /indicators/X?lang=fr}); {@link #consoleErrors} then tells this page's only. */
    Browser open(String path) {
        driver.manage().logs().get("browser");
        driver.get(base + path);
        return this;
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /**
     * Clicks {@code css} (a link, a form's button) and waits until the browser shows the page it
     * leads to: a click returns before a slow answer arrives, and the next look would see the old page.
     */
    Browser clickAndWait(String css) {
        WebElement before = find("html");
        find(css).click();
        new WebDriverWait(driver, Duration.ofSeconds(120)).until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(before));
        new WebDriverWait(driver, Duration.ofSeconds(120)).until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    String text(String css) {
        return find(css).getText();
    }

    String title() {
        return driver.getTitle();
    }

    /** Signs in through the sign-in page and waits for the page it leads to. */
    Browser signIn(String user, String password) {
        open("/login");
        find("#username").sendKeys(user);
        find("#password").sendKeys(password);
        find("form[action='/login'] button[type=submit]").click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
        return this;
    }

    /** Waits until every chart on the page is drawn (ECharts put an SVG in it). */
    Browser chartsDrawn() {
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector("[data-chart], [data-spark]")).stream()
                .allMatch(el -> !el.findElements(By.tagName("svg")).isEmpty()));
        return this;
    }

    /**
     * Runs axe-core (WCAG 2.0/2.1 A and AA rules) on the page as the browser shows it and returns
     * the serious and critical violations, each as "rule: target…", empty when there are none.
     */
    @SuppressWarnings("unchecked")
    List<String> seriousAccessibilityProblems() {
        JavascriptExecutor js = driver;
        js.executeScript(AXE);
        Object result = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(function (r) { done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })"
                + ".map(function (v) { return v.id + ' (' + v.impact + '): ' + v.help + ' at ' + v.nodes.slice(0, 5).map(function (n) {"
                + " return n.target.join(' '); }).join(', '); })); })"
                + ".catch(function (e) { done(['axe failed: ' + e]); });");
        return (List<String>) result;
    }

    /** Asserts axe-core finds no serious or critical violation on the page. */
    Browser accessible() {
        assertThat(seriousAccessibilityProblems()).as("axe-core on " + driver.getCurrentUrl()).isEmpty();
        return this;
    }

    /** Saves what the browser shows as a PNG, the whole page's height. */
    void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Object height = driver.executeScript("return Math.min(document.documentElement.scrollHeight, 4000);");
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, ((Number) height).intValue()));
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 900));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The console's severe messages (script errors, refused loads), as text. */
    List<String> consoleErrors() {
        return driver.manage().logs().get("browser").getAll().stream().filter(entry -> entry.getLevel().intValue() >= 1000)
                .map(entry -> entry.getMessage()).collect(Collectors.toList());
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String axeSource() {
        String name = "/META-INF/resources/webjars/axe-core/" + version() + "/axe.min.js";
        try (InputStream in = Browser.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing: the axe-core webjar is a test dependency");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String version() {
        return org.a4p.web.Webjars.version("org.webjars.npm", "axe-core");
    }
}
