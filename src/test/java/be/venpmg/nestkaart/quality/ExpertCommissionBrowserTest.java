package be.venpmg.nestkaart.quality;

import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.BrowserTest;
import be.venpmg.nestkaart.HeadlessChromium;
import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.Sql;
import be.venpmg.nestkaart.TestAccounts;
import be.venpmg.nestkaart.platform.Database;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The expert commission in real Chromium: a professional on the experience route has a file; a commission member
 * asks for more information; the professional reads the question on their profile and adds evidence; the file is
 * back with the commission, two members (the quorum) approve, and the professional's certificate, whose verification
 * address anyone can open, shows the recognition with its issuer and the criteria it was granted under.
 */
@BrowserTest
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExpertCommissionBrowserTest implements MariaDbTestSupport {
    @Inject
    EmbeddedServer server;
    @Inject
    Database database;
    HeadlessChromium chromium;
    ApiClient api;
    String base;
    String person;

    @BeforeAll
    void start() throws Exception {
        base = server.getURL().toString();
        api = new ApiClient(server.getURL());
        var context = server.getApplicationContext();
        try (Connection c = database.open()) {
            person = new TreeSet<>(Sql.values(c, "SELECT id FROM professional WHERE publication_status = 'published'"))
                    .last();
        }
        TestAccounts.create(context, "ervaren@praktijk.be", "professional", person);
        TestAccounts.create(context, "redactie@venpmg.be", "editor", null);
        TestAccounts.create(context, "lid.een@commissie.be", "commission", null);
        TestAccounts.create(context, "lid.twee@commissie.be", "commission", null);
        String me = TestAccounts.bearer(api, "ervaren@praktijk.be");
        String editor = TestAccounts.bearer(api, "redactie@venpmg.be");
        // No basic education from the lists: the experience route, which needs the commission.
        for (Map<String, Object> evidence : List.of(
                Map.<String, Object>of("kind", "clinical_experience", "years", 4, "issuer", "CGG Vlaams-Brabant",
                        "obtained_on", "2025-09-01"),
                Map.<String, Object>of("kind", "continuing_education", "level", "basis", "hours", 20,
                        "issuer", "RINO Vlaanderen", "obtained_on", "2025-05-01"),
                Map.<String, Object>of("kind", "intervision", "issuer", "Intervisiegroep Leuven", "obtained_on", "2025-10-01"),
                Map.<String, Object>of("kind", "liability_insurance", "issuer", "Ethias", "obtained_on", "2025-01-01"))) {
            assertEquals(201, api.post("/api/v1/me/evidence", me, evidence).status());
        }
        for (JsonNode evidence : api.get("/api/v1/editor/evidence", editor).json()) {
            api.post("/api/v1/editor/evidence/" + evidence.get("id").asText() + "/check", editor, Map.of("accepted", true));
        }
        assertEquals(1, api.get("/api/v1/editor/committee-files", editor).json().size(), "the file is open");
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void theCommissionAsksMoreInformationTheProfessionalAddsEvidenceTheCommissionDecides() throws Exception {
        // A member opens the file and asks for more.
        chromium.signIn(base, "lid.een@commissie.be", TestAccounts.PASSWORD);
        assertTrue(chromium.driver.getCurrentUrl().contains("/commissie"), chromium.driver.getCurrentUrl());
        chromium.waitForText("Open dossiers van de commissie van experten");
        chromium.assertAccessible("the commission's files");
        chromium.click(By.partialLinkText("Dossier #"));
        chromium.waitForText("4 jaar klinische ervaring");
        chromium.assertAccessible("a commission file");
        chromium.driver.findElement(By.id("commissie-motivering"))
                .sendKeys("Bezorg een verklaring van je werkgever over je perinatale casuïstiek.");
        chromium.click(By.xpath("//button[normalize-space()='Meer informatie vragen']"));
        chromium.waitForText("wacht op aanvulling van de hulpverlener");
        assertFalse(chromium.driver.findElements(By.xpath("//button[normalize-space()='Goedkeuren']")).stream()
                .anyMatch(b -> b.isDisplayed()), "no vote while the file waits for the professional");

        // The professional reads the question and adds evidence.
        chromium.signIn(base, "ervaren@praktijk.be", TestAccounts.PASSWORD);
        chromium.waitForText("De commissie vraagt: Bezorg een verklaring van je werkgever");
        chromium.assertAccessible("profile with the commission's question");
        new Select(chromium.driver.findElement(By.id("bewijs-kind"))).selectByValue("lived_experience");
        chromium.driver.findElement(By.id("bewijs-years")).sendKeys("2");
        chromium.driver.findElement(By.id("bewijs-issuer")).sendKeys("Familieplatform, verklaring werkgever bijgevoegd");
        // A date input takes typed keys in the browser's locale; the value is set as a date picker would.
        ((org.openqa.selenium.JavascriptExecutor) chromium.driver).executeScript("arguments[0].value = '2026-03-01'",
                chromium.driver.findElement(By.id("bewijs-obtained_on")));
        chromium.click(By.xpath("//button[normalize-space()='Toevoegen']"));
        chromium.waitForText("Ervaringsdeskundigheid");
        chromium.wait.until(d -> d.findElement(By.tagName("main")).getText().contains("bij de commissie"));

        // Two members approve: the quorum of the configuration.
        chromium.signIn(base, "lid.een@commissie.be", TestAccounts.PASSWORD);
        chromium.waitForText("aangevuld door de hulpverlener");
        vote("Vier jaar ervaring in een CGG, aangevuld met de gevraagde verklaring.");
        chromium.waitForText("goedkeuren — Vier jaar ervaring");
        chromium.signIn(base, "lid.twee@commissie.be", TestAccounts.PASSWORD);
        vote("Akkoord: de ervaring en de vorming volstaan voor basiszorgverlener.");
        chromium.waitForText("Stand: goedgekeurd");
        String decided = chromium.driver.findElement(By.tagName("main")).getText();
        assertTrue(decided.contains("lid.een@commissie.be") && decided.contains("lid.twee@commissie.be"),
                "the members who decided are recorded: " + decided);

        // The editors see it in their queue.
        chromium.signIn(base, "redactie@venpmg.be", TestAccounts.PASSWORD);
        chromium.waitForText("Meldingen van de commissie");
        assertTrue(chromium.driver.findElement(By.tagName("main")).getText().contains("goedgekeurd"));

        // The professional's portfolio and certificate.
        chromium.signIn(base, "ervaren@praktijk.be", TestAccounts.PASSWORD);
        chromium.waitForText("Erkend als Perinatale mentale basiszorgverlener");
        String profile = chromium.driver.findElement(By.tagName("main")).getText();
        assertTrue(profile.contains("ervaringsroute"), profile);
        assertTrue(profile.contains("Uitgereikt door"), profile);
        chromium.click(By.linkText("Certificaat met controleadres"));
        chromium.wait.until(ExpectedConditions.urlContains("/erkenning/"));
        chromium.waitForText("is erkend als");
        String certificate = chromium.driver.findElement(By.tagName("main")).getText();
        assertTrue(certificate.contains("Perinatale mentale basiszorgverlener"), certificate);
        assertTrue(certificate.contains("expertencommissie"), certificate);
        chromium.assertAccessible("certificate");
        String verification = chromium.driver.getCurrentUrl();

        // Anyone with the address: a fresh browser session, not signed in.
        chromium.driver.manage().deleteAllCookies();
        chromium.driver.get(verification);
        chromium.waitForText("Deze erkenning is geldig");
        chromium.click(By.partialLinkText("versie "));
        chromium.waitForText("Erkenningsregels, versie");
        assertTrue(chromium.driver.findElement(By.tagName("main")).getText().contains("nooit als enige grond"));
        chromium.assertAccessible("the rules a recognition was granted under");
    }

    private void vote(String reason) {
        chromium.openView(base + "/commissie#/", "Open dossiers");
        chromium.click(By.partialLinkText("Dossier #"));
        chromium.waitForText("Stemmen");
        chromium.driver.findElement(By.id("commissie-motivering")).sendKeys(reason);
        chromium.click(By.xpath("//button[normalize-space()='Goedkeuren']"));
    }
}
