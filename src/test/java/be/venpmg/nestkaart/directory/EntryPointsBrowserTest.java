package be.venpmg.nestkaart.directory;

import be.venpmg.nestkaart.ApiClient;
import be.venpmg.nestkaart.BrowserTest;
import be.venpmg.nestkaart.HeadlessChromium;
import be.venpmg.nestkaart.IndexedCorpus;
import be.venpmg.nestkaart.MariaDbTestSupport;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two ways in, on a phone-sized window in real Chromium: the start pages for parents and for professionals (axe
 * clean, each searching in its own mode), the poster addresses /hulp and /pro leading there, and a QR code that a
 * reader decodes to its address.
 */
@BrowserTest
@MicronautTest(environments = "test", transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntryPointsBrowserTest implements MariaDbTestSupport {
    private static final Pattern MODULE = Pattern.compile("M(\\d+) (\\d+)h1v1h-1z");

    @Inject
    EmbeddedServer server;
    HeadlessChromium chromium;
    ApiClient api;

    @BeforeAll
    void start() throws Exception {
        api = new ApiClient(server.getURL());
        IndexedCorpus.waitUntil(() -> api.get("/health").status() == 200, 60_000, "index open");
        chromium = HeadlessChromium.startAtPhoneWidth();
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void postersLeadParentsAndProfessionalsToTheirOwnStartPage() {
        chromium.driver.get(server.getURL() + "/hulp");
        chromium.wait.until(ExpectedConditions.urlContains("/voor-ouders"));
        chromium.waitForText("Hulp voor ouders en aanstaande ouders");
        assertTrue(chromium.driver.findElement(By.tagName("main")).getText().contains("1813"), "urgent help first");
        chromium.assertAccessible("start page for parents at 375 px");
        chromium.driver.findElement(By.id("q")).sendKeys("somber na de bevalling");
        chromium.driver.findElement(By.cssSelector("main form button[type=submit]")).click();
        chromium.wait.until(ExpectedConditions.urlContains("q=somber"));
        chromium.wait.until(d -> !d.findElements(By.cssSelector("#resultaten li")).isEmpty());
        assertTrue(chromium.driver.findElement(By.cssSelector("input[name=modus][value=ouders]")).isSelected());

        chromium.driver.get(server.getURL() + "/pro");
        chromium.wait.until(ExpectedConditions.urlContains("/voor-professionals"));
        chromium.waitForText("Per zorgmodule");
        chromium.assertAccessible("start page for professionals at 375 px");
        chromium.driver.findElement(By.linkText("Module 3: liaison")).click();
        chromium.wait.until(ExpectedConditions.urlContains("module=m3"));
        chromium.wait.until(d -> !d.findElements(By.cssSelector("#resultaten li")).isEmpty());
        assertTrue(chromium.driver.findElement(By.cssSelector("input[name=modus][value=professionals]")).isSelected(),
                "the professionals' mode");

        chromium.driver.get(server.getURL() + "/affiches");
        chromium.waitForText("QR-code downloaden");
        chromium.assertAccessible("posters page at 375 px");
        assertEquals(404, api.get("/qr/bestaat-niet.svg").status());
    }

    @Test
    void theQrCodeOfALandingAddressReadsAsThatAddress() throws Exception {
        String svg = api.get("/qr/hulp.svg").body();
        Matcher size = Pattern.compile("viewBox=\"0 0 (\\d+) (\\d+)\"").matcher(svg);
        assertTrue(size.find());
        int modules = Integer.parseInt(size.group(1));
        int scale = 8;
        int[] pixels = new int[modules * scale * modules * scale];
        Arrays.fill(pixels, 0xFFFFFFFF);
        Matcher dark = MODULE.matcher(svg);
        while (dark.find()) {
            int x = Integer.parseInt(dark.group(1));
            int y = Integer.parseInt(dark.group(2));
            for (int dy = 0; dy < scale; dy++) {
                Arrays.fill(pixels, (y * scale + dy) * modules * scale + x * scale,
                        (y * scale + dy) * modules * scale + (x + 1) * scale, 0xFF000000);
            }
        }
        BinaryBitmap image = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(modules * scale, modules * scale, pixels)));
        assertEquals(server.getURL() + "/hulp", new QRCodeReader().decode(image).getText());
    }
}
