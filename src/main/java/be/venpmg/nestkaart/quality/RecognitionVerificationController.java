package be.venpmg.nestkaart.quality;

import be.venpmg.nestkaart.kernel.SiteAddress;
import be.venpmg.nestkaart.taxonomy.ClosedVocabulary;
import be.venpmg.nestkaart.taxonomy.RecognitionLevel;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * A recognition's certificate and the address printed on it: anyone who has the address sees whose recognition it
 * is, the level, since when and until when, under which rules and the criteria behind them; an address that no longer
 * matches a held level says so. The page prints as the certificate.
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class RecognitionVerificationController {
    private final RecognitionStore store;
    private final QualityCriterionRepository criteria;
    private final RuleBook rules;
    private final SiteAddress site;
    private final Clock clock;

    RecognitionVerificationController(RecognitionStore store, QualityCriterionRepository criteria, RuleBook rules,
                                      SiteAddress site, Clock clock) {
        this.store = store;
        this.criteria = criteria;
        this.rules = rules;
        this.site = site;
        this.clock = clock;
    }

    /** One version of the recognition rules in plain Dutch: what each level asked while it was in force. */
    @Get(value = "/erkenningsregels/{version}", produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> rules(@PathVariable String version) {
        Map<String, Object> model = new HashMap<>();
        model.put("canonical", site.baseUrl() + "/erkenningsregels/" + version);
        model.put("criteria", criteria.findAllOrderByNumber());
        var found = rules.version(version);
        found.ifPresent(set -> {
            model.put("rules", set);
            model.put("inForce", rules.activeOn(LocalDate.now(clock)).version().equals(set.version()));
            model.put("levels", RulesInDutch.levels(set));
        });
        model.put("versions", rules.versions().stream().map(RuleSet::version).toList());
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(found.isPresent() ? HttpStatus.OK
                : HttpStatus.NOT_FOUND).body(new ModelAndView<>("erkenningsregels", model));
    }

    @Get(value = "/erkenning/{code}", produces = MediaType.TEXT_HTML)
    HttpResponse<ModelAndView<Map<String, Object>>> verify(@PathVariable String code) {
        Map<String, Object> model = new HashMap<>();
        model.put("canonical", site.baseUrl() + "/erkenning/" + code);
        model.put("address", site.baseUrl() + "/erkenning/" + code);
        model.put("criteria", criteria.findAllOrderByNumber());
        var found = code.matches("[A-Za-z0-9-]{8,64}") ? store.verified(code) : java.util.Optional.<RecognitionStore.Verified>empty();
        found.ifPresent(v -> {
            model.put("recognition", v);
            model.put("level", ClosedVocabulary.label(RecognitionLevel.class, v.level()));
            model.put("rulesHref", "/erkenningsregels/" + v.ruleVersion());
            model.put("expired", v.validUntil() != null && v.validUntil().isBefore(LocalDate.now(clock)));
        });
        return HttpResponse.<ModelAndView<Map<String, Object>>>status(found.isPresent() ? HttpStatus.OK
                : HttpStatus.NOT_FOUND).body(new ModelAndView<>("erkenning", model));
    }
}
