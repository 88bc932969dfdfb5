package be.venpmg.nestkaart.interop;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * A synthetic but plausible dataset for benchmarks, in the shape of the evaluation corpus: organisations, locations
 * with real Flemish and Brussels postcodes, and services described in Dutch with the real vocabulary (terms and
 * their lay synonyms from the seed data). Deterministic: the same size and seed give the same bytes. Every record
 * is derived from its own index, so the tables stream out one after another without holding the dataset in memory.
 */
public final class DatasetGenerator {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String[] STEMS = {"Perinatale consultatie", "Thuisbegeleiding", "Praatgroep",
            "Ouder-babytherapie", "Eerstelijnspsychologische zorg", "Moeder-baby-opname", "Dagbehandeling",
            "Online begeleiding", "Kraamzorg met psychologische ondersteuning", "Liaison perinatale psychiatrie",
            "Spreekuur", "Gezinsondersteuning", "Psychotherapie", "Crisisbegeleiding", "Lotgenotengroep"};
    private static final String[] ORG_KINDS = {"CGG", "Huis van het Kind", "Praktijk", "Ziekenhuis", "Centrum",
            "Vroedvrouwenpraktijk", "Kraamzorg", "Netwerk"};
    private static final String[] STREETS = {"Kerkstraat", "Stationsstraat", "Molenstraat", "Schoolstraat", "Dorpsstraat",
            "Nieuwstraat", "Kapelstraat", "Veldstraat", "Beekstraat", "Hoogstraat"};
    private static final String[] OTHER_LANGUAGES = {"fr", "en", "ar", "tr", "pl", "ro", "es", "de"};
    private static final java.util.Set<String> SERVED_PROVINCES = java.util.Set.of("Antwerpen", "Limburg",
            "Oost-Vlaanderen", "Vlaams-Brabant", "West-Vlaanderen", "Brussels Hoofdstedelijk Gewest");
    private static final String[] REIMBURSEMENTS = be.venpmg.nestkaart.taxonomy.ClosedVocabulary.codes(
            be.venpmg.nestkaart.taxonomy.Reimbursement.class).toArray(String[]::new);

    private final int services;
    private final long seed;
    private final int organizations;
    private final Vocabulary vocabulary;
    private final List<String[]> places;

    /** A term and the words people use for it. */
    private record Term(String id, String name, List<String> lay) {
    }

    private record Vocabulary(JsonNode taxonomies, JsonNode terms, JsonNode synonyms, Map<String, List<Term>> byTaxonomy) {
    }

    public DatasetGenerator(int services, long seed) throws IOException {
        this.services = services;
        this.seed = seed;
        this.organizations = Math.max(1, services / 3);
        this.vocabulary = vocabulary();
        this.places = places();
    }

    /** Writes the dataset as HSDS tabular JSON. */
    public void write(OutputStream out) throws IOException {
        try (JsonGenerator json = new JsonFactory(MAPPER).createGenerator(out, JsonEncoding.UTF8)) {
            json.writeStartObject();
            json.writeStringField("hsds_version", "3.0");
            json.writeStringField("profile", "nestkaart-generated-" + services + "-" + seed);
            copy(json, "taxonomies", vocabulary.taxonomies());
            copy(json, "taxonomy_terms", vocabulary.terms());
            copy(json, "nestkaart_taxonomy_term_synonyms", vocabulary.synonyms());
            table(json, "organizations", organizations, this::organization);
            table(json, "locations", organizations, this::location);
            table(json, "addresses", organizations, this::address);
            table(json, "phones", organizations, this::phone);
            table(json, "services", services, this::service);
            table(json, "service_at_locations", services, i -> fields("id", id("sal", i), "service_id", id("service", i),
                    "location_id", id("location", organizationOf(i))));
            table(json, "cost_options", services, this::cost);
            tableOfLists(json, "languages", services, this::languages);
            tableOfLists(json, "attributes", services + organizations, this::attributes);
            json.writeEndObject();
        }
    }

    private Map<String, Object> organization(int i) {
        Random random = random("organization", i);
        String[] place = place(i);
        String kind = ORG_KINDS[random.nextInt(ORG_KINDS.length)];
        Map<String, Object> org = new LinkedHashMap<>();
        org.put("id", id("organization", i));
        org.put("name", kind + " " + place[2] + " " + (i + 1));
        org.put("description", kind + " met een perinatale werking in " + place[2] + " (" + place[3] + "). Fictief, "
                + "gegenereerd voor de benchmark.");
        org.put("website", "https://example.org/o/" + (i + 1));
        org.put("email", "info" + (i + 1) + "@example.org");
        return org;
    }

