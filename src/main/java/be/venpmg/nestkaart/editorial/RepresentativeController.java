package be.venpmg.nestkaart.editorial;

import be.venpmg.nestkaart.access.CurrentAccount;
import be.venpmg.nestkaart.access.Roles;
import be.venpmg.nestkaart.kernel.NotFoundException;
import be.venpmg.nestkaart.kernel.ReportAge;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An organisation's representative keeps its facts current: the organisation, its services and locations, and the
 * services' availability. Every change goes to the editors' review; what waits is listed.
 */
@Tag(name = "My organisation (representatives)")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "session")
@Controller("/api/v1/my-organization")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.REPRESENTATIVE)
class RepresentativeController {
    private static final String AVAILABILITY_REASON = "Beschikbaarheid gemeld door de organisatie";
    private final Workflow workflow;
    private final LiveListings live;
    private final ChangeStore changes;
    private final ReportAge reportAge;
    private final Clock clock;

    RepresentativeController(Workflow workflow, LiveListings live, ChangeStore changes, ReportAge reportAge,
                             Clock clock) {
        this.workflow = workflow;
        this.live = live;
        this.changes = changes;
        this.reportAge = reportAge;
        this.clock = clock;
    }

    /** A service with whether its reported availability is still believed. */
    @Serdeable
    record ServiceAvailability(LiveListings.OwnService service, boolean outdated) {
    }

    @Serdeable
    record Overview(Workflow.Listing organization, List<ServiceAvailability> services, List<Change> pending) {
    }

    /** Fields to change and why. */
    @Serdeable
    record Edit(@Nullable Map<String, Object> fields, @Nullable String reason) {
    }

    /** Availability as the organisation reports it today. */
    @Serdeable
    record Availability(@Nullable Integer waitingWeeks, @Nullable String acceptingNew) {
    }

    /** The representative's organisation with its services and their availability. */
    @Get
    Overview overview(Authentication auth) {
        String organization = CurrentAccount.of(auth).organizationId();
        return new Overview(workflow.listing(ListingKind.ORGANIZATION, organization),
                live.servicesOf(organization).stream().map(s -> new ServiceAvailability(s,
                        reportAge.isOutdated(s.waitingReportedOn()))).toList(),
                changes.openOfOrganization(organization));
    }

    /** One of the organisation's services with its changes and history, to edit it. */
    @Get("/services/{id}")
    Workflow.Listing service(Authentication auth, @PathVariable String id) {
        return workflow.listing(ListingKind.SERVICE, own(auth, id));
    }

    /** Proposes a change to a listing of the representative's organisation, for review. */
    @Post("/listings/{type}/{id}/changes")
    HttpResponse<Change> change(Authentication auth, @PathVariable String type, @PathVariable String id,
                                @Body Edit edit) {
        return HttpResponse.created(workflow.proposeOrAmend(ListingKind.named(type), id,
                edit.fields() == null ? Map.of() : edit.fields(), edit.reason(), CurrentAccount.of(auth)));
    }

    /** Reports the waiting time and whether new requests are taken, as of today. */
    @Post("/services/{id}/availability")
    HttpResponse<Change> availability(Authentication auth, @PathVariable String id, @Body Availability reported) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("waiting_weeks", reported.waitingWeeks());
        fields.put("accepting_new", reported.acceptingNew());
        fields.put("waiting_reported_on", LocalDate.now(clock).toString());
        return HttpResponse.created(workflow.proposeOrAmend(ListingKind.SERVICE, own(auth, id), fields,
                AVAILABILITY_REASON, CurrentAccount.of(auth)));
    }

    /** In one click: the availability reported before still holds today. */
    @Post("/services/{id}/availability/confirm")
    HttpResponse<Change> confirm(Authentication auth, @PathVariable String id) {
        return HttpResponse.created(workflow.proposeOrAmend(ListingKind.SERVICE, own(auth, id),
                Map.of("waiting_reported_on", LocalDate.now(clock).toString()),
                AVAILABILITY_REASON + ": nog steeds juist", CurrentAccount.of(auth)));
    }

    /** A service of the representative's organisation (others are not found, as for anyone without access). */
    private String own(Authentication auth, String serviceId) {
        String organization = CurrentAccount.of(auth).organizationId();
        return live.servicesOf(organization).stream().map(LiveListings.OwnService::id).filter(serviceId::equals)
                .findFirst().orElseThrow(() -> new NotFoundException("service", serviceId));
    }
}
