package be.venpmg.nestkaart.quality;

import io.swagger.v3.oas.annotations.tags.Tag;
import be.venpmg.nestkaart.platform.Database;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Public: the quality criteria and the recognition rules in force, so anyone can see what a level means. */
@Tag(name = "Quality criteria")
@Controller("/api/v1/quality")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class CriteriaController {
    private final Database database;
    private final RuleBook rules;
    private final Clock clock;

    CriteriaController(Database database, RuleBook rules, Clock clock) {
        this.database = database;
        this.rules = rules;
        this.clock = clock;
    }

    @Serdeable
    record Criterion(String code, int number, String title, String description, List<String> evidenceKinds) {
    }

    @Get("/criteria")
    List<Criterion> criteria() throws SQLException {
        List<Criterion> criteria = new ArrayList<>();
        try (Connection c = database.open();
             PreparedStatement s = c.prepareStatement(
                     "SELECT code, number, title, description, evidence_kinds FROM quality_criterion ORDER BY number");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                criteria.add(new Criterion(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        List.of(rs.getString(5).split(","))));
            }
        }
        return criteria;
    }

    @Get("/rules")
    RuleSet rules() {
        return rules.activeOn(LocalDate.now(clock));
    }
}
