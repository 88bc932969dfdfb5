package be.venpmg.nestkaart.quality;


import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Public: the quality criteria and the recognition rules in force, so anyone can see what a level means. */
@Tag(name = "Quality criteria")
@Controller("/api/v1/quality")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class CriteriaController {
    private final QualityCriterionRepository criteria;
    private final RuleBook rules;
    private final Clock clock;

    CriteriaController(QualityCriterionRepository criteria, RuleBook rules, Clock clock) {
        this.criteria = criteria;
        this.rules = rules;
        this.clock = clock;
    }

    @Serdeable
    record Criterion(String code, int number, String title, String description, List<String> evidenceKinds) {
    }

    /** The quality criteria of the network and the evidence each asks for. */
    @Get("/criteria")
    List<Criterion> criteria() {
        return criteria.findAllOrderByNumber().stream().map(c -> new Criterion(c.code(), c.number(), c.title(),
                c.description(), c.evidenceKindList())).toList();
    }

    /** The recognition rules: levels, experience, continuing education. */
    @Get("/rules")
    RuleSet rules() {
        return rules.activeOn(LocalDate.now(clock));
    }
}
