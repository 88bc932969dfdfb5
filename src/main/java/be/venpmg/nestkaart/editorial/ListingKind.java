package be.venpmg.nestkaart.editorial;

import be.venpmg.nestkaart.kernel.InvalidParameterException;
import be.venpmg.nestkaart.taxonomy.ClosedVocabulary;
import be.venpmg.nestkaart.taxonomy.CourseFormat;
import be.venpmg.nestkaart.taxonomy.CourseKind;
import be.venpmg.nestkaart.taxonomy.CourseStatus;
import be.venpmg.nestkaart.taxonomy.CourseLevel;
import be.venpmg.nestkaart.taxonomy.Reimbursement;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static be.venpmg.nestkaart.editorial.FieldSpec.Type.BOOLEAN;
import static be.venpmg.nestkaart.editorial.FieldSpec.Type.DATE;
import static be.venpmg.nestkaart.editorial.FieldSpec.Type.DAYS;
import static be.venpmg.nestkaart.editorial.FieldSpec.Type.DECIMAL;
import static be.venpmg.nestkaart.editorial.FieldSpec.Type.EMAIL;
import static be.venpmg.nestkaart.editorial.FieldSpec.Type.INTEGER;
import static be.venpmg.nestkaart.editorial.FieldSpec.Type.LANGUAGE;
import static be.venpmg.nestkaart.editorial.FieldSpec.Type.PHONE;
import static be.venpmg.nestkaart.editorial.FieldSpec.Type.TERMS;
import static be.venpmg.nestkaart.editorial.FieldSpec.Type.TIME;
import static be.venpmg.nestkaart.editorial.FieldSpec.Type.URL;

/**
 * The kinds of listing editors curate, each with the fields an edit may change. Field names are the live table's
 * column names, except {@code taxonomy_term_ids}, which stands for the listing's HSDS attribute rows, and
 * {@code service_areas}, which stands for a service's HSDS service_area rows.
 */
@io.micronaut.serde.annotation.Serdeable
public record ListingKind(String name, String table, List<FieldSpec> fields, Map<String, String> insertDefaults) {
    public static final String TERMS_FIELD = "taxonomy_term_ids";
    /** The service's HSDS service_area rows, as area keys ({@code province=Antwerpen}). */
    public static final String AREAS_FIELD = "service_areas";
    /** The locations a service is offered at: its HSDS service_at_location rows. */
    public static final String LOCATIONS_FIELD = "location_ids";
    /** The listing's identifier in the Flemish sociale kaart, which its public page links to. */
    public static final String SOCIALE_KAART_FIELD = "sociale_kaart_id";

    private static FieldSpec phones() {
        return FieldSpec.rows("phones", "phone", FieldSpec.of("number", PHONE).mandatory(),
                FieldSpec.text("extension", false, 20),
                FieldSpec.choice("type", Set.of("voice", "cell", "fax", "text", "video", "textphone")).optional(),
                FieldSpec.text("description", false, 500));
    }

    private static FieldSpec schedules() {
        return FieldSpec.rows("schedules", "schedule", FieldSpec.of("byday", DAYS).mandatory(),
                FieldSpec.of("opens_at", TIME), FieldSpec.of("closes_at", TIME), FieldSpec.text("description", false, 500));
    }

    private static FieldSpec languages() {
        return FieldSpec.rows("languages", "language", FieldSpec.of("code", LANGUAGE).mandatory(),
                FieldSpec.text("note", false, 500));
    }

    private static FieldSpec contacts() {
        return FieldSpec.rows("contacts", "contact", FieldSpec.text("name", false, 300),
                FieldSpec.text("title", false, 300), FieldSpec.text("department", false, 300),
                FieldSpec.of("email", EMAIL));
    }

    public static final ListingKind ORGANIZATION = new ListingKind("organization", "organization", List.of(
            FieldSpec.text("name", true, 300), FieldSpec.text("alternate_name", false, 300),
            FieldSpec.longText("description", true), FieldSpec.of("email", EMAIL), FieldSpec.of("website", URL),
            FieldSpec.of(TERMS_FIELD, TERMS)), Map.of());

