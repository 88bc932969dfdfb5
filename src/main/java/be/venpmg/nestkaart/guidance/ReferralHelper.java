package be.venpmg.nestkaart.guidance;

import be.venpmg.nestkaart.geo.PostalCodeDirectory;
import be.venpmg.nestkaart.geo.PostalPlace;
import be.venpmg.nestkaart.kernel.InvalidParameterException;
import be.venpmg.nestkaart.search.FacetLabels;
import be.venpmg.nestkaart.search.ResultCard;
import be.venpmg.nestkaart.search.SearchRequest;
import be.venpmg.nestkaart.search.SearchService;
import com.fasterxml.jackson.databind.JsonNode;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The referral helper: a situation, checked against the questions of the rules in force, gets the care lines and
 * modules of the first rule that holds, the notes that apply, and the services that offer them near the place.
 */
@Singleton
public class ReferralHelper {
    private static final String CARELINE = "careline";
    private static final String MODULE = "module";
    private static final String PROBLEM = "problem";
    private static final String PROGRAMME = "programme";

    private final ReferralRules rules;
    private final Clock clock;
    private final SearchService search;
    private final FacetLabels labels;
    private final PostalCodeDirectory postalCodes;
    private final int servicesShown;
    private final double radiusKm;

    ReferralHelper(ReferralRules rules, Clock clock, SearchService search, FacetLabels labels,
                   PostalCodeDirectory postalCodes, @Value("${nestkaart.referral.services-shown:5}") int servicesShown,
                   @Value("${nestkaart.referral.radius-km:30}") double radiusKm) {
        this.rules = rules;
        this.clock = clock;
        this.search = search;
        this.labels = labels;
        this.postalCodes = postalCodes;
        this.servicesShown = servicesShown;
        this.radiusKm = radiusKm;
    }

    /** The rule set in force today. */
    public ReferralRules.Version current() {
        return rules.activeOn(LocalDate.now(clock));
    }

    /** What the rules decide for the situation: the deciding rule and the notes that apply. */
    public Decision decide(ReferralSituation situation) {
        ReferralRules.Version version = current();
        Map<String, Object> answers = check(situation, version);
        ReferralRules.Rule rule = version.rules().stream().filter(r -> holds(r.when(), answers, List.of()))
                .findFirst().orElseThrow(() -> new IllegalStateException("Referral rules " + version.version()
                        + " decide nothing for " + answers + ": the last rules must cover every severity"));
        List<ReferralRules.Note> notes = version.notes().stream()
                .filter(n -> holds(n.when(), answers, rule.then().carelines())).toList();
        return new Decision(version.version(), rule, notes);
    }

    /** The deciding rule and the notes that apply, under a rules version. */
    public record Decision(String version, ReferralRules.Rule rule, List<ReferralRules.Note> notes) {
    }

    /** The decision with its labels and the services that offer it near the situation's place. */
    public ReferralAdvice advise(ReferralSituation situation) {
        Decision decision = decide(situation);
        ReferralRules.Outcome then = decision.rule().then();
        Optional<PostalPlace> place = situation.postcode() == null ? Optional.empty()
                : postalCodes.find(situation.postcode()).stream().findFirst();
        if (situation.postcode() != null && place.isEmpty()) {
            throw new InvalidParameterException("postcode", "is geen Belgische postcode die we kennen");
        }
        List<Map<String, List<String>>> tries = new ArrayList<>();
        Map<String, List<String>> filters = new LinkedHashMap<>();
        filters.put(CARELINE, then.carelines());
        if (!then.modules().isEmpty()) {
            filters.put(MODULE, then.modules());
        }
        if (situation.concern() != null) {
            Map<String, List<String>> withConcern = new LinkedHashMap<>(filters);
            withConcern.put(PROBLEM, List.of(situation.concern()));
            tries.add(withConcern);
        }
        tries.add(filters);
        tries.add(Map.of(CARELINE, then.carelines()));
        List<ResultCard> services = List.of();
        String matched = null;
        for (Map<String, List<String>> attempt : tries) {
            services = services(attempt, place, servicesShown);
            if (!services.isEmpty()) {
                matched = String.join(", ", attempt.keySet());
                break;
            }
        }
        java.util.Set<String> shown = new java.util.HashSet<>(services.stream().map(ResultCard::id).toList());
        List<ResultCard> partners = place.map(p -> search.search(new SearchRequest("", "service",
                Map.of(CARELINE, List.of("3")), null, null, null, null, null, p.province(), null,
                SearchRequest.Sort.NAME, servicesShown + shown.size(), 1, SearchRequest.Audience.PROFESSIONALS))
                .results().stream().filter(card -> !shown.contains(card.id())).limit(servicesShown).toList())
                .orElse(List.of());
        return new ReferralAdvice(decision.version(), decision.rule().id(), "now".equals(then.speed()), then.speed(),
                terms(CARELINE, then.carelines()), terms(MODULE, then.modules()), terms(PROGRAMME, then.programmes()),
                then.advice(), decision.notes().stream().map(ReferralRules.Note::text).toList(),
                decision.rule().sources(),
                place.map(p -> new ReferralAdvice.Place(p.postalCode(), p.municipality(), p.province(),
                        p.eerstelijnszone())).orElse(null),
                services, matched, partners, searchPath(filters, situation));
    }

