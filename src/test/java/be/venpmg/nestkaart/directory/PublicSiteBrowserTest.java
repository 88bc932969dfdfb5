package be.venpmg.nestkaart.directory;

import be.venpmg.nestkaart.BrowserTest;
import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.HeadlessChromium;
import be.venpmg.nestkaart.IndexedCorpus;
import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.Sql;
import be.venpmg.nestkaart.interop.HsdsImporter;
import be.venpmg.nestkaart.platform.Database;
import be.venpmg.nestkaart.search.IndexMaintainer;
import be.venpmg.nestkaart.search.SearchIndex;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The public pages in real headless Chromium (Debian's chromium + chromedriver), with axe-core checking WCAG 2.1
 * A/AA, on the seed data plus the evaluation corpus.
 */
@BrowserTest
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicSiteBrowserTest implements MariaDbTestSupport {
    @Inject
    EmbeddedServer server;
    @Inject
    HsdsImporter importer;
    @Inject
    Database database;
    @Inject
    SearchIndex index;
    @Inject
    IndexMaintainer maintainer;

    private HeadlessChromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;
    private String base;

    @BeforeAll
    void start() throws Exception {
        base = server.getURL().toString();
        IndexedCorpus.load(importer, maintainer, index);
        chromium = HeadlessChromium.start();
        browser = chromium.driver;
        wait = chromium.wait;
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void laySearchWithLocationAndFacetClicksKeepsStateInTheUrl() {
        browser.get(base);
        assertAccessible("search page");
        browser.findElement(By.id("q")).sendKeys("somber na de bevalling");
        browser.findElement(By.id("plaats")).sendKeys("Gent");
        browser.findElement(By.cssSelector("#zoekformulier button[type=submit]")).click();
        wait.until(ExpectedConditions.textMatches(By.id("aantal"), Pattern.compile("\\d+ resultaten?")));
        int before = count();
        assertTrue(before > 0);
        assertTrue(browser.getCurrentUrl().contains("plaats=Gent"));
        assertTrue(browser.findElement(By.cssSelector("#meldingen .understood")).getText()
                .contains("We zochten naar: Postpartumdepressie"), "the page says what it understood");
        for (WebElement distance : browser.findElements(By.cssSelector(".result .meta"))) {
            String meta = distance.getText();
            assertTrue(meta.contains("km") || meta.contains("heel Vlaanderen en Brussel"), meta);
        }
        assertAccessible("results page");

        WebElement facet = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#facetten input[name=format]")));
        String value = facet.getAttribute("value");
        facet.click();
        wait.until(ExpectedConditions.urlContains("format=" + value));
        wait.until(d -> count() <= before);
        wait.ignoring(StaleElementReferenceException.class)
                .until(d -> d.findElement(By.cssSelector("#facetten input[value='" + value + "']")).isSelected());

        browser.navigate().back();
        wait.until(d -> !d.getCurrentUrl().contains("format="));
        wait.until(d -> count() == before);
    }

    @Test
    void professionalModeOffersCareStructureAndWaitingTimeFilters() {
        browser.get(base + "/?q=depressie&modus=professionals");
        wait.until(ExpectedConditions.textMatches(By.id("aantal"), Pattern.compile("\\d+ resultaten?")));
        String facets = browser.findElement(By.id("facetten")).getText();
        assertTrue(facets.contains("Zorglijn") && facets.contains("Zorgmodule") && facets.contains("Wachttijd"), facets);
        browser.findElement(By.id("f-wachttijd-2")).click();
        wait.until(ExpectedConditions.urlContains("wachttijd=2"));
        wait.until(d -> d.findElements(By.cssSelector(".result .badge.wait")).size()
                == d.findElements(By.cssSelector(".result")).size());
        assertAccessible("professional results page");
        browser.get(base + "/?q=depressie");
        wait.until(ExpectedConditions.textMatches(By.id("aantal"), Pattern.compile("\\d+ resultaten?")));
        assertFalse(browser.findElement(By.id("facetten")).getText().contains("Zorgmodule"), "parents see fewer filters");
    }

    @Test
    void onAPhoneTheUrgentHelpIsTheFirstThingOnScreenAndHasTheFocus() {
        org.openqa.selenium.Dimension desktop = browser.manage().window().getSize();
        try {
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(375, 740));
            browser.get(base + "/");
            assertTrue(browser.findElement(By.cssSelector("header .nood")).getText().contains("112"),
                    "the header carries the emergency numbers");
            WebElement q = browser.findElement(By.id("q"));
            q.sendKeys("ik zie het niet meer zitten");
            browser.findElement(By.cssSelector("#zoekformulier button[type=submit]")).click();
            WebElement crisis = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("crisis")));
            wait.until(d -> "crisis".equals(d.switchTo().activeElement().getAttribute("id")));
            wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript(
                    "return document.getElementById('crisis').getBoundingClientRect().top")).doubleValue() < 120);
            List<WebElement> urgent = wait.until(d -> {
                List<WebElement> items = d.findElements(By.cssSelector("#dringende-hulp li"));
                return items.isEmpty() ? null : items;
            });
            assertTrue(urgent.get(0).getText().startsWith("112"), urgent.get(0).getText());
            assertTrue(urgent.get(1).getText().contains("1813"), urgent.get(1).getText());
            assertTrue(crisis.getText().contains("Tele-Onthaal"));
        } finally {
            browser.manage().window().setSize(desktop);
        }
    }

    @Test
    void aFilterThatEmptiesTheResultStaysAndIsAnnouncedWithAWayToDropIt() {
        browser.get(base + "/?q=huilbaby&modus=professionals&module=m5&careline=0");
        wait.until(ExpectedConditions.textMatches(By.id("aantal"), Pattern.compile("0 resultaten")));
        WebElement drop = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#meldingen .drop-filter")));
        assertTrue(browser.findElement(By.id("meldingen")).getText().contains("Zonder de filter"));
        assertTrue(browser.getCurrentUrl().contains("module=m5"), "the filter is still applied");
        drop.click();
        wait.until(d -> !(d.getCurrentUrl().contains("module=m5") && d.getCurrentUrl().contains("careline=0")));
        assertAccessible("empty-filter notice");
    }

    @Test
    void aParentNearATownSeesFirstLineHelpFirstWithHelplinesThatServeThePlace() {
        browser.get(base + "/?q=" + "somber+na+de+bevalling" + "&plaats=Gent");
        wait.until(ExpectedConditions.textMatches(By.id("aantal"), Pattern.compile("\\d+ resultaten?")));
        String first = browser.findElements(By.cssSelector("#resultaten li.result")).get(0).getText();
        assertTrue(first.contains("0de lijn") || first.contains("1ste lijn"), "first-line help first: " + first);
        String all = browser.findElement(By.id("resultaten")).getText();
        browser.get(base + "/?q=" + "somber+na+de+bevalling" + "&plaats=Gent&pagina=2");
        wait.until(ExpectedConditions.textMatches(By.id("aantal"), Pattern.compile("\\d+ resultaten?")));
        all += browser.findElement(By.id("resultaten")).getText();
        assertTrue(all.contains("heel Vlaanderen en Brussel") || all.contains("ook telefonisch of online"),
                "services that serve the place from elsewhere are included and marked");
    }

    @Test
    void showsTheUrgentHelpBlockForACrisisQuery() {
        browser.get(base + "/?q=" + "zelfmoord");
        WebElement crisis = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("crisis")));
        assertTrue(crisis.getText().contains("1813"));
        assertTrue(crisis.getText().contains("112"));
        browser.get(base + "/?q=huilbaby");
        wait.until(ExpectedConditions.textMatches(By.id("aantal"), Pattern.compile("\\d+ resultaten?")));
        assertFalse(browser.findElement(By.id("crisis")).isDisplayed());
    }

    @Test
    void detailPagesAreAccessibleAndCarryJsonLd() throws Exception {
        for (String[] kind : new String[][]{{"services", "aanbod"}, {"organizations", "organisatie"},
                {"professionals", "hulpverlener"}}) {
            JsonNode first = new ApiClient(server.getURL()).get("/api/v1/" + kind[0] + "?limit=1").json()
                    .get("items").get(0);
            browser.get(base + "/" + kind[1] + "/" + first.get("id").asText());
            wait.until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
            assertTrue(browser.getCurrentUrl().matches(".*/" + kind[1] + "/[0-9a-f-]{36}/[a-z0-9-]+$"),
                    "readable canonical URL: " + browser.getCurrentUrl());
            String ld = (String) ((JavascriptExecutor) browser).executeScript(
                    "return document.querySelector('script[type=\"application/ld+json\"]').textContent");
            JsonNode json = new ObjectMapper().readTree(ld);
            assertEquals("https://schema.org", json.get("@context").asText());
            assertAccessible(kind[1] + " page");
        }
    }

    @Test
    void detailPageWorksWithoutJavaScript() throws Exception {
        String id;
        try (Connection c = database.open()) {
            id = Sql.scalar(c, "SELECT s.id FROM service s JOIN service_at_location sal ON sal.service_id = s.id "
                    + "JOIN address a ON a.location_id = sal.location_id JOIN phone p ON p.organization_id = s.organization_id "
                    + "WHERE a.address_1 <> '' ORDER BY s.id LIMIT 1");
        }
        ApiClient api = new ApiClient(server.getURL());
        JsonNode service = api.get("/api/v1/services/" + id).json();
        ApiClient.Response redirect = api.get("/aanbod/" + id);
        String html = redirect.status() == 200 ? redirect.body() : fetchCanonical(id);
        assertTrue(html.contains(escape(service.get("name").asText())));
        assertTrue(html.contains(escape(service.get("locations").get(0).get("addresses").get(0).get("address_1").asText())));
        assertTrue(html.contains(escape(service.get("phones").get(0).get("number").asText())));
        Matcher ld = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(ld.find());
        JsonNode json = new ObjectMapper().readTree(ld.group(1));
        assertEquals("Service", json.get("@type").asText());
        assertEquals(service.get("phones").get(0).get("number").asText(), json.get("provider").get("telephone").asText());
    }

    @Test
    void sitemapListsEveryPublishedListing() throws Exception {
        String xml = new ApiClient(server.getURL()).get("/sitemap.xml").body();
        long urls = Pattern.compile("<loc>").matcher(xml).results().count();
        try (Connection c = database.open()) {
            long listings = Long.parseLong(Sql.scalar(c, "SELECT (SELECT COUNT(*) FROM service WHERE publication_status = "
                    + "'published') + (SELECT COUNT(*) FROM organization WHERE publication_status = 'published') + "
                    + "(SELECT COUNT(*) FROM professional WHERE publication_status = 'published' AND consent_public) + "
                    + "(SELECT COUNT(*) FROM course WHERE publication_status = 'published') + "
                    + "(SELECT COUNT(*) FROM info_page WHERE publication_status = 'published')"));
            assertEquals(listings + 6, urls, "every listing, course and information page plus the home, catalogue, "
                    + "two start pages, information overview and referral helper");
        }
    }

    @Test
    void shortlistCollectsResultsAndPrintsAsAContactSheet() {
        browser.get(base + "/kortelijst");
        ((JavascriptExecutor) browser).executeScript("window.localStorage.clear()");
        browser.get(base + "/?q=huilbaby");
        wait.until(ExpectedConditions.textMatches(By.id("aantal"), Pattern.compile("\\d+ resultaten?")));
        List<WebElement> toggles = browser.findElements(By.cssSelector(".shortlist-toggle"));
        toggles.get(0).click();
        toggles.get(1).click();
        assertEquals("true", toggles.get(0).getAttribute("aria-pressed"));
        String firstName = browser.findElements(By.cssSelector(".result h3")).get(0).getText();
        browser.get(base + "/kortelijst");
        wait.until(d -> d.findElements(By.cssSelector(".sheet-item")).size() == 2);
        assertTrue(browser.findElement(By.id("kortelijst")).getText().contains(firstName));
        wait.until(d -> !d.findElements(By.cssSelector(".sheet-item .contact-list li")).isEmpty());
        assertAccessible("shortlist page");
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertFalse(browser.findElement(By.id("afdrukken")).isDisplayed(), "buttons are not printed");
            assertFalse(browser.findElement(By.cssSelector(".site-header")).isDisplayed(), "navigation is not printed");
            assertTrue(browser.findElement(By.cssSelector(".sheet-item h2")).isDisplayed(), "the contacts are");
        } finally {
            ((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    @Test
    void suggestionFormReachesTheEditorsQueue() throws Exception {
        JsonNode first = new ApiClient(server.getURL()).get("/api/v1/organizations?limit=1").json().get("items").get(0);
        browser.get(base + "/organisatie/" + first.get("id").asText());
        browser.findElement(By.id("meld-tekst")).sendKeys("Het telefoonnummer is veranderd.");
        browser.findElement(By.cssSelector("#meld button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#meld .notice"), "Bedankt"));
        try (Connection c = database.open()) {
            assertEquals("1", Sql.scalar(c, "SELECT COUNT(*) FROM change_suggestion WHERE listing_id = '"
                    + first.get("id").asText() + "' AND message = 'Het telefoonnummer is veranderd.'"));
        }
    }

    @Test
    void worksWithTheKeyboardAlone() {
        browser.get(base);
        Actions keys = new Actions(browser);
        keys.sendKeys(Keys.TAB).perform();
        assertEquals("skip-link", browser.switchTo().activeElement().getAttribute("class"));
        keys.sendKeys(Keys.ENTER).perform();
        // from the main content, tab to the search box
        for (int i = 0; i < 10 && !"q".equals(browser.switchTo().activeElement().getAttribute("id")); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        assertEquals("q", browser.switchTo().activeElement().getAttribute("id"));
        keys.sendKeys("miskraam").sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.textMatches(By.id("aantal"), Pattern.compile("\\d+ resultaten?")));
        for (int i = 0; i < 30 && !isResultLink(browser.switchTo().activeElement()); i++) {
            keys.sendKeys(Keys.TAB).perform();
        }
        WebElement link = browser.switchTo().activeElement();
        assertTrue(isResultLink(link), "a result link is reachable by keyboard");
        String outline = (String) ((JavascriptExecutor) browser).executeScript(
                "return getComputedStyle(document.activeElement).outlineStyle");
        assertEquals("solid", outline, "focus is visible");
        keys.sendKeys(Keys.ENTER).perform();
        wait.until(ExpectedConditions.urlMatches(".*/aanbod/.*"));
    }

    @Test
    void theAccessibilityCheckDoesFindViolations() {
        browser.get(base + "/kortelijst");
        ((JavascriptExecutor) browser).executeScript(
                "var i = document.createElement('input'); i.type = 'text'; document.querySelector('main').appendChild(i);");
        assertTrue(chromium.violations().contains("label"),
                "an input without a label is reported");
    }

    private static boolean isResultLink(WebElement element) {
        return "a".equals(element.getTagName()) && element.getAttribute("href") != null
                && element.getAttribute("href").contains("/aanbod/");
    }

    private int count() {
        Matcher m = Pattern.compile("(\\d+)").matcher(browser.findElement(By.id("aantal")).getText());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private void assertAccessible(String page) {
        chromium.assertAccessible(page);
    }

    private String fetchCanonical(String id) throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();
        return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/aanbod/" + id)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
