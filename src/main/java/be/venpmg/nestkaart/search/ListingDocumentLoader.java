package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.geo.ServiceArea;
import be.venpmg.nestkaart.geo.ServiceAreas;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import be.venpmg.nestkaart.kernel.ReportAge;
import be.venpmg.nestkaart.kernel.SafeMarkdown;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.Set;

/**
 * Reads published listings from the database and assembles their {@link SearchDocument}s: a handful of set-based
 * queries per batch, never one per listing.
 */
@Singleton
public class ListingDocumentLoader {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 1000;
    private static final int MAX_CARD_PHONES = 2;

    private final JdbcOperations jdbc;
    private final IndexConfigHolder config;
    private final be.venpmg.nestkaart.geo.PostalCodeDirectory postalCodes;
    private final ServiceAreas serviceAreas;
    private final java.time.Clock clock;
    private final ReportAge reportAge;
    private final SafeMarkdown markdown;

    ListingDocumentLoader(JdbcOperations jdbc, IndexConfigHolder config, ReportAge reportAge, SafeMarkdown markdown,
                          be.venpmg.nestkaart.geo.PostalCodeDirectory postalCodes, ServiceAreas serviceAreas,
                          java.time.Clock clock) {
        this.clock = clock;
        this.markdown = markdown;
        this.reportAge = reportAge;
        this.jdbc = jdbc;
        this.config = config;
        this.postalCodes = postalCodes;
        this.serviceAreas = serviceAreas;
    }

    /**
     * Every public listing, read in one transaction so they agree with each other, handed to {@code sink} a chunk at
     * a time as it is read: a rebuild never holds the whole directory in memory.
     */
    @ReadOnly
    public void eachPublic(Consumer<List<SearchDocument>> sink) {
        jdbc.execute(c -> {
            for (String kind : List.of("service", "organization", "professional", "course", IndexSchema.PAGE)) {
                for (List<String> chunk : chunks(ids(c, "SELECT id FROM " + PUBLIC_VIEWS.get(kind) + " ORDER BY id"))) {
                    sink.accept(switch (kind) {
                        case "service" -> services(c, chunk);
                        case "organization" -> organizations(c, chunk);
                        case "professional" -> professionals(c, chunk);
                        case "course" -> courses(c, chunk);
                        default -> pages(c, chunk);
                    });
                }
            }
            return null;
        });
    }

    private static final Map<String, String> PUBLIC_VIEWS = Map.of("service", "public_service",
            "organization", "public_organization", "professional", "public_professional", "course", "public_course",
            IndexSchema.PAGE, "public_info_page");

    private static List<String> ids(Connection c, String sql) throws SQLException {
        List<String> ids = new ArrayList<>();
        query(c, sql, null, null, rs -> ids.add(rs.getString(1)));
        return ids;
    }

    /** The public ones among the listings named; one not returned is unpublished or gone. */
    @ReadOnly
    public List<SearchDocument> some(Collection<String> services, Collection<String> organizations,
                                     Collection<String> professionals, Collection<String> courses,
                                     Collection<String> pages) {
        return jdbc.execute(c -> {
            List<SearchDocument> documents = new ArrayList<>(services(c, services));
            documents.addAll(organizations(c, organizations));
            documents.addAll(professionals(c, professionals));
            documents.addAll(courses(c, courses));
            documents.addAll(pages(c, pages));
            return documents;
        });
    }

