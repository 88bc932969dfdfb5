package be.venpmg.nestkaart.training;

import be.venpmg.nestkaart.BrowserTest;
import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.HeadlessChromium;
import be.venpmg.nestkaart.IndexedCorpus;
import be.venpmg.nestkaart.MariaDbTestSupport;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The course catalogue in real Chromium: search → filter → course page → a session's calendar file; axe clean. */
@BrowserTest
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CourseCatalogueBrowserTest implements MariaDbTestSupport {
    @Inject
    EmbeddedServer server;
    HeadlessChromium chromium;
    ApiClient api;

    @BeforeAll
    void start() throws Exception {
        api = new ApiClient(server.getURL());
        IndexedCorpus.waitUntil(() -> api.get("/api/v1/search?kind=course").json().path("total").asInt() == 7,
                30_000, "seed courses indexed");
        chromium = HeadlessChromium.start();
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void searchFilterOpenACourseAndTakeASessionIntoTheCalendar() {
        chromium.driver.get(server.getURL() + "/opleidingen");
        chromium.waitForText("7 opleidingen");
        chromium.assertAccessible("course catalogue");

        WebElement specialised = chromium.wait.until(ExpectedConditions.elementToBeClickable(By.id("f-level-gespecialiseerd")));
        specialised.click();
        chromium.wait.until(ExpectedConditions.urlContains("level=gespecialiseerd"));
        chromium.waitForText("3 opleidingen");
        chromium.driver.navigate().back();
        chromium.waitForText("7 opleidingen");

        chromium.driver.findElement(By.id("q")).sendKeys("basiskennis perinatale psychiatrie");
        chromium.driver.findElement(By.cssSelector("#opleidingen-zoeken button[type=submit]")).click();
        chromium.wait.until(ExpectedConditions.urlContains("q=basiskennis"));
        chromium.wait.until(d -> d.findElement(By.cssSelector("#resultaten li h3 a")).getText()
                .equals("Basiskennis Perinatale Psychiatrie en Infant Mental Health"));
        chromium.driver.findElement(By.cssSelector("#resultaten li h3 a")).click();

        chromium.wait.until(ExpectedConditions.urlContains("/opleiding/"));
        chromium.waitForText("plaatsen vrij");
        assertEquals("Basiskennis Perinatale Psychiatrie en Infant Mental Health",
                chromium.driver.findElement(By.tagName("h1")).getText());
        assertTrue(chromium.driver.findElement(By.cssSelector(".sessions")).getText().contains("Gent"));
        chromium.assertAccessible("course page");

        String ics = chromium.driver.findElement(By.linkText("Zet in je agenda (.ics)")).getAttribute("href");
        ApiClient.Response calendar = api.get(ics.substring(server.getURL().toString().length()));
        assertEquals(200, calendar.status());
        assertTrue(calendar.body().startsWith("BEGIN:VCALENDAR"));
    }
}
