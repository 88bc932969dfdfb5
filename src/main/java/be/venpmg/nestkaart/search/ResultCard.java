package be.venpmg.nestkaart.search;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;

/**
 * A result card: what the index stores about a listing (written by {@link ListingDocumentLoader}), plus the score,
 * distance and highlighted snippet of this answer.
 *
 * @param terms  taxonomy dimension → the listing's terms
 * @param area   the coarse mark of whom it serves beyond its places: everywhere or remote
 * @param areas  the service areas it serves, with their Dutch names
 */
@Serdeable
public record ResultCard(String id, String kind, String name, @Nullable Organization organization,
                         @Nullable String description, @Nullable List<String> phones, @Nullable Map<String, List<Term>> terms,
                         @Nullable List<Place> places, @Nullable List<String> languages,
                         @Nullable List<String> reimbursement, @Nullable Boolean referralRequired,
                         @Nullable WaitingTime waitingTime, @Nullable String verifiedAt, @Nullable String area,
                         @Nullable List<Area> areas, @Nullable String recognition, @Nullable String level,
                         @Nullable String courseFormat, @Nullable String courseKind, @Nullable String courseStatus,
                         @Nullable String accredited, @Nullable String upcoming,
                         @Nullable Float score, @Nullable Double distanceKm, @Nullable String snippet) {

    @Serdeable
    public record Organization(String id, @Nullable String name) {
    }

    @Serdeable
    public record Term(String code, String label) {
    }

    @Serdeable
    public record Place(@Nullable String locality, @Nullable String municipality, @Nullable String postalCode,
                        @Nullable String province, @Nullable Double latitude, @Nullable Double longitude) {
    }

    @Serdeable
    public record WaitingTime(@Nullable Integer weeks, @Nullable String reportedOn, @Nullable String acceptingNew,
                              @Nullable Boolean outdated) {
    }

    @Serdeable
    public record Area(String key, String label) {
    }

    /** This card with what the answer adds: its score, its distance from the place asked, its snippet. */
    ResultCard scored(@Nullable Float newScore, @Nullable Double km, @Nullable String newSnippet) {
        return new ResultCard(id, kind, name, organization, description, phones, terms, places, languages, reimbursement,
                referralRequired, waitingTime, verifiedAt, area, areas, recognition, level, courseFormat, courseKind,
                courseStatus, accredited,
                upcoming, newScore, km, newSnippet);
    }
}
