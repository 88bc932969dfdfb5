package be.venpmg.nestkaart.directory;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import be.venpmg.nestkaart.directory.ListingViews.OrganizationDetail;
import be.venpmg.nestkaart.directory.ListingViews.OrganizationSummary;
import be.venpmg.nestkaart.directory.ListingViews.ProfessionalView;
import be.venpmg.nestkaart.directory.ListingViews.ServiceDetail;
import be.venpmg.nestkaart.directory.ListingViews.ServiceSummary;
import be.venpmg.nestkaart.kernel.NotFoundException;
import be.venpmg.nestkaart.kernel.PageRequest;
import be.venpmg.nestkaart.kernel.PageView;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;

/** Read API for published listings: services, organisations and (consenting) professionals. */
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Directory")
@Controller("/api/v1")
class DirectoryController {
    private final ListingReader reader;
    private final PageRequest.Limits limits;

    DirectoryController(ListingReader reader, PageRequest.Limits limits) {
        this.reader = reader;
        this.limits = limits;
    }

    /** Published services, a page at a time. */
    @Get("/services")
    PageView<ServiceSummary> services(@Nullable @QueryValue String limit, @Nullable @QueryValue String page) {
        return reader.services(limits.parse(limit, page));
    }

    /** One published service with its organisation, locations and terms. */
    @Get("/services/{id}")
    ServiceDetail service(@PathVariable String id) {
        return reader.service(id).orElseThrow(() -> new NotFoundException("service", id));
    }

    /** Published organisations, a page at a time. */
    @Get("/organizations")
    PageView<OrganizationSummary> organizations(@Nullable @QueryValue String limit,
                                                @Nullable @QueryValue String page) {
        return reader.organizations(limits.parse(limit, page));
    }

    /** One published organisation with its services and locations. */
    @Get("/organizations/{id}")
    OrganizationDetail organization(@PathVariable String id) {
        return reader.organization(id).orElseThrow(() -> new NotFoundException("organization", id));
    }

    /** Professionals who consented to a public profile, a page at a time. */
    @Get("/professionals")
    PageView<ProfessionalView> professionals(@Nullable @QueryValue String limit,
                                             @Nullable @QueryValue String page) {
        return reader.professionals(limits.parse(limit, page));
    }

    /** One professional's public profile. */
    @Get("/professionals/{id}")
    ProfessionalView professional(@PathVariable String id) {
        return reader.professional(id).orElseThrow(() -> new NotFoundException("professional", id));
    }
}
