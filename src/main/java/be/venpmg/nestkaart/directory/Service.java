package be.venpmg.nestkaart.directory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.LocalDate;
import java.time.LocalDateTime;

/** A service (aanbod): what an organisation offers. HSDS fields plus waiting time and access. */
@MappedEntity("public_service") // the public view: see V11__public_views.sql
public record Service(@Id String id, @Nullable String organizationId, String name, @Nullable String alternateName,
                      @Nullable String description, @Nullable String url, @Nullable String email, String status,
                      @Nullable String interpretationServices, @Nullable String applicationProcess,
                      @Nullable String feesDescription, @Nullable String waitTime, @Nullable Integer waitingWeeks,
                      @Nullable LocalDate waitingReportedOn, @Nullable Boolean referralRequired,
                      @Nullable String eligibilityDescription, @Nullable Double minimumAge,
                      @Nullable Double maximumAge, @Nullable String alert, String publicationStatus,
                      @Nullable LocalDateTime verifiedAt, @Nullable String acceptingNew,
                      @Nullable Integer ageMinMonths, @Nullable Integer ageMaxMonths, @Nullable String referralRoute,
                      @Nullable String offerStatus, @Nullable String socialeKaartId) {
}