    private Map<String, Object> location(int i) {
        Random random = random("location", i);
        String[] place = place(i);
        Map<String, Object> location = new LinkedHashMap<>();
        location.put("id", id("location", i));
        location.put("organization_id", id("organization", i));
        location.put("location_type", "physical");
        location.put("name", place[1]);
        // Spread around the postcode's centre, as addresses are.
        location.put("latitude", round(Double.parseDouble(place[4]) + (random.nextDouble() - 0.5) * 0.02));
        location.put("longitude", round(Double.parseDouble(place[5]) + (random.nextDouble() - 0.5) * 0.03));
        return location;
    }

    private Map<String, Object> address(int i) {
        Random random = random("address", i);
        String[] place = place(i);
        Map<String, Object> address = new LinkedHashMap<>();
        address.put("id", id("address", i));
        address.put("location_id", id("location", i));
        address.put("address_1", STREETS[random.nextInt(STREETS.length)] + " " + (1 + random.nextInt(180)));
        address.put("city", place[1]);
        address.put("region", place[3]);
        address.put("state_province", place[3]);
        address.put("postal_code", place[0]);
        address.put("country", "BE");
        address.put("address_type", "physical");
        return address;
    }

    private Map<String, Object> phone(int i) {
        Random random = random("phone", i);
        return fields("id", id("phone", i), "organization_id", id("organization", i),
                "number", "+32 " + (2 + random.nextInt(8)) + " " + (100 + random.nextInt(900)) + " "
                        + (10 + random.nextInt(90)) + " " + (10 + random.nextInt(90)));
    }

    private Map<String, Object> service(int i) {
        Random random = random("service", i);
        Term problem = pick(random, "nestkaart-problem");
        Term secondProblem = pick(random, "nestkaart-problem");
        Term target = pick(random, "nestkaart-target-group");
        Term format = pick(random, "nestkaart-format");
        Term phase = pick(random, "nestkaart-phase");
        String[] place = place(organizationOf(i));
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("id", id("service", i));
        service.put("organization_id", id("organization", organizationOf(i)));
        service.put("name", STEMS[random.nextInt(STEMS.length)] + " " + problem.name().toLowerCase() + " " + (i + 1));
        service.put("description", "Wij begeleiden " + target.name().toLowerCase() + " bij " + problem.name().toLowerCase()
                + lay(random, problem) + ". Vorm: " + format.name().toLowerCase() + lay(random, format) + ". Ook bij "
                + secondProblem.name().toLowerCase() + lay(random, secondProblem) + ", in de fase "
                + phase.name().toLowerCase() + ". In " + place[2] + " en omgeving.");
        service.put("status", "active");
        int weeks = random.nextInt(16);
        service.put("wait_time", weeks + " weken");
        service.put("nestkaart_waiting_weeks", weeks);
        service.put("nestkaart_waiting_reported_on", "2026-10-01");
        service.put("nestkaart_referral_required", random.nextInt(3) == 0);
        return service;
    }

    private Map<String, Object> cost(int i) {
        Random random = random("cost", i);
        String reimbursement = REIMBURSEMENTS[random.nextInt(REIMBURSEMENTS.length)];
        return fields("id", id("cost", i), "service_id", id("service", i), "option", reimbursement,
                "currency", "EUR", "nestkaart_reimbursement", reimbursement);
    }

    private List<Map<String, Object>> languages(int i) {
        Random random = random("language", i);
        List<Map<String, Object>> languages = new ArrayList<>();
        languages.add(fields("id", id("language-nl", i), "service_id", id("service", i), "code", "nl"));
        if (random.nextInt(4) == 0) {
            String code = OTHER_LANGUAGES[random.nextInt(OTHER_LANGUAGES.length)];
            languages.add(fields("id", id("language-" + code, i), "service_id", id("service", i), "code", code));
        }
        return languages;
    }

    /** The service's terms (the same draws as its description), then each organisation's type. */
    private List<Map<String, Object>> attributes(int i) {
        List<Map<String, Object>> attributes = new ArrayList<>();
        if (i >= services) {
            int org = i - services;
            Random random = random("organization-type", org);
            attributes.add(attribute("organization", id("organization", org), "nestkaart-organization-type",
                    pick(random, "nestkaart-organization-type"), org));
            return attributes;
        }
        Random random = random("service", i);
        String service = id("service", i);
        for (String taxonomy : List.of("nestkaart-problem", "nestkaart-problem", "nestkaart-target-group",
                "nestkaart-format", "nestkaart-phase")) {
            Term term = pick(random, taxonomy);
            if (attributes.stream().noneMatch(a -> a.get("taxonomy_term_id").equals(term.id()))) {
                attributes.add(attribute("service", service, taxonomy, term, attributes.size()));
            }
        }
        Random more = random("service-terms", i);
        for (String taxonomy : List.of("nestkaart-careline", "nestkaart-module")) {
            attributes.add(attribute("service", service, taxonomy, pick(more, taxonomy), attributes.size()));
        }
        return attributes;
    }