    public static final ListingKind LOCATION = new ListingKind("location", "location", List.of(
            FieldSpec.reference("organization_id", "organization", true), FieldSpec.text("name", true, 300),
            FieldSpec.text("alternate_name", false, 300), FieldSpec.longText("description", false),
            FieldSpec.longText("transportation", false),
            FieldSpec.rows("addresses", "address", FieldSpec.text("address_1", true, 300),
                    FieldSpec.text("address_2", false, 300), FieldSpec.text("postal_code", true, 4),
                    FieldSpec.text("city", false, 200),
                    FieldSpec.choice("address_type", Set.of("physical", "postal")).optional()),
            FieldSpec.number("latitude", DECIMAL, 49, 52), FieldSpec.number("longitude", DECIMAL, 2, 7),
            phones(), schedules(), languages(), contacts()), Map.of("location_type", "physical"));

    public static final ListingKind SERVICE = new ListingKind("service", "service", List.of(
            FieldSpec.reference("organization_id", "organization", true), FieldSpec.text("name", true, 300),
            FieldSpec.text("alternate_name", false, 300), FieldSpec.longText("description", true),
            FieldSpec.of("url", URL), FieldSpec.of("email", EMAIL),
            FieldSpec.choice("status", Set.of("active", "inactive", "defunct", "temporarily closed")).withInitial("active"),
            FieldSpec.longText("application_process", false), FieldSpec.longText("eligibility_description", false),
            FieldSpec.longText("fees_description", false), FieldSpec.number("waiting_weeks", INTEGER, 0, 520),
            FieldSpec.of("waiting_reported_on", DATE),
            FieldSpec.choice("accepting_new", Set.of("yes", "no", "waitlist")).optional(),
            FieldSpec.choice("referral_route", Set.of("direct", "via_huisarts", "via_professional")).optional(),
            FieldSpec.of("referral_required", BOOLEAN),
            FieldSpec.number("age_min_months", INTEGER, 0, 240), FieldSpec.number("age_max_months", INTEGER, 0, 240),
            FieldSpec.choice("offer_status", Set.of("existing", "pilot", "recommended")).optional(),
            FieldSpec.links(LOCATIONS_FIELD, "location"), phones(), schedules(), languages(),
            FieldSpec.rows("cost_options", "cost_option", FieldSpec.text("option_text", false, 500),
                    FieldSpec.number("amount", DECIMAL, 0, 100_000),
                    FieldSpec.choice("reimbursement", ClosedVocabulary.codes(Reimbursement.class)).optional(),
                    FieldSpec.text("amount_description", false, 1000)),
            contacts(), FieldSpec.areas(AREAS_FIELD), FieldSpec.text(SOCIALE_KAART_FIELD, false, 64),
            FieldSpec.of(TERMS_FIELD, TERMS)), Map.of());

    public static final ListingKind PROFESSIONAL = new ListingKind("professional", "professional", List.of(
            FieldSpec.text("given_name", true, 200), FieldSpec.text("family_name", true, 200),
            FieldSpec.longText("description", false), FieldSpec.of("email", EMAIL), FieldSpec.of("website", URL),
            FieldSpec.of("consent_public", BOOLEAN), languages(), FieldSpec.of(TERMS_FIELD, TERMS)), Map.of());

