package be.venpmg.nestkaart.guidance;

import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.BrowserTest;
import be.venpmg.nestkaart.HeadlessChromium;
import be.venpmg.nestkaart.IndexedCorpus;
import be.venpmg.nestkaart.MariaDbTestSupport;
import be.venpmg.nestkaart.TestAccounts;
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

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Information pages for parents in real Chromium at phone width: a parent's search in their own words shows the card
 * of the page about that need above the results, and the page itself (axe clean); an editor changes a page in
 * /redactie and a second editor publishes it, after which the page and the card say the new text.
 */
@BrowserTest
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InformationPagesBrowserTest implements MariaDbTestSupport {
    @Inject
    EmbeddedServer server;
    HeadlessChromium chromium;
    ApiClient api;
    String base;

    @BeforeAll
    void start() throws Exception {
        base = server.getURL().toString();
        var context = server.getApplicationContext();
        TestAccounts.create(context, "schrijver@venpmg.be", "editor", null);
        TestAccounts.create(context, "nalezer@venpmg.be", "editor", null);
        api = new ApiClient(server.getURL());
        IndexedCorpus.waitUntil(() -> api.get("/health").status() == 200, 60_000, "index open");
        // The seed's pages reach the index through the outbox shortly after start.
        IndexedCorpus.waitUntil(() -> api.get("/api/v1/search?q=huilbaby").body().contains("baby-huilt-veel"), 30_000,
                "the seed's information pages in the index");
        chromium = HeadlessChromium.startAtPhoneWidth();
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void aParentsSearchForARecognisedNeedShowsTheInformationCardAndItsPage() throws Exception {
        chromium.driver.get(base + "/voor-ouders");
        chromium.driver.findElement(By.id("q")).sendKeys("sinds de geboorte van mijn dochter voel ik me leeg en triest");
        chromium.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        chromium.wait.until(d -> d.findElement(By.id("informatie")).isDisplayed());
        WebElement card = chromium.driver.findElement(By.cssSelector("#informatiekaarten li a"));
        assertTrue(card.getText().contains("na de bevalling"), card.getText());
        chromium.wait.until(d -> !d.findElements(By.cssSelector("#resultaten li")).isEmpty());
        chromium.assertAccessible("results with an information card at 375 px");

        card.click();
        chromium.wait.until(ExpectedConditions.urlContains("/informatie/somber-of-angstig-na-de-bevalling"));
        String page = chromium.driver.findElement(By.tagName("main")).getText();
        assertTrue(page.contains("Wat je zelf kan doen"), page);
        assertTrue(page.contains("1813"), "urgent help on the page");
        assertTrue(page.contains("wolkinmijnhoofd.be"), "a self-help link the report names");
        chromium.assertAccessible("information page at 375 px");
        chromium.driver.findElement(By.linkText("Zoek hulp in je buurt")).click();
        chromium.wait.until(d -> !d.findElements(By.cssSelector("#resultaten li")).isEmpty());

        chromium.driver.get(base + "/informatie");
        chromium.waitForText("Informatie voor ouders");
        assertTrue(chromium.driver.findElements(By.cssSelector(".information-list li")).size() >= 10);
        chromium.assertAccessible("information overview at 375 px");

        // A search for something else shows no card: the card follows the need, not a shared word.
        chromium.driver.get(base + "/?q=logopedie");
        chromium.wait.until(d -> d.findElement(By.id("aantal")).getText().contains("resultat"));
        assertFalse(chromium.driver.findElement(By.id("informatie")).isDisplayed());
    }

    @Test
    void anEditorChangesAnInformationPageThroughReview() throws Exception {
        chromium.signIn(base, "schrijver@venpmg.be", TestAccounts.PASSWORD);
        open("#/informatie", "Een baby die veel huilt");
        chromium.assertAccessible("information pages for editors");
        chromium.driver.findElement(By.partialLinkText("Een baby die veel huilt")).click();
        chromium.waitForText("Nieuwe wijziging");
        WebElement summary = chromium.driver.findElement(By.cssSelector("input[name=summary]"));
        summary.clear();
        summary.sendKeys("Huilt je baby elke avond urenlang? Je staat er niet alleen voor: hier lees je wat helpt.");
        List<WebElement> reasons = chromium.driver.findElements(By.cssSelector("textarea[name=reason]"));
        reasons.get(reasons.size() - 1).sendKeys("Samenvatting herschreven na vragen van ouders");
        click(By.xpath("//button[normalize-space()='Concept opslaan']"));
        chromium.wait.until(ExpectedConditions.urlContains("#/wijziging/"));
        click(By.xpath("//button[contains(., 'Indienen')]"));
        chromium.wait.until(d -> d.findElement(By.tagName("main")).getText().contains("te beoordelen"));
        String changeUrl = chromium.driver.getCurrentUrl();
        // Not public before the second editor publishes it.
        assertFalse(api.get("/informatie/baby-huilt-veel").body().contains("urenlang"));

        chromium.signIn(base, "nalezer@venpmg.be", TestAccounts.PASSWORD);
        chromium.driver.get(changeUrl);
        chromium.driver.navigate().refresh();
        click(By.xpath("//button[contains(., 'Publiceren')]"));
        chromium.wait.until(d -> d.findElement(By.tagName("main")).getText().contains("gepubliceerd"));

        chromium.driver.get(base + "/informatie/baby-huilt-veel");
        assertTrue(chromium.driver.findElement(By.tagName("main")).getText().contains("elke avond urenlang"));
        IndexedCorpus.waitUntil(() -> api.get("/api/v1/search?q=onze%20zoon%20blijft%20maar%20krijsen").body()
                .contains("elke avond urenlang"), 10_000, "the card in search says the new summary");
    }

    @Test
    void aProfessionalGetsTheReferralAdviceAtPhoneWidthWithoutScript() {
        chromium.driver.get(base + "/voor-professionals");
        chromium.driver.findElement(By.partialLinkText("Verwijshulp")).click();
        chromium.waitForText("Verwijshulp voor professionals");
        chromium.assertAccessible("referral helper at 375 px");
        new org.openqa.selenium.support.ui.Select(chromium.driver.findElement(By.id("concern")))
                .selectByVisibleText("Postpartumdepressie");
        chromium.driver.findElement(By.cssSelector("label[for=ernst-severe]")).click();
        chromium.driver.findElement(By.cssSelector("label[for=fase-postpartum]")).click();
        new org.openqa.selenium.support.ui.Select(chromium.driver.findElement(By.id("home_support")))
                .selectByValue("limited");
        chromium.driver.findElement(By.id("postcode")).sendKeys("2000");
        chromium.driver.findElement(By.cssSelector("form.referral-form button[type=submit]")).click();
        chromium.waitForText("Advies");
        String advice = chromium.driver.findElement(By.id("advies")).getText();
        assertTrue(advice.contains("Module 5: residentieel"), advice);
        assertTrue(advice.contains("3de lijn"), advice);
        assertTrue(advice.contains("Aanbod in de buurt van Antwerpen"), advice);
        chromium.assertAccessible("referral advice at 375 px");
    }

    private void open(String view, String text) {
        chromium.openView(base + "/redactie" + view, text);
    }

    private void click(By button) {
        chromium.click(button);
    }
}
