package be.venpmg.nestkaart.interop;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tables Nestkaart reads from and writes to HSDS 3.0 tabular JSON, in an order that satisfies foreign keys.
 * Tables prefixed {@code nestkaart_} are Nestkaart's own extensions (professionals, lay synonyms); HSDS has none.
 */
final class HsdsTables {
    static final String HSDS_SCHEMA = "classpath:hsds/schema/";
    static final String EXTENSION_SCHEMA = "classpath:hsds-profile/schema/";

    /** HSDS tables Nestkaart does not store; a dataset may carry them and they are skipped with a warning. */
    static final Set<String> SKIPPED = Set.of("programs", "fundings", "funding", "required_documents",
            "organization_identifiers", "metadata", "meta_table_descriptions");

    /**
     * References a record cannot do without: a service belongs to an organisation, a site joins a service and a
     * location, an address or a cost belongs to its record. When one points nowhere the dataset is refused; any other
     * reference that points nowhere is left empty and reported (DatasetValidator).
     */
    static final Map<String, Set<String>> REQUIRED_REFERENCES = Map.of(
            "services", Set.of("organization_id"),
            "service_at_locations", Set.of("service_id", "location_id"),
            "addresses", Set.of("location_id"),
            "accessibility", Set.of("location_id"),
            "cost_options", Set.of("service_id"),
            "service_areas", Set.of("service_id"),
            "nestkaart_professional_affiliations", Set.of("professional_id", "organization_id"),
            "nestkaart_taxonomy_term_synonyms", Set.of("term_id"));

    static final List<HsdsTable> ALL = List.of(
            hsds("taxonomies", "taxonomy", List.of("id", "name", "description", "uri", "version"), Map.of(), null),
            hsds("taxonomy_terms", "taxonomy_term",
                    List.of("id", "taxonomy_id", "taxonomy", "code", "name", "description", "parent_id", "language", "term_uri",
                            "nestkaart_sort_order"),
                    Map.of("taxonomy_id", "taxonomies", "parent_id", "taxonomy_terms"), null)
                    .withColumns(Map.of("nestkaart_sort_order", "sort_order")),
            hsds("organizations", "organization",
                    List.of("id", "name", "alternate_name", "description", "email", "website", "tax_status", "tax_id",
                            "year_incorporated", "legal_status", "logo", "uri", "parent_organization_id"),
                    Map.of("parent_organization_id", "organizations"), "organization"),
            hsds("locations", "location",
                    List.of("id", "organization_id", "location_type", "url", "name", "alternate_name", "description",
                            "transportation", "latitude", "longitude", "nestkaart_coordinates_source",
                            "external_identifier", "external_identifier_type"),
                    Map.of("organization_id", "organizations"), "location")
                    .withColumns(Map.of("nestkaart_coordinates_source", "coordinates_source")),
            hsds("addresses", "address",
                    List.of("id", "location_id", "attention", "address_1", "address_2", "city", "region", "state_province",
                            "postal_code", "country", "address_type", "nestkaart_municipality", "nestkaart_province",
                            "nestkaart_eerstelijnszone"),
                    Map.of("location_id", "locations"), null)
                    .withColumns(Map.of("nestkaart_municipality", "municipality", "nestkaart_province", "province",
                            "nestkaart_eerstelijnszone", "eerstelijnszone")),
            hsds("accessibility", "accessibility", List.of("id", "location_id", "description", "details", "url"),
                    Map.of("location_id", "locations"), null),
            new HsdsTable("services", "service", HSDS_SCHEMA + "service.json", "id",
                    List.of("id", "organization_id", "program_id", "name", "alternate_name", "description", "url", "email",
                            "status", "interpretation_services", "application_process", "fees_description", "wait_time",
                            "nestkaart_waiting_weeks", "nestkaart_waiting_reported_on", "nestkaart_accepting_new",
                            "nestkaart_referral_required", "nestkaart_referral_route", "nestkaart_age_min_months",
                            "nestkaart_age_max_months", "nestkaart_offer_status",
                            "eligibility_description", "minimum_age", "maximum_age", "assured_date", "assurer_email",
                            "alert", "last_modified"),
                    Map.of("nestkaart_waiting_weeks", "waiting_weeks",
                            "nestkaart_waiting_reported_on", "waiting_reported_on",
                            "nestkaart_accepting_new", "accepting_new",
                            "nestkaart_referral_route", "referral_route",
                            "nestkaart_age_min_months", "age_min_months",
                            "nestkaart_age_max_months", "age_max_months",
                            "nestkaart_offer_status", "offer_status",
                            "nestkaart_referral_required", "referral_required"),
                    Map.of("organization_id", "organizations"), "service"),
            hsds("service_at_locations", "service_at_location", List.of("id", "service_id", "location_id", "description"),
                    Map.of("service_id", "services", "location_id", "locations"), null),
            hsds("contacts", "contact",
                    List.of("id", "organization_id", "service_id", "service_at_location_id", "location_id", "name", "title",
                            "department", "email"),
                    Map.of("organization_id", "organizations", "service_id", "services",
                            "service_at_location_id", "service_at_locations", "location_id", "locations"), null),
            hsds("phones", "phone",
                    List.of("id", "location_id", "service_id", "organization_id", "contact_id", "service_at_location_id",
                            "number", "extension", "type", "description"),
                    Map.of("location_id", "locations", "service_id", "services", "organization_id", "organizations",
                            "contact_id", "contacts", "service_at_location_id", "service_at_locations"), null),
            new HsdsTable("schedules", "schedule", HSDS_SCHEMA + "schedule.json", "id",
                    List.of("id", "service_id", "location_id", "service_at_location_id", "valid_from", "valid_to", "dtstart",
                            "timezone", "until", "count", "wkst", "freq", "interval", "byday", "byweekno", "bymonthday",
                            "byyearday", "description", "opens_at", "closes_at", "schedule_link", "attending_type", "notes"),
                    Map.of("interval", "recur_interval"),
                    Map.of("service_id", "services", "location_id", "locations",
                            "service_at_location_id", "service_at_locations"), null),
            new HsdsTable("cost_options", "cost_option", HSDS_SCHEMA + "cost_option.json", "id",
                    List.of("id", "service_id", "valid_from", "valid_to", "option", "currency", "amount",
                            "amount_description", "nestkaart_reimbursement"),
                    Map.of("option", "option_text", "nestkaart_reimbursement", "reimbursement"),
                    Map.of("service_id", "services"), null),
            // An area's scope and code are Nestkaart's reading of its uri or name, redone on every import.
            hsds("service_areas", "service_area",
                    List.of("id", "service_id", "name", "description", "extent", "extent_type", "uri", "nestkaart_scope",
                            "nestkaart_code"),
                    Map.of("service_id", "services"), null)
                    .withColumns(Map.of("nestkaart_scope", "scope", "nestkaart_code", "code")),
            extension("nestkaart_professionals", "professional", "professional.json",
                    List.of("id", "given_name", "family_name", "description", "email", "website", "consent_public",
                            "consent_at"),
                    Map.of(), "professional"),
            extension("nestkaart_professional_affiliations", "professional_affiliation", "professional_affiliation.json",
                    List.of("id", "professional_id", "organization_id", "location_id", "service_id", "role"),
                    Map.of("professional_id", "nestkaart_professionals", "organization_id", "organizations",
                            "location_id", "locations", "service_id", "services"), null),
            hsds("languages", "language",
                    List.of("id", "service_id", "location_id", "phone_id", "nestkaart_professional_id", "name", "code", "note"),
                    Map.of("service_id", "services", "location_id", "locations", "phone_id", "phones",
                            "nestkaart_professional_id", "nestkaart_professionals"), null)
                    .withColumns(Map.of("nestkaart_professional_id", "professional_id")),
            hsds("attributes", "attribute",
                    List.of("id", "link_id", "link_type", "link_entity", "taxonomy_term_id", "value"),
                    Map.of("taxonomy_term_id", "taxonomy_terms"), null),
            new HsdsTable("nestkaart_taxonomy_term_synonyms", "taxonomy_term_synonym",
                    EXTENSION_SCHEMA + "taxonomy_term_synonym.json", null,
                    List.of("term_id", "synonym", "kind", "source"), Map.of(),
                    Map.of("term_id", "taxonomy_terms"), null));

