package be.venpmg.nestkaart.geo;

import be.venpmg.nestkaart.MariaDbTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Service areas read from what editors and datasets write, and related to the Belgian places. */
@MicronautTest(environments = "test", transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceAreasTest implements MariaDbTestSupport {
    @Inject
    ServiceAreas areas;

    @Test
    void readsKeysDutchNamesAndBareNames() {
        assertEquals("province=Antwerpen", key("province=antwerpen"));
        assertEquals("province=West-Vlaanderen", key("Provincie West-Vlaanderen"));
        assertEquals("province=Limburg", key("Limburg"), "a bare province name is the province");
        assertEquals("municipality=Antwerpen", key("gemeente Antwerpen"));
        assertEquals("municipality=Gent", key("Gent"));
        assertEquals("municipality=Luik", key("Liège"), "French names give the Dutch municipality");
        assertEquals("municipality=Gent", key("Sint-Amandsberg"), "a locality gives its municipality");
        assertEquals("eerstelijnszone=Brugge", key("eerstelijnszone Brugge"));
        assertEquals("flanders_brussels", key("heel Vlaanderen en Brussel"));
        assertEquals("flanders_brussels", key("Vlaanderen"));
        assertEquals("remote", key("telefonisch of online"));
        assertEquals("remote", key("Online"));
        assertEquals("other=Kempen en omstreken", key("other=Kempen en omstreken"));
        assertTrue(areas.read("Atlantis").isEmpty(), "an unknown place is no area");
        assertTrue(areas.read("province=Atlantis").isEmpty());
        assertTrue(areas.read("").isEmpty());
    }

    @Test
    void aDatasetAreaIsReadByOurUriThenByItsNameAndOtherwiseKept() {
        ServiceArea province = new ServiceArea(ServiceArea.Scope.PROVINCE, "Oost-Vlaanderen");
        assertEquals(province, areas.recognise("whatever", province.uri()));
        ServiceArea zone = new ServiceArea(ServiceArea.Scope.EERSTELIJNSZONE, "Regio Aalst");
        assertEquals(zone, areas.recognise(null, zone.uri()), "a zone with a space survives its URI");
        assertEquals(province, areas.recognise("Provincie Oost-Vlaanderen", "http://example.com/x"));
        ServiceArea kept = areas.recognise("The MyCity area, postcodes AB1-AB3", null);
        assertEquals(ServiceArea.Scope.OTHER, kept.scope());
        assertEquals("The MyCity area, postcodes AB1-AB3", kept.label());
    }

    @Test
    void theAreasCoveringAPlaceAreItsProvinceMunicipalityAndZone() {
        List<String> keys = areas.covering(51.0543, 3.7174).stream().map(ServiceArea::key).toList(); // Gent
        assertTrue(keys.contains("province=Oost-Vlaanderen"), keys.toString());
        assertTrue(keys.contains("municipality=Gent"), keys.toString());
        assertTrue(keys.stream().anyMatch(k -> k.startsWith("eerstelijnszone=")), keys.toString());
    }

    @Test
    void anAreaOverlapsTheRegionsInsideAndAroundIt() {
        ServiceAreas.Regions zone = areas.overlapping(areas.read("eerstelijnszone Brugge").orElseThrow());
        assertTrue(zone.municipalities().contains("Brugge"));
        assertTrue(zone.provinces().contains("West-Vlaanderen"));
        ServiceAreas.Regions province = areas.overlapping(areas.read("provincie Limburg").orElseThrow());
        assertTrue(province.municipalities().contains("Hasselt") && province.localities().contains("Genk"));
        assertTrue(areas.overlapping(areas.read("online").orElseThrow()).municipalities().isEmpty());
        assertTrue(areas.choices().size() > 600, "every province, zone and municipality can be chosen");
    }

    private String key(String written) {
        return areas.read(written).map(ServiceArea::key).orElse(null);
    }
}