    /** The published, active services among {@code ids}. */
    private List<SearchDocument> services(Connection c, Collection<String> ids) throws SQLException {
        postalCodes.size(); // the places are loaded, and with them every address has its eerstelijnszone
        List<SearchDocument> documents = new ArrayList<>();
        for (List<String> chunk : chunks(ids)) {
            List<Row> rows = new ArrayList<>();
            query(c, """
                    SELECT s.id, s.name, s.description, s.waiting_weeks, s.waiting_reported_on, s.referral_required,
                           s.verified_at, o.id, o.name, CONCAT_WS(' ', s.alternate_name, o.alternate_name),
                           COALESCE(s.last_modified, s.updated_at), s.accepting_new
                    FROM public_service s LEFT JOIN organization o ON o.id = s.organization_id
                    WHERE s.status IN ('active', 'temporarily closed')""", "s.id", chunk, rs -> rows.add(
                    new Row(rs.getString(1), rs.getString(2), rs.getString(3), (Integer) rs.getObject(4),
                            rs.getString(5), (Boolean) rs.getObject(6), rs.getString(7), rs.getString(8),
                            rs.getString(9), rs.getString(10), rs.getObject(11, java.time.LocalDateTime.class),
                            rs.getString(12))));
            if (rows.isEmpty()) {
                continue;
            }
            List<String> serviceIds = rows.stream().map(Row::id).toList();
            List<String> linkIds = new ArrayList<>(serviceIds);
            rows.stream().map(Row::organizationId).filter(java.util.Objects::nonNull).distinct().forEach(linkIds::add);
            Map<String, List<TermRef>> terms = terms(c, linkIds);
            Map<String, List<SearchDocument.Place>> places = places(c, """
                    SELECT sal.service_id, l.latitude, l.longitude, a.postal_code, COALESCE(a.municipality, a.city),
                           a.province, a.eerstelijnszone, a.city
                    FROM service_at_location sal JOIN public_location l ON l.id = sal.location_id
                    LEFT JOIN address a ON a.location_id = l.id
                    WHERE TRUE""", "sal.service_id", serviceIds);
            Map<String, List<String>> languages = strings(c,
                    "SELECT service_id, code FROM language WHERE code IS NOT NULL", "service_id", serviceIds);
            Map<String, List<String>> reimbursement = strings(c,
                    "SELECT service_id, reimbursement FROM cost_option WHERE reimbursement IS NOT NULL", "service_id",
                    serviceIds);
            Map<String, List<String>> phones = phones(c, "SELECT service_id, number FROM phone WHERE TRUE",
                    "service_id", serviceIds);
            Map<String, List<String>> sitePhones = phones(c, """
                    SELECT sal.service_id, p.number FROM service_at_location sal
                    JOIN public_location l ON l.id = sal.location_id JOIN phone p ON p.location_id = l.id
                    WHERE TRUE""", "sal.service_id", serviceIds);
            Map<String, List<ServiceArea>> areas = new HashMap<>();
            query(c, "SELECT service_id, scope, code, name FROM service_area WHERE scope IS NOT NULL", "service_id",
                    serviceIds, rs -> areas.computeIfAbsent(rs.getString(1),
                            k -> new ArrayList<>()).add(ServiceArea.stored(rs.getString(2), rs.getString(3), rs.getString(4))));
            for (Row row : rows) {
                List<TermRef> serviceTerms = terms.getOrDefault(row.id(), List.of());
                List<TermRef> own = new ArrayList<>(serviceTerms);
                own.addAll(terms.getOrDefault(row.organizationId(), List.of()));
                SearchDocument.Links links = new SearchDocument.Links(row.organizationId(),
                        serviceTerms.stream().map(TermRef::termId).distinct().toList(),
                        serviceTerms.stream().map(TermRef::taxonomyId).filter(java.util.Objects::nonNull).distinct()
                                .toList(),
                        // Stored as UTC, as the HSDS API's modified_after compares it.
                        row.modified() == null ? null : row.modified().toInstant(java.time.ZoneOffset.UTC).toEpochMilli());
                List<SearchDocument.Facet> extra = new ArrayList<>();
                reimbursement.getOrDefault(row.id(), List.of()).stream().distinct()
                        .forEach(r -> extra.add(new SearchDocument.Facet(IndexSchema.REIMBURSEMENT, r)));
                if (row.referralRequired() != null) {
                    extra.add(new SearchDocument.Facet(IndexSchema.ACCESS, row.referralRequired() ? "referral" : "direct"));
                }
                List<String> numbers = phones.containsKey(row.id()) ? phones.get(row.id())
                        : sitePhones.getOrDefault(row.id(), List.of());
                documents.add(document("service", row, own, places.getOrDefault(row.id(), List.of()),
                        languages.getOrDefault(row.id(), List.of()), extra, reimbursement.getOrDefault(row.id(), List.of()),
                        areas.getOrDefault(row.id(), List.of()), links, numbers));
            }
        }
        return documents;
    }

