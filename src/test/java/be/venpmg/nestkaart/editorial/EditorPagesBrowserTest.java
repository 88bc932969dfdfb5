package be.venpmg.nestkaart.editorial;

import be.venpmg.nestkaart.BrowserTest;
import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.HeadlessChromium;
import be.venpmg.nestkaart.IndexedCorpus;
import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.Sql;
import be.venpmg.nestkaart.TestAccounts;
import be.venpmg.nestkaart.platform.Database;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.sql.Connection;
import java.util.List;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The editors' pages in real Chromium: a suggestion handled from the queue to publication by two editors through
 * the pages alone, and every view free of WCAG 2.1 A/AA violations (axe-core).
 */
@BrowserTest
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EditorPagesBrowserTest implements MariaDbTestSupport {
    @Inject
    EmbeddedServer server;
    @Inject
    Database database;
    @Inject
    be.venpmg.nestkaart.SettableClock clock;
    @Inject
    be.venpmg.nestkaart.search.IndexMaintainer maintainer;
    HeadlessChromium chromium;
    String base;
    String serviceId;
    String professionalId;
    String courseId;

    @BeforeAll
    void start() throws Exception {
        base = server.getURL().toString();
        var context = server.getApplicationContext();
        TestAccounts.create(context, "eerste@venpmg.be", "editor", null);
        TestAccounts.create(context, "tweede@venpmg.be", "editor", null);
        TestAccounts.create(context, "hoofd@venpmg.be", "admin", null);
        try (Connection c = database.open()) {
            serviceId = new TreeSet<>(Sql.values(c, "SELECT id FROM service WHERE publication_status = 'published'")).first();
            professionalId = new TreeSet<>(Sql.values(c, "SELECT id FROM professional WHERE consent_public")).first();
            courseId = new TreeSet<>(Sql.values(c, "SELECT id FROM course")).first();
        }
        TestAccounts.create(context, "hulpverlener@praktijk.be", "professional", professionalId);
        ApiClient api = new ApiClient(server.getURL());
        IndexedCorpus.waitUntil(() -> api.get("/health").status() == 200, 60_000, "index open");
        api.send("POST", "/meld-een-wijziging", null, "listing_type=service&listing_id=" + serviceId
                + "&message=Het+telefoonnummer+is+veranderd", "Content-Type", "application/x-www-form-urlencoded");
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void twoEditorsHandleASuggestionThroughThePages() {
        signIn("eerste@venpmg.be");
        chromium.assertAccessible("review queue");
        open("#/meldingen", "telefoonnummer is veranderd");
        chromium.assertAccessible("suggestions");
        click(By.xpath("//button[contains(., 'Aanvaarden')]"));
        chromium.wait.until(ExpectedConditions.urlContains("#/wijziging/"));
        chromium.wait.until(d -> d.findElement(By.tagName("h1")).getText().startsWith("Wijziging"));
        chromium.assertAccessible("change page");

        WebElement description = chromium.driver.findElement(By.cssSelector("textarea[name=description]"));
        description.clear();
        description.sendKeys("Telefonisch bereikbaar op weekdagen (zonnebloemlijn).");
        // The service area, by name: one per line, or picked from the list of every province, zone and municipality.
        WebElement areas = chromium.driver.findElement(By.cssSelector("textarea[name=service_areas]"));
        areas.clear();
        areas.sendKeys("provincie Limburg");
        WebElement addArea = chromium.driver.findElement(By.xpath("//label[normalize-space()='Werkgebied toevoegen']"
                + "/following-sibling::input[1]"));
        addArea.sendKeys("gemeente Gent");
        addArea.sendKeys(org.openqa.selenium.Keys.TAB);
        List<WebElement> reasons = chromium.driver.findElements(By.cssSelector("textarea[name=reason]"));
        reasons.get(reasons.size() - 1).sendKeys("Nieuw nummer nagevraagd");
        click(By.xpath("//button[normalize-space()='Opslaan']"));
        chromium.wait.until(ExpectedConditions.textToBe(By.id("status"), "Opgeslagen."));
        chromium.wait.until(d -> d.findElement(By.tagName("main")).getText().contains("zonnebloemlijn"));
        click(By.xpath("//button[contains(., 'Indienen')]"));
        chromium.wait.until(d -> d.findElement(By.tagName("main")).getText().contains("te beoordelen"));
        String changeUrl = chromium.driver.getCurrentUrl();

        signIn("tweede@venpmg.be");
        open("#/te-beoordelen", "Nieuw nummer nagevraagd");
        chromium.driver.get(changeUrl);
        chromium.driver.navigate().refresh();
        click(By.xpath("//button[contains(., 'Publiceren')]"));
        chromium.wait.until(d -> d.findElement(By.tagName("main")).getText().contains("gepubliceerd"));

        chromium.driver.get(base + "/aanbod/" + serviceId);
        String page = chromium.driver.findElement(By.tagName("main")).getText();
        assertTrue(page.contains("zonnebloemlijn"), page);
        assertTrue(page.contains("provincie Limburg, gemeente Gent"), page);
    }

    /**
     * An editor adds a place (an address in Mechelen) and a service offered there with a phone, hours, a language and
     * a cost, through the pages with their pickers; a second editor publishes both; a parent searching near Mechelen
     * finds the service with its phone.
     */
    @Test
    void anEditorAddsAServiceWithPlacePhoneAndHoursThatAParentFindsNearMechelen() throws Exception {
        String organization;
        try (Connection c = database.open()) {
            organization = Sql.scalar(c, "SELECT name FROM organization WHERE publication_status = 'published' "
                    + "AND CHAR_LENGTH(name) > 8 ORDER BY name LIMIT 1");
        }
        signIn("eerste@venpmg.be");
        open("#/nieuw", "Nieuw item");
        new org.openqa.selenium.support.ui.Select(chromium.driver.findElement(By.id("nieuw-soort")))
                .selectByVisibleText("Locatie");
        pick(field("Organisatie *"), organization.substring(0, 6));
        field("Naam *").sendKeys("Consultatiepunt Kievit");
        click(By.xpath("//button[normalize-space()='Adressen: regel toevoegen']"));
        cell("Adressen", "Straat en nummer *").sendKeys("Bruul 1");
        cell("Adressen", "Postcode *").sendKeys("2800");
        chromium.assertAccessible("new location form with rows");
        String location = saveSubmitAndPublish("Nieuwe locatie in Mechelen");

        signIn("eerste@venpmg.be");
        open("#/nieuw", "Nieuw item");
        new org.openqa.selenium.support.ui.Select(chromium.driver.findElement(By.id("nieuw-soort")))
                .selectByVisibleText("Aanbod");
        pick(field("Organisatie *"), organization.substring(0, 6));
        field("Naam *").sendKeys("Kievitconsult");
        field("Beschrijving *").sendKeys("Gesprekken voor ouders die somber zijn na de bevalling.");
        WebElement places = chromium.driver.findElement(By.xpath("//label[normalize-space()='Locaties waar het aanbod "
                + "doorgaat']/following-sibling::textarea[1]"));
        pick(chromium.driver.findElement(By.xpath("//label[normalize-space()='Locaties waar het aanbod doorgaat']"
                + "/following-sibling::input[1]")), "Kievit");
        chromium.wait.until(d -> places.getAttribute("value").contains("[" + location + "]"));
        click(By.xpath("//button[normalize-space()='Telefoonnummers: regel toevoegen']"));
        cell("Telefoonnummers", "Nummer *").sendKeys("015 27 19 00");
        click(By.xpath("//button[normalize-space()='Openingsuren: regel toevoegen']"));
        cell("Openingsuren", "Dagen (ma, di, wo, …) *").sendKeys("ma, wo");
        setValue(cell("Openingsuren", "Van"), "09:00");
        setValue(cell("Openingsuren", "Tot"), "17:00");
        click(By.xpath("//button[normalize-space()='Talen: regel toevoegen']"));
        cell("Talen", "Taalcode (nl, fr, en, …) *").sendKeys("nl");
        click(By.xpath("//button[normalize-space()='Kosten: regel toevoegen']"));
        cell("Kosten", "Omschrijving").sendKeys("Consult");
        cell("Kosten", "Bedrag (euro)").sendKeys("25");
        new org.openqa.selenium.support.ui.Select(cell("Kosten", "Terugbetaling")).selectByVisibleText("remgeld");
        String service = saveSubmitAndPublish("Nieuw aanbod in Mechelen");

        ApiClient api = new ApiClient(server.getURL());
        IndexedCorpus.waitUntil(() -> api.get("/api/v1/search?q=kievitconsult").body().contains(service), 5_000,
                "the published service is searchable");
        chromium.driver.manage().deleteAllCookies();
        chromium.driver.get(base + "/?q=kievitconsult&plaats=Mechelen");
        chromium.waitForText("Kievitconsult");
        WebElement card = chromium.driver.findElement(By.xpath("//li[contains(@class,'result')][.//a[normalize-space()"
                + "='Kievitconsult']]"));
        assertTrue(card.getText().contains("015 27 19 00"), card.getText());
        assertTrue(card.findElement(By.partialLinkText("015 27 19 00")).getAttribute("href").endsWith("tel:015271900"));
        chromium.driver.get(base + "/aanbod/" + service);
        String page = chromium.driver.findElement(By.tagName("main")).getText();
        assertTrue(page.contains("015 27 19 00") && page.contains("Bruul 1") && page.contains("Mechelen"), page);
    }

    /**
     * A representative claims an organisation on its page, an editor confirms, the representative reports a waiting
     * time on their own page, a second editor publishes it, and the card shows it with its date; past the configured
     * age it shows as unknown and leaves the waiting-time filter.
     */
    @Test
    void aRepresentativeReportsAWaitingTimeThatAgesOnTheCard() throws Exception {
        String organization;
        String service;
        String serviceName;
        try (Connection c = database.open()) {
            organization = Sql.scalar(c, "SELECT o.id FROM organization o JOIN service s ON s.organization_id = o.id "
                    + "WHERE o.publication_status = 'published' AND s.publication_status = 'published' "
                    + "AND s.status = 'active' ORDER BY o.id LIMIT 1");
            service = Sql.scalar(c, "SELECT id FROM service WHERE organization_id = '" + organization
                    + "' AND publication_status = 'published' AND status = 'active' ORDER BY id LIMIT 1");
            serviceName = Sql.scalar(c, "SELECT name FROM service WHERE id = '" + service + "'");
        }
        chromium.driver.manage().deleteAllCookies();
        chromium.driver.get(base + "/organisatie/" + organization);
        chromium.waitForText("Werk je bij deze organisatie?");
        chromium.driver.findElement(By.id("beheer-naam")).sendKeys("Rita Regenwulp");
        chromium.driver.findElement(By.id("beheer-email")).sendKeys("rita@organisatie.be");
        chromium.driver.findElement(By.id("beheer-wachtwoord")).sendKeys(TestAccounts.PASSWORD);
        chromium.driver.findElement(By.id("beheer-boodschap")).sendKeys("Coördinator van de dienst");
        click(By.xpath("//button[normalize-space()='Beheer aanvragen']"));
        chromium.waitForText("De redactie bekijkt je aanvraag");
        chromium.assertAccessible("organisation page with the claim form");

        signIn("eerste@venpmg.be");
        open("#/aanvragen", "rita@organisatie.be");
        chromium.assertAccessible("claims");
        click(By.xpath("//tr[contains(., 'rita@organisatie.be')]//button[normalize-space()='Bevestigen']"));
        chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Bevestigd"));

        signIn("rita@organisatie.be");
        chromium.wait.until(ExpectedConditions.urlContains("/mijn-organisatie"));
        chromium.waitForText("Beschikbaarheid van het aanbod");
        chromium.assertAccessible("my organisation");
        WebElement weeks = chromium.driver.findElement(By.id("weken-" + service));
        weeks.clear();
        weeks.sendKeys("3");
        new org.openqa.selenium.support.ui.Select(chromium.driver.findElement(By.id("aanmelden-" + service)))
                .selectByValue("yes");
        click(By.xpath("//tr[.//input[@id='weken-" + service + "']]//button[normalize-space()='Melden']"));
        chromium.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("status"), "Verstuurd"));
        chromium.waitForText("te beoordelen");

        ApiClient api = new ApiClient(server.getURL());
        String reviewer = TestAccounts.bearer(api, "tweede@venpmg.be");
        long change = -1;
        for (var c : api.get("/api/v1/editor/changes?status=in_review", reviewer).json()) {
            if (service.equals(c.get("entity_id").asText())) {
                change = c.get("id").asLong();
            }
        }
        signIn("tweede@venpmg.be");
        open("#/wijziging/" + change, "Wachttijd");
        click(By.xpath("//button[contains(., 'Publiceren')]"));
        chromium.wait.until(d -> d.findElement(By.tagName("main")).getText().contains("gepubliceerd"));

        String filtered = "/api/v1/search?kind=service&max_waiting_weeks=3&limit=100";
        IndexedCorpus.waitUntil(() -> api.get(filtered).body().contains(service), 5_000,
                "the reported waiting time is in the index");
        chromium.driver.manage().deleteAllCookies();
        chromium.driver.get(base + "/?wachttijd=3&q=" + java.net.URLEncoder.encode(serviceName,
                java.nio.charset.StandardCharsets.UTF_8));
        WebElement card = chromium.wait.until(d -> d.findElement(By.xpath("//li[contains(@class,'result')][.//a[@href="
                + "'/aanbod/" + service + "']]")));
        assertTrue(card.getText().contains("wachttijd 3 wk (gemeld vandaag)"), card.getText());
        assertTrue(card.getText().contains("neemt nieuwe aanmeldingen aan"), card.getText());

        try {
            clock.set(java.time.Instant.now().plus(java.time.Duration.ofDays(91)));
            maintainer.requeueDated();
            IndexedCorpus.waitUntilIndexed(maintainer, 10_000);
            chromium.driver.get(base + "/?q=" + java.net.URLEncoder.encode(serviceName,
                    java.nio.charset.StandardCharsets.UTF_8));
            WebElement aged = chromium.wait.until(d -> d.findElement(By.xpath("//li[contains(@class,'result')][.//a"
                    + "[@href='/aanbod/" + service + "']]")));
            assertTrue(aged.getText().contains("wachttijd onbekend"), aged.getText());
            assertTrue(!api.get(filtered).body().contains(service), "an outdated waiting time leaves the filter");
        } finally {
            clock.set(java.time.Instant.now());
        }
    }

    /** Saves the draft, submits it, and lets the second editor publish it; returns the listing's id. */
    private String saveSubmitAndPublish(String reason) {
        List<WebElement> reasons = chromium.driver.findElements(By.cssSelector("textarea[name=reason]"));
        reasons.get(reasons.size() - 1).sendKeys(reason);
        click(By.xpath("//button[normalize-space()='Concept opslaan']"));
        chromium.wait.until(ExpectedConditions.urlContains("#/wijziging/"));
        click(By.xpath("//button[contains(., 'Indienen')]"));
        chromium.wait.until(d -> d.findElement(By.tagName("main")).getText().contains("te beoordelen"));
        String changeUrl = chromium.driver.getCurrentUrl();
        String listing = chromium.driver.findElement(By.partialLinkText("item en geschiedenis")).getAttribute("href")
                .replaceAll(".*/", "");
        signIn("tweede@venpmg.be");
        chromium.driver.get(changeUrl);
        chromium.driver.navigate().refresh();
        click(By.xpath("//button[contains(., 'Publiceren')]"));
        chromium.wait.until(d -> d.findElement(By.tagName("main")).getText().contains("gepubliceerd"));
        return listing;
    }

    private WebElement field(String label) {
        return chromium.driver.findElement(By.xpath("//label[normalize-space()='" + label + "']/following-sibling::*[1]"));
    }

    private WebElement cell(String rows, String column) {
        return chromium.driver.findElement(By.xpath("(//fieldset[legend[normalize-space()='" + rows + "']]"
                + "//label[normalize-space()='" + column + "']/following-sibling::*[1])[last()]"));
    }

    /** Types a few letters into a picker, waits for its choices and takes the first, as an editor does. */
    private void pick(WebElement input, String letters) {
        input.sendKeys(letters);
        String listId = input.getAttribute("list");
        String first = chromium.wait.until(d -> {
            List<WebElement> options = d.findElements(By.cssSelector("datalist[id='" + listId + "'] option"));
            return options.isEmpty() ? null : options.get(0).getAttribute("value");
        });
        setValue(input, first);
    }

    private void setValue(WebElement input, String value) {
        ((org.openqa.selenium.JavascriptExecutor) chromium.driver).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", input, value);
    }

    @Test
    void aSearchThatFoundNothingBecomesASearchWordInOneStep() throws Exception {
        ApiClient api = new ApiClient(server.getURL());
        api.get("/api/v1/search?q=zwaarmoedigheidsklompje");
        String editor = TestAccounts.bearer(api, "eerste@venpmg.be");
        IndexedCorpus.waitUntil(() -> api.get("/api/v1/editor/search-stats", editor).body()
                .contains("zwaarmoedigheidsklompje"), 5_000, "the search is logged");
        signIn("eerste@venpmg.be");
        open("#/zoekwoorden", "zwaarmoedigheidsklompje");
        chromium.assertAccessible("search words");
        WebElement row = chromium.driver.findElement(By.xpath("//tr[td[normalize-space()='zwaarmoedigheidsklompje']]"));
        new org.openqa.selenium.support.ui.Select(row.findElement(By.tagName("select")))
                .selectByVisibleText("Postpartumdepressie (problem)");
        row.findElement(By.xpath(".//button[contains(., 'Voeg toe als zoekwoord')]")).click();
        chromium.wait.until(ExpectedConditions.urlContains("#/wijziging/"));
        chromium.wait.until(d -> d.findElement(By.tagName("main")).getText().contains("zwaarmoedigheidsklompje"));
        assertTrue(chromium.driver.findElement(By.tagName("main")).getText().contains("Zoekwoord"));
    }

    @Test
    void everyEditorViewIsAccessible() {
        signIn("hoofd@venpmg.be");
        for (String[] view : new String[][]{{"#/concepten", "Concepten"}, {"#/verouderd", "12 maanden"},
                {"#/bewijsstukken", "Bewijsstukken"}, {"#/commissie", "commissie"}, {"#/nieuw", "Nieuw item"},
                {"#/accounts", "Accounts"}, {"#/nieuw-aanbod", "Gemeld nieuw aanbod"}, {"#/item/service/" + serviceId, "Geschiedenis"},
                {"#/kwaliteit/" + professionalId, "Erkenning"}, {"#/sessies/" + courseId, "Sessie toevoegen"},
                {"#/item/course/" + courseId, "Sessies, plaatsen"}, {"#/exporteren", "rekenblad"}}) {
            open(view[0], view[1]);
            chromium.assertAccessible("editor view " + view[0]);
        }
        signIn("hulpverlener@praktijk.be");
        chromium.wait.until(d -> d.findElement(By.tagName("main")).getText().contains("Mijn bewijsstukken"));
        chromium.assertAccessible("own profile");
        chromium.driver.manage().deleteAllCookies();
        chromium.driver.get(base + "/inloggen");
        chromium.assertAccessible("sign-in page");
        chromium.driver.get(base + "/meld-nieuw-aanbod?gemeld=ja");
        chromium.waitForText("Meld een nieuw aanbod");
        chromium.assertAccessible("the new-initiative form");
    }

    @Test
    void theExportLinksDownloadWithTheEditorsSession() {
        signIn("hoofd@venpmg.be");
        open("#/exporteren", "rekenblad");
        String href = chromium.driver.findElement(By.partialLinkText("Aanbod (;)")).getAttribute("href");
        Object csv = ((org.openqa.selenium.JavascriptExecutor) chromium.driver).executeAsyncScript(
                "fetch(arguments[0]).then(r => r.arrayBuffer()).then(b => arguments[arguments.length - 1]("
                        + "new Uint8Array(b).slice(0, 3).join(',') + '|' + new TextDecoder().decode(b)))", href);
        assertTrue(csv.toString().startsWith("239,187,191|id;naam;organisatie"), csv.toString());
    }

    private void open(String view, String text) {
        chromium.openView(base + "/redactie" + view, text);
    }

    private void click(By button) {
        chromium.click(button);
    }

    private void signIn(String email) {
        chromium.signIn(base, email, TestAccounts.PASSWORD);
    }
}