    public static final ListingKind COURSE = new ListingKind("course", "course", List.of(
            FieldSpec.text("name", true, 300), FieldSpec.longText("summary", true),
            FieldSpec.longText("learning_goals", false), FieldSpec.choice("level",
                    ClosedVocabulary.codes(CourseLevel.class)),
            FieldSpec.choice("format", ClosedVocabulary.codes(CourseFormat.class)),
            FieldSpec.number("hours", DECIMAL, 0, 2000),
            FieldSpec.choice("counts_as", ClosedVocabulary.codes(CourseKind.class)).withInitial("continuing_education"),
            FieldSpec.choice("course_status", ClosedVocabulary.codes(CourseStatus.class)).withInitial("existing"),
            FieldSpec.text("accreditation_body", false, 300), FieldSpec.number("accreditation_points", DECIMAL, 0, 500),
            FieldSpec.text("accreditation_reference", false, 200), FieldSpec.of("accreditation_valid_until", DATE),
            FieldSpec.reference("provider_organization_id", "organization", false),
            FieldSpec.text("provider_name", false, 300), FieldSpec.number("price_eur", DECIMAL, 0, 100_000),
            FieldSpec.text("price_note", false, 300), FieldSpec.text("language", true, 10).withInitial("nl"),
            FieldSpec.longText("prerequisites", false), FieldSpec.of("url", URL),
            FieldSpec.reference("follow_up_course_id", "course", false),
            FieldSpec.rows("co_organizers", "course_co_organizer", FieldSpec.text("name", true, 300),
                    FieldSpec.of("website", URL)),
            FieldSpec.rows("goals", "course_goal", FieldSpec.reference("profession_term_id", "taxonomy_term", true),
                    FieldSpec.longText("goal", true)),
            FieldSpec.rows("downloads", "course_download", FieldSpec.text("title", true, 300),
                    FieldSpec.of("url", FieldSpec.Type.FILE_URL).mandatory(),
                    FieldSpec.text("description", false, 500)),
            FieldSpec.rows("lessons", "course_lesson", FieldSpec.text("title", true, 300),
                    FieldSpec.longText("body", true), FieldSpec.of("video_url", URL)),
            FieldSpec.rows("questions", "course_question", FieldSpec.text("question", true, 500),
                    FieldSpec.text("right_answer", true, 500), FieldSpec.longText("wrong_answers", true),
                    FieldSpec.longText("explanation", false)),
            FieldSpec.of(TERMS_FIELD, TERMS)), Map.of());

    /** A word or phrase people search with, tied to the taxonomy term it means (editors' keyword research). */
    public static final ListingKind SEARCH_TERM = new ListingKind("search_term", "search_term", List.of(
            FieldSpec.text("phrase", true, 300), FieldSpec.reference("taxonomy_term_id", "taxonomy_term", true),
            FieldSpec.longText("note", false)), Map.of());

    /**
     * An information page for parents: plain Dutch about one need, in Markdown (or a safe subset of HTML, sanitised
     * when shown); its taxonomy terms are the needs for which search shows it above the results, its search text the
     * search its "where to find help" link runs.
     */
    public static final ListingKind PAGE = new ListingKind("page", "info_page", List.of(
            FieldSpec.slug("slug"), FieldSpec.text("title", true, 200),
            FieldSpec.text("summary", true, 600), FieldSpec.longText("body", true),
            FieldSpec.text("search_text", false, 200), FieldSpec.longText("sources", false),
            FieldSpec.of(TERMS_FIELD, TERMS)), Map.of());

    public static final List<ListingKind> ALL = List.of(ORGANIZATION, LOCATION, SERVICE, PROFESSIONAL, COURSE,
            SEARCH_TERM, PAGE);

    public static ListingKind named(String name) {
        return ALL.stream().filter(k -> k.name.equals(name)).findFirst()
                .orElseThrow(() -> new InvalidParameterException("type", "must be one of " + ALL.stream()
                        .map(ListingKind::name).collect(java.util.stream.Collectors.joining(", "))));
    }

    /** The fields of a listing not written yet: empty, or their initial value. */
    public Map<String, Object> blank() {
        Map<String, Object> fields = new LinkedHashMap<>();
        this.fields.forEach(f -> fields.put(f.name(), f.initial()));
        return fields;
    }

    public Optional<FieldSpec> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Validates what a client sent over {@code base} (the current version); unknown fields are refused. */
    public Map<String, Object> merge(Map<String, Object> base, Map<String, ?> sent) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        for (var entry : sent.entrySet()) {
            FieldSpec spec = field(entry.getKey()).orElseThrow(() -> new InvalidParameterException(entry.getKey(),
                    "is geen veld van een " + name));
            merged.put(entry.getKey(), spec.parse(entry.getValue()));
        }
        for (FieldSpec spec : fields) {
            if (spec.required() && merged.get(spec.name()) == null) {
                throw new InvalidParameterException(spec.name(), "is verplicht");
            }
        }
        return merged;
    }

    /** Field-by-field difference: {@code {field: {from, to}}} for every field that differs. */
    public static Map<String, Map<String, Object>> diff(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
        for (String field : after.keySet()) {
            Object from = before.get(field);
            Object to = after.get(field);
            if (!java.util.Objects.equals(from, to)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", from);
                change.put("to", to);
                changes.put(field, change);
            }
        }
        return changes;
    }
}
