package be.venpmg.nestkaart.geo;

import be.venpmg.nestkaart.MariaDbTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(environments = "test", transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PostalCodeDirectoryTest implements MariaDbTestSupport {
    @Inject
    PostalCodeDirectory postalCodes;

    @Test
    void loadsAllBelgianPostalCodes() {
        assertEquals(2721, postalCodes.size());
    }

    @Test
    void resolvesALocalityByNameIgnoringAccentsAndCase() {
        PostalPlace place = postalCodes.resolve("9051", "sint-denijs-westrem").orElseThrow();
        assertEquals("Gent", place.municipality());
        assertEquals("Oost-Vlaanderen", place.province());
        assertTrue(place.latitude() > 51.0 && place.latitude() < 51.1);
    }

    @Test
    void fallsBackToTheMainMunicipalityOfThePostalCode() {
        PostalPlace place = postalCodes.resolve("2000", "Onbekende Plaats").orElseThrow();
        assertEquals("Antwerpen", place.municipality());
        assertTrue(postalCodes.resolve("0000", "Nergens").isEmpty());
    }
}