    private Map<String, Object> attribute(String entity, String linkId, String taxonomy, Term term, int n) {
        return fields("id", id("attribute/" + linkId, n), "link_id", linkId, "link_type", taxonomy,
                "link_entity", entity, "taxonomy_term_id", term.id());
    }

    private static String lay(Random random, Term term) {
        if (term.lay().isEmpty() || random.nextInt(3) == 0) {
            return "";
        }
        return " (" + term.lay().get(random.nextInt(term.lay().size())) + ")";
    }

    private Term pick(Random random, String taxonomy) {
        List<Term> terms = vocabulary.byTaxonomy().get(taxonomy);
        return terms.get(random.nextInt(terms.size()));
    }

    private int organizationOf(int service) {
        return service % organizations;
    }

    /** Organisations spread over every postcode, each postcode in turn. */
    private String[] place(int organization) {
        return places.get((int) ((organization * 7919L + seed) % places.size()));
    }

    private Random random(String table, int index) {
        // Neighbouring seeds give java.util.Random neighbouring first draws: scramble them first.
        return new Random(new java.util.SplittableRandom(seed * 1_000_003L + table.hashCode() * 31L + index).nextLong());
    }

    private String id(String table, int index) {
        return UUID.nameUUIDFromBytes((seed + "/" + table + "/" + index).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** A record with its fields in the order given, so the output is the same bytes on every run. */
    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> record = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            record.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return record;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 100_000) / 100_000.0;
    }

    private static void copy(JsonGenerator json, String name, JsonNode records) throws IOException {
        json.writeFieldName(name);
        json.writeTree(records);
    }

    private static void table(JsonGenerator json, String name, int count, IntFunction<Map<String, Object>> record)
            throws IOException {
        json.writeArrayFieldStart(name);
        for (int i = 0; i < count; i++) {
            json.writeObject(record.apply(i));
        }
        json.writeEndArray();
    }

    private static void tableOfLists(JsonGenerator json, String name, int count,
                                     IntFunction<List<Map<String, Object>>> records) throws IOException {
        json.writeArrayFieldStart(name);
        for (int i = 0; i < count; i++) {
            for (Map<String, Object> record : records.apply(i)) {
                json.writeObject(record);
            }
        }
        json.writeEndArray();
    }

    /** The seed's vocabularies: the real terms and lay synonyms, so searches and facets behave as in production. */
    private static Vocabulary vocabulary() throws IOException {
        JsonNode seed;
        try (InputStream in = resource("seed-data/nestkaart-seed.json")) {
            seed = MAPPER.readTree(in);
        }
        Map<String, List<String>> lay = new LinkedHashMap<>();
        seed.get("nestkaart_taxonomy_term_synonyms").forEach(s -> lay.computeIfAbsent(s.get("term_id").asText(),
                k -> new ArrayList<>()).add(s.get("synonym").asText()));
        Map<String, List<Term>> byTaxonomy = new LinkedHashMap<>();
        seed.get("taxonomy_terms").forEach(t -> byTaxonomy.computeIfAbsent(t.get("taxonomy").asText(),
                k -> new ArrayList<>()).add(new Term(t.get("id").asText(), t.get("name").asText(),
                lay.getOrDefault(t.get("id").asText(), List.of()))));
        return new Vocabulary(seed.get("taxonomies"), seed.get("taxonomy_terms"),
                seed.get("nestkaart_taxonomy_term_synonyms"), byTaxonomy);
    }

    /** Postcode, locality, municipality, province, latitude, longitude: Flanders and Brussels. */
    private static List<String[]> places() throws IOException {
        List<String[]> places = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(resource("seed-data/geo/postal_codes.csv"),
                StandardCharsets.UTF_8))) {
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] cells = line.split(",");
                if (SERVED_PROVINCES.contains(cells[3])) {
                    places.add(cells);
                }
            }
        }
        return places;
    }

    private static InputStream resource(String path) {
        InputStream in = DatasetGenerator.class.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing " + path + " in the build");
        }
        return in;
    }
}
