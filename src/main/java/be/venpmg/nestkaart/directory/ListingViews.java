package be.venpmg.nestkaart.directory;

import be.venpmg.nestkaart.quality.PublicQuality;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/** The JSON shapes of listings in the read API. */
public final class ListingViews {
    private ListingViews() {
    }

    @Serdeable
    public record TermView(String id, @Nullable String code, String name) {
    }

    @Serdeable
    public record OrganizationRef(String id, String name) {
    }

    @Serdeable
    public record LocationView(String id, @Nullable String name, String locationType, @Nullable BigDecimal latitude,
                               @Nullable BigDecimal longitude, @Nullable String coordinatesSource,
                               @Nullable String transportation, List<Address> addresses) {
    }

    @Serdeable
    /** Availability as reported: weeks, whether new requests are taken; {@code outdated} once too old to believe. */
    public record WaitingTime(@Nullable Integer weeks, @Nullable LocalDate reportedOn, @Nullable String text,
                              @Nullable String acceptingNew, boolean outdated) {
    }

    @Serdeable
    public record ServiceSummary(String id, String name, @Nullable OrganizationRef organization,
                                 @Nullable String description, String status, Map<String, List<TermView>> terms,
                                 @Nullable LocalDateTime verifiedAt) {
    }

    /** A region the service serves besides its places: its key ({@code province=Antwerpen}) and Dutch name. */
    @Serdeable
    public record AreaView(String key, String label) {
    }

    @Serdeable
    public record ServiceDetail(String id, String name, @Nullable String alternateName, @Nullable String description,
                                String status, @Nullable String url, @Nullable String email,
                                @Nullable OrganizationRef organization, List<LocationView> locations,
                                List<Phone> phones, List<String> languages, List<CostOption> costOptions,
                                List<Schedule> schedules, List<AreaView> serviceAreas,
                                Map<String, List<TermView>> terms, @Nullable WaitingTime waitingTime, @Nullable Boolean referralRequired,
                                @Nullable String applicationProcess, @Nullable String eligibilityDescription,
                                @Nullable String feesDescription, @Nullable String alert,
                                @Nullable LocalDateTime verifiedAt, @Nullable String referralRoute,
                                @Nullable Integer ageMinMonths, @Nullable Integer ageMaxMonths,
                                @Nullable String offerStatus, @Nullable String socialeKaartId) {
    }

    @Serdeable
    public record OrganizationSummary(String id, String name, String description, @Nullable String website,
                                      Map<String, List<TermView>> terms, @Nullable LocalDateTime verifiedAt) {
    }

    @Serdeable
    public record OrganizationDetail(String id, String name, @Nullable String alternateName, String description,
                                     @Nullable String email, @Nullable String website, List<LocationView> locations,
                                     List<Phone> phones, Map<String, List<TermView>> terms,
                                     List<ServiceRef> services, @Nullable LocalDateTime verifiedAt,
                                     List<String> qualityLabels, @Nullable String socialeKaartId) {
    }

    @Serdeable
    public record ServiceRef(String id, String name) {
    }

    @Serdeable
    public record AffiliationView(String organizationId, String organizationName, @Nullable String role) {
    }

    @Serdeable
    public record ProfessionalView(String id, String givenName, String familyName, @Nullable String description,
                                   @Nullable String website, List<String> languages,
                                   Map<String, List<TermView>> terms, List<AffiliationView> affiliations,
                                   @Nullable LocalDateTime verifiedAt, @Nullable PublicQuality.Level recognition) {
    }
}