    private List<ResultCard> services(Map<String, List<String>> filters, Optional<PostalPlace> place, int limit) {
        SearchRequest.GeoPoint point = place.map(p -> new SearchRequest.GeoPoint(p.latitude(), p.longitude(),
                p.postalCode())).orElse(null);
        return search.search(new SearchRequest("", "service", filters, point, point == null ? null : radiusKm, null,
                null, null, null, null, point == null ? SearchRequest.Sort.RELEVANCE : SearchRequest.Sort.DISTANCE,
                limit, 1, SearchRequest.Audience.PROFESSIONALS)).results();
    }

    private List<ReferralAdvice.Term> terms(String dimension, List<String> codes) {
        return codes.stream().map(code -> new ReferralAdvice.Term(code, labels.label(dimension, code))).toList();
    }

    private static String searchPath(Map<String, List<String>> filters, ReferralSituation situation) {
        StringBuilder path = new StringBuilder("/?modus=professionals");
        filters.forEach((dimension, codes) -> codes.forEach(code -> path.append('&').append(dimension).append('=')
                .append(URLEncoder.encode(code, StandardCharsets.UTF_8))));
        if (situation.postcode() != null) {
            path.append("&plaats=").append(URLEncoder.encode(situation.postcode(), StandardCharsets.UTF_8));
        }
        return path.toString();
    }

    /** The answers, each checked against its question (allowed values, number range, a known concern). */
    private Map<String, Object> check(ReferralSituation situation, ReferralRules.Version version) {
        Map<String, Object> answers = situation.answers();
        if (situation.severity() == null) {
            throw new InvalidParameterException("severity", "is verplicht");
        }
        if (situation.phase() == null) {
            throw new InvalidParameterException("phase", "is verplicht");
        }
        answers.forEach((question, value) -> {
            JsonNode spec = version.questions().get(question);
            JsonNode allowed = spec.path("values");
            if (!allowed.isMissingNode() && !allowed.has(value.toString())) {
                throw new InvalidParameterException(question, "moet een van " + iterable(allowed.fieldNames()) + " zijn");
            }
            if (value instanceof Integer number && (number < spec.path("min").asInt(Integer.MIN_VALUE)
                    || number > spec.path("max").asInt(Integer.MAX_VALUE))) {
                throw new InvalidParameterException(question, "moet tussen " + spec.path("min").asInt() + " en "
                        + spec.path("max").asInt() + " liggen");
            }
        });
        if (situation.concern() != null && !labels.isKnownTerm(PROBLEM, situation.concern())) {
            throw new InvalidParameterException("concern", "is geen probleem uit de taxonomie");
        }
        return answers;
    }

    private static List<String> iterable(java.util.Iterator<String> names) {
        List<String> list = new ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    /** Whether every condition holds; an answer not given fails a condition on it. */
    static boolean holds(Map<String, JsonNode> when, Map<String, Object> answers, List<String> carelines) {
        for (Map.Entry<String, JsonNode> condition : when.entrySet()) {
            JsonNode expected = condition.getValue();
            if (condition.getKey().equals(ReferralRules.CARELINE_INCLUDES)) {
                boolean any = false;
                for (JsonNode line : expected) {
                    any |= carelines.contains(line.asText());
                }
                if (!any) {
                    return false;
                }
                continue;
            }
            Object value = answers.get(condition.getKey());
            if (value == null) {
                return false;
            }
            boolean ok;
            if (expected.isBoolean()) {
                ok = value.equals(expected.asBoolean());
            } else if (expected.isArray()) {
                ok = false;
                for (JsonNode allowed : expected) {
                    ok |= allowed.asText().equals(value.toString());
                }
            } else {
                int number = ((Number) value).intValue();
                ok = number >= expected.path("min").asInt(Integer.MIN_VALUE)
                        && number <= expected.path("max").asInt(Integer.MAX_VALUE);
            }
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
