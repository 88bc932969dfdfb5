package be.venpmg.nestkaart.geo;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** The service areas a service can have: what editors pick from and API clients write. */
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Taxonomies")
@Controller("/api/v1/service-areas")
class ServiceAreaController {
    private final ServiceAreas serviceAreas;

    ServiceAreaController(ServiceAreas serviceAreas) {
        this.serviceAreas = serviceAreas;
    }

    /** A choice: the key to send ({@code province=Antwerpen}) and its Dutch name. */
    @Serdeable
    record Choice(String key, String label, String scope) {
    }

    /** Every area: all of Flanders and Brussels, by phone or online, provinces, eerstelijnszones, municipalities. */
    @Get
    List<Choice> list() {
        return serviceAreas.choices().stream().map(a -> new Choice(a.key(), a.label(), a.scope().wire())).toList();
    }
}