    /** link_entity of an attribute → the dataset key holding the linked record. */
    static final Map<String, String> ATTRIBUTE_LINKS = Map.of(
            "organization", "organizations", "service", "services", "location", "locations",
            "professional", "nestkaart_professionals", "service_at_location", "service_at_locations");

    private HsdsTables() {
    }

    /** The table with this dataset key; for keys the code names itself. */
    static HsdsTable table(String key) {
        return byKey(key).orElseThrow(() -> new IllegalArgumentException("no HSDS table " + key));
    }

    /**
     * The key Nestkaart uses for a table as others name it: HSDS's own data package names resources in the singular
     * ({@code organization}, {@code service_at_location}), its tabular example keys them by file
     * ({@code organizations.csv}); all mean the same table. A name Nestkaart does not know is returned as it is.
     */
    static String canonicalKey(String name) {
        String base = name.strip().toLowerCase(java.util.Locale.ROOT).replaceFirst("\\.(csv|json)$", "");
        List<String> candidates = List.of(base, base + "s", base + "es",
                base.endsWith("y") ? base.substring(0, base.length() - 1) + "ies" : base);
        return candidates.stream().filter(key -> byKey(key).isPresent() || SKIPPED.contains(key)).findFirst()
                .orElse(name);
    }

    static Optional<HsdsTable> byKey(String key) {
        return ALL.stream().filter(t -> t.key().equals(key)).findFirst();
    }

    private static HsdsTable hsds(String key, String table, List<String> fields, Map<String, String> references,
                                  String listing) {
        return new HsdsTable(key, table, HSDS_SCHEMA + table + ".json", "id", fields, Map.of(), references, listing);
    }

    private static HsdsTable extension(String key, String table, String schema, List<String> fields,
                                       Map<String, String> references, String listing) {
        return new HsdsTable(key, table, EXTENSION_SCHEMA + schema, "id", fields, Map.of(), references, listing);
    }
}