    /**
     * The published courses among {@code ids}. Sessions to come give the places (region filters) and the
     * "upcoming" facet; the provider stands where a service has its organisation. "To come" and "accredited" are
     * judged by the application's clock at indexing; the daily re-index ({@link IndexMaintainer}) keeps them true.
     */
    private List<SearchDocument> courses(Connection c, Collection<String> ids) throws SQLException {
        // Session times are local (Belgian) times; the literals come from the clock, never from input.
        String now = "TIMESTAMP '" + java.time.LocalDateTime.now(clock).withNano(0).toString().replace('T', ' ') + "'";
        String today = "DATE '" + java.time.LocalDate.now(clock) + "'";
        List<SearchDocument> documents = new ArrayList<>();
        for (List<String> chunk : chunks(ids)) {
            List<Row> rows = new ArrayList<>();
            Map<String, List<SearchDocument.Facet>> facets = new HashMap<>();
            query(c, """
                    SELECT k.id, k.name, CONCAT_WS(' ', k.summary, k.learning_goals), k.verified_at,
                           k.provider_organization_id, COALESCE(o.name, k.provider_name), k.level, k.format,
                           k.accreditation_reference IS NOT NULL AND (k.accreditation_valid_until IS NULL
                               OR k.accreditation_valid_until >= %2$s),
                           EXISTS (SELECT 1 FROM course_session s WHERE s.course_id = k.id AND s.status = 'scheduled'
                               AND s.starts_at >= %1$s), k.counts_as, k.course_status
                    FROM public_course k LEFT JOIN public_organization o ON o.id = k.provider_organization_id
                    WHERE TRUE""".formatted(now, today), "k.id", chunk, rs -> {
                rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), null));
                facets.put(rs.getString(1), List.of(new SearchDocument.Facet(IndexSchema.COURSE_LEVEL, rs.getString(7)),
                        new SearchDocument.Facet(IndexSchema.COURSE_FORMAT, rs.getString(8)),
                        new SearchDocument.Facet(IndexSchema.ACCREDITED, rs.getBoolean(9) ? "ja" : "nee"),
                        new SearchDocument.Facet(IndexSchema.UPCOMING, rs.getBoolean(10) ? "ja" : "nee"),
                        new SearchDocument.Facet(IndexSchema.COURSE_KIND, rs.getString(11)),
                        new SearchDocument.Facet(IndexSchema.COURSE_STATUS, rs.getString(12))));
            });
            if (rows.isEmpty()) {
                continue;
            }
            List<String> courseIds = rows.stream().map(Row::id).toList();
            Map<String, List<TermRef>> terms = terms(c, courseIds);
            Map<String, List<SearchDocument.Place>> places = places(c, """
                    SELECT s.course_id, MIN(g.latitude), MIN(g.longitude), g.postal_code, MIN(g.municipality),
                           MIN(g.province), MIN(g.eerstelijnszone), MIN(g.locality)
                    FROM course_session s JOIN geo_postal_code g ON g.postal_code = s.postal_code
                    WHERE s.status = 'scheduled' AND s.ends_at >= %s""".formatted(now), "s.course_id", courseIds,
                    " GROUP BY s.course_id, g.postal_code");
            for (Row row : rows) {
                documents.add(document("course", row, terms.getOrDefault(row.id(), List.of()),
                        places.getOrDefault(row.id(), List.of()), List.of(), facets.get(row.id()), List.of(), List.of(),
                        SearchDocument.Links.NONE, List.of()));
            }
        }
        return documents;
    }

    /**
     * The published information pages among {@code ids}. Their text is found like a listing's; their terms
     * are the needs for which a search shows the page above its results. The card carries the page's address and
     * summary, not its body.
     */
    private List<SearchDocument> pages(Connection c, Collection<String> ids) throws SQLException {
        List<SearchDocument> documents = new ArrayList<>();
        for (List<String> chunk : chunks(ids)) {
            List<Row> rows = new ArrayList<>();
            Map<String, String[]> cards = new HashMap<>();
            query(c, "SELECT p.id, p.title, p.summary, p.body, p.verified_at, p.slug FROM public_info_page p WHERE TRUE",
                    "p.id", chunk, rs -> {
                        rows.add(new Row(rs.getString(1), rs.getString(2),
                                rs.getString(3) + "\n" + markdown.plainText(rs.getString(4)), rs.getString(5), null,
                                null, null));
                        cards.put(rs.getString(1), new String[] {rs.getString(6), rs.getString(3)});
                    });
            if (rows.isEmpty()) {
                continue;
            }
            Map<String, List<TermRef>> terms = terms(c, rows.stream().map(Row::id).toList());
            for (Row row : rows) {
                SearchDocument document = document(IndexSchema.PAGE, row, terms.getOrDefault(row.id(), List.of()),
                        List.of(), List.of(), List.of(), List.of(), List.of(), SearchDocument.Links.NONE, List.of());
                ObjectNode card;
                try {
                    card = (ObjectNode) JSON.readTree(document.summaryJson());
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException("A card this loader wrote does not read back", e);
                }
                card.put("slug", cards.get(row.id())[0]).put("description", cards.get(row.id())[1]);
                documents.add(document.withSummary(card.toString()));
            }
        }
        return documents;
    }

    private static final Set<String> CARD_FACETS = Set.of(IndexSchema.RECOGNITION, IndexSchema.COURSE_LEVEL,
            IndexSchema.COURSE_FORMAT, IndexSchema.COURSE_KIND, IndexSchema.COURSE_STATUS, IndexSchema.ACCREDITED,
            IndexSchema.UPCOMING);

    /** The published organisations among {@code ids}. */
    private List<SearchDocument> organizations(Connection c, Collection<String> ids) throws SQLException {
        List<SearchDocument> documents = new ArrayList<>();
        for (List<String> chunk : chunks(ids)) {
            List<Row> rows = new ArrayList<>();
            query(c, """
                    SELECT o.id, o.name, o.description, o.verified_at, o.alternate_name FROM public_organization o
                    WHERE TRUE""", "o.id", chunk, rs -> rows.add(new Row(rs.getString(1),
                    rs.getString(2), rs.getString(3), rs.getString(4), null, null, rs.getString(5))));
            if (rows.isEmpty()) {
                continue;
            }
            List<String> orgIds = rows.stream().map(Row::id).toList();
            Map<String, List<TermRef>> terms = terms(c, orgIds);
            Map<String, List<SearchDocument.Place>> places = places(c, """
                    SELECT l.organization_id, l.latitude, l.longitude, a.postal_code, COALESCE(a.municipality, a.city),
                           a.province, a.eerstelijnszone, a.city
                    FROM public_location l LEFT JOIN address a ON a.location_id = l.id
                    WHERE TRUE""", "l.organization_id", orgIds);
            Map<String, List<String>> phones = phones(c, "SELECT organization_id, number FROM phone WHERE TRUE",
                    "organization_id", orgIds);
            for (Row row : rows) {
                documents.add(document("organization", row, terms.getOrDefault(row.id(), List.of()),
                        places.getOrDefault(row.id(), List.of()), List.of(), List.of(), List.of(), List.of(),
                        SearchDocument.Links.NONE, phones.getOrDefault(row.id(), List.of())));
            }
        }
        return documents;
    }

    /** The published professionals among {@code ids} who consented to a public profile. */
    private List<SearchDocument> professionals(Connection c, Collection<String> ids) throws SQLException {
        List<SearchDocument> documents = new ArrayList<>();
        Map<String, String> recognition = new HashMap<>();
        for (List<String> chunk : chunks(ids)) {
            List<Row> rows = new ArrayList<>();
            query(c, """
                    SELECT p.id, CONCAT(p.given_name, ' ', p.family_name), p.description, p.verified_at, r.level
                    FROM public_professional p LEFT JOIN recognition r ON r.professional_id = p.id
                    WHERE TRUE""", "p.id", chunk,
                    rs -> {
                        rows.add(new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), null,
                                null, null));
                        if (rs.getString(5) != null) {
                            recognition.put(rs.getString(1), rs.getString(5));
                        }
                    });
            if (rows.isEmpty()) {
                continue;
            }
            List<String> personIds = rows.stream().map(Row::id).toList();
            Map<String, List<TermRef>> terms = terms(c, personIds);
            Map<String, List<SearchDocument.Place>> places = places(c, """
                    SELECT pa.professional_id, l.latitude, l.longitude, a.postal_code, COALESCE(a.municipality, a.city),
                           a.province, a.eerstelijnszone, a.city
                    FROM professional_affiliation pa JOIN public_location l ON l.id = pa.location_id
                    LEFT JOIN address a ON a.location_id = l.id
                    WHERE TRUE""", "pa.professional_id", personIds);
            Map<String, List<String>> languages = strings(c,
                    "SELECT professional_id, code FROM language WHERE code IS NOT NULL", "professional_id", personIds);
            for (Row row : rows) {
                documents.add(document("professional", row, terms.getOrDefault(row.id(), List.of()),
                        places.getOrDefault(row.id(), List.of()), languages.getOrDefault(row.id(), List.of()),
                        recognition.containsKey(row.id())
                                ? List.of(new SearchDocument.Facet(IndexSchema.RECOGNITION, recognition.get(row.id())))
                                : List.of(), List.of(), List.of(), SearchDocument.Links.NONE, List.of()));
            }
        }
        return documents;
    }

    private SearchDocument document(String kind, Row row, List<TermRef> terms, List<SearchDocument.Place> places,
                                    List<String> languages, List<SearchDocument.Facet> extraFacets,
                                    List<String> reimbursement, List<ServiceArea> areas, SearchDocument.Links links,
                                    List<String> phones) {
        IndexConfig settings = config.current();
        Map<String, String> dimensionOf = settings.facetOfTaxonomy();
        List<String> concepts = new ArrayList<>();
        List<SearchDocument.Facet> facets = new ArrayList<>(extraFacets);
        ObjectNode summary = JSON.createObjectNode();
        summary.put("id", row.id()).put("kind", kind).put("name", row.name());
        // The card shows the single-valued facts a kind adds (a professional's recognition, a course's level …).
        extraFacets.stream().filter(f -> CARD_FACETS.contains(f.dimension()))
                .forEach(f -> summary.put(f.dimension(), f.value()));
        if (row.organizationId() != null) {
            summary.putObject("organization").put("id", row.organizationId()).put("name", row.organizationName());
        }
        summary.put("description", row.description());
        // A parent on a phone calls from the card: the first numbers, the listing's own or else its sites'.
        phones.stream().distinct().limit(MAX_CARD_PHONES).forEach(number -> summary.withArray("phones").add(number));
        ObjectNode termsNode = summary.putObject("terms");
        Set<String> seen = new LinkedHashSet<>();
        for (TermRef term : terms) {
            if (!seen.add(term.termId())) {
                continue;
            }
            concepts.add(term.label() + (term.code() == null ? "" : " " + term.code().replace('_', ' ')));
            concepts.addAll(term.synonyms());
            String dimension = dimensionOf.get(term.taxonomy());
            if (dimension != null && term.code() != null) {
                facets.add(new SearchDocument.Facet(dimension, term.code()));
                termsNode.withArray(dimension).addObject().put("code", term.code()).put("label", term.label());
            }
        }
        List<String> placeTexts = new ArrayList<>();
        ArrayNode placesNode = summary.putArray("places");
        Set<String> provinces = new LinkedHashSet<>();
        for (SearchDocument.Place place : places) {
            placeTexts.add(String.join(" ", nonNull(place.municipality()), nonNull(place.locality()),
                    nonNull(place.postalCode())));
            ObjectNode p = placesNode.addObject().put("locality", place.locality())
                    .put("municipality", place.municipality())
                    .put("postal_code", place.postalCode()).put("province", place.province());
            if (place.latitude() != null) {
                p.put("latitude", place.latitude()).put("longitude", place.longitude());
            }
            if (place.province() != null) {
                provinces.add(place.province());
            }
        }
        provinces.forEach(p -> facets.add(new SearchDocument.Facet(IndexSchema.PROVINCE, p)));
        List<SearchDocument.Facet> servedRegions = kind.equals("service")
                ? served(places, facets, areas, summary) : List.of();
        List<String> languageTexts = new ArrayList<>();
        for (String code : new LinkedHashSet<>(languages)) {
            facets.add(new SearchDocument.Facet(IndexSchema.LANGUAGE, code));
            languageTexts.add(settings.languageNames(code));
            summary.withArray("languages").add(code);
        }
        new LinkedHashSet<>(reimbursement).forEach(r -> summary.withArray("reimbursement").add(r));
        if (row.referralRequired() != null) {
            summary.put("referral_required", row.referralRequired());
        }
        // An availability reported too long ago shows as unknown and leaves the waiting-time filter (ReportAge).
        boolean outdated = row.waitingReportedOn() != null
                && reportAge.isOutdated(java.time.LocalDate.parse(row.waitingReportedOn().substring(0, 10)));
        Integer waitingWeeks = outdated ? null : row.waitingWeeks();
        if (row.waitingWeeks() != null || row.acceptingNew() != null) {
            ObjectNode waiting = summary.putObject("waiting_time");
            if (waitingWeeks != null) {
                waiting.put("weeks", waitingWeeks);
            }
            waiting.put("reported_on", row.waitingReportedOn());
            if (!outdated && row.acceptingNew() != null) {
                waiting.put("accepting_new", row.acceptingNew());
            }
            if (outdated) {
                waiting.put("outdated", true);
            }
        }
        summary.put("verified_at", row.verifiedAt());
        // Former and other names (HSDS alternate_name) are found like the provider's name, but not shown.
        String organizationText = row.alternateNames() == null || row.alternateNames().isBlank()
                ? row.organizationName() : String.join(" . ", nonNull(row.organizationName()), row.alternateNames());
        return new SearchDocument(kind, row.id(), row.name(), row.description(), organizationText, concepts,
                languageTexts, placeTexts, places, facets, waitingWeeks, summary.toString(), servedRegions, links);
    }

    /**
     * Whom a service serves besides its own places: the areas editors or datasets gave it; by phone or online it also
     * reaches people far from its address; without a place or an area it serves everyone (helplines). Each area is a
     * facet (near-searches include what covers the place) and gives the regions it overlaps (region filters find
     * it); the card names them ("area" keeps the coarse mark: everywhere or remote).
     */
    private List<SearchDocument.Facet> served(List<SearchDocument.Place> places, List<SearchDocument.Facet> facets,
                                              List<ServiceArea> areas, ObjectNode summary) {
        boolean located = places.stream().anyMatch(p -> p.latitude() != null);
        boolean remote = facets.stream().anyMatch(f -> f.dimension().equals("format")
                && (f.value().equals("online") || f.value().equals("phone")));
        List<ServiceArea> served = new ArrayList<>(areas.stream().sorted(ServiceArea.ORDER).toList());
        if (remote && served.stream().noneMatch(a -> a.scope() == ServiceArea.Scope.REMOTE)) {
            served.add(new ServiceArea(ServiceArea.Scope.REMOTE, null));
        }
        if (!located && areas.isEmpty()) {
            served.add(new ServiceArea(ServiceArea.Scope.FLANDERS_BRUSSELS, null));
        }
        List<SearchDocument.Facet> regions = new ArrayList<>();
        for (ServiceArea area : served) {
            summary.withArray("areas").addObject().put("key", area.key()).put("label", area.label());
            if (area.scope() == ServiceArea.Scope.OTHER) {
                continue;
            }
            facets.add(new SearchDocument.Facet(IndexSchema.AREA, indexValue(area)));
            ServiceAreas.Regions overlap = serviceAreas.overlapping(area);
            overlap.localities().forEach(v -> regions.add(new SearchDocument.Facet(IndexSchema.LOCALITY, v)));
            overlap.municipalities().forEach(v -> regions.add(new SearchDocument.Facet(IndexSchema.MUNICIPALITY, v)));
            overlap.zones().forEach(v -> regions.add(new SearchDocument.Facet(IndexSchema.EERSTELIJNSZONE, v)));
            overlap.provinces().forEach(v -> regions.add(new SearchDocument.Facet(IndexSchema.PROVINCE, v)));
        }
        if (served.stream().anyMatch(a -> a.scope() == ServiceArea.Scope.FLANDERS_BRUSSELS)) {
            summary.put("area", IndexSchema.AREA_EVERYWHERE);
        } else if (served.stream().anyMatch(a -> a.scope() == ServiceArea.Scope.REMOTE)) {
            summary.put("area", IndexSchema.AREA_REMOTE);
        }
        return regions;
    }

    /** The {@link IndexSchema#AREA} value of an area. */
    static String indexValue(ServiceArea area) {
        return area.scope() == ServiceArea.Scope.FLANDERS_BRUSSELS ? IndexSchema.AREA_EVERYWHERE : area.key();
    }

    /**
     * The terms of the linked listings (all of them when {@code linkIds} is null), with their lay synonyms. The few
     * terms themselves (a hundred, or a few thousand) are read whole, and the links alone from the link index: joined
     * per link, each term's names were read again for every listing that has it (a third of a rebuild's database time;
     * before that, a join left to MariaDB started from the terms and fetched every attribute through the term index).
     */
    private Map<String, List<TermRef>> terms(Connection c, List<String> linkIds) throws SQLException {
        Map<String, TermRef> catalogue = termCatalogue(c);
        Map<String, List<TermRef>> byLink = new HashMap<>();
        query(c, "SELECT link_id, taxonomy_term_id FROM attribute WHERE 1 = 1", "link_id", linkIds, rs -> {
            TermRef term = catalogue.get(rs.getString(2));
            if (term != null) {
                byLink.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(term);
            }
        });
        return byLink;
    }

    private static Map<String, TermRef> termCatalogue(Connection c) throws SQLException {
        Map<String, List<String>> synonyms = new HashMap<>();
        query(c, "SELECT term_id, synonym FROM taxonomy_term_synonym WHERE 1 = 1", null, null,
                rs -> synonyms.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)));
        Map<String, TermRef> terms = new HashMap<>();
        query(c, """
                SELECT COALESCE(tx.name, t.taxonomy, ''), t.id, t.code, t.name, t.taxonomy_id
                FROM taxonomy_term t LEFT JOIN taxonomy tx ON tx.id = t.taxonomy_id WHERE 1 = 1""", null, null,
                rs -> terms.put(rs.getString(2), new TermRef(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), synonyms.getOrDefault(rs.getString(2), List.of()), rs.getString(5))));
        return terms;
    }

    private static Map<String, List<SearchDocument.Place>> places(Connection c, String sql, String keyColumn,
                                                                   List<String> ids) throws SQLException {
        return places(c, sql, keyColumn, ids, "");
    }

    private static Map<String, List<SearchDocument.Place>> places(Connection c, String sql, String keyColumn,
                                                                   List<String> ids, String tail) throws SQLException {
        Map<String, List<SearchDocument.Place>> byOwner = new HashMap<>();
        query(c, sql, keyColumn, ids, tail, rs -> byOwner.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(
                new SearchDocument.Place(doubleOrNull(rs, 2), doubleOrNull(rs, 3), rs.getString(4), rs.getString(5),
                        rs.getString(8), rs.getString(6), rs.getString(7))));
        return byOwner;
    }

    /** Phone numbers by owner, in the order editors entered them. */
    private static Map<String, List<String>> phones(Connection c, String sql, String keyColumn, List<String> ids)
            throws SQLException {
        Map<String, List<String>> byOwner = new LinkedHashMap<>();
        String order = keyColumn.contains(".") ? "p." : "";
        query(c, sql, keyColumn, ids, " ORDER BY " + order + "position IS NULL, " + order + "position, " + order + "id",
                rs -> byOwner.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2)));
        return byOwner;
    }

    private static Map<String, List<String>> strings(Connection c, String sql, String keyColumn, List<String> ids)
            throws SQLException {
        Map<String, List<String>> byOwner = new LinkedHashMap<>();
        query(c, sql, keyColumn, ids, rs -> byOwner.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                .add(rs.getString(2)));
        return byOwner;
    }

    /** Runs {@code sql} (which has a WHERE clause) restricted to {@code keyColumn IN ids}, or unrestricted if null. */
    private static void query(Connection c, String sql, String keyColumn, List<String> ids, RowHandler handler)
            throws SQLException {
        query(c, sql, keyColumn, ids, "", handler);
    }

    /** Runs {@code sql}, restricted to {@code ids} when given, with {@code tail} (GROUP BY …) after the restriction. */
    private static void query(Connection c, String sql, String keyColumn, List<String> ids, String tail,
                              RowHandler handler) throws SQLException {
        String restricted = (ids == null ? sql
                : sql + " AND " + keyColumn + " IN (" + String.join(",", Collections.nCopies(ids.size(), "?")) + ")")
                + tail;
        try (PreparedStatement statement = c.prepareStatement(restricted)) {
            if (ids != null) {
                for (int i = 0; i < ids.size(); i++) {
                    statement.setString(i + 1, ids.get(i));
                }
            }
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    handler.handle(rs);
                }
            }
        }
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<String> all = new ArrayList<>(new LinkedHashSet<>(ids));
        List<List<String>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += CHUNK) {
            chunks.add(all.subList(from, Math.min(all.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static Double doubleOrNull(ResultSet rs, int column) throws SQLException {
        java.math.BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private record Row(String id, String name, String description, Integer waitingWeeks, String waitingReportedOn,
                       Boolean referralRequired, String verifiedAt, String organizationId, String organizationName,
                       String alternateNames, java.time.LocalDateTime modified, String acceptingNew) {
        /** A row of a kind without availability (course, organisation, professional). */
        Row(String id, String name, String description, String verifiedAt, String organizationId,
            String organizationName, String alternateNames) {
            this(id, name, description, null, null, null, verifiedAt, organizationId, organizationName, alternateNames,
                    null, null);
        }
    }

    private record TermRef(String taxonomy, String termId, String code, String label, List<String> synonyms,
                           String taxonomyId) {
    }
}
