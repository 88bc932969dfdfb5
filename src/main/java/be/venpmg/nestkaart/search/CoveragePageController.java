package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.kernel.SiteAddress;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The coverage page: per region a tile coloured by how many care lines and modules are missing there (a schematic
 * map, grouped by province), and the table beside it, the same rows as the CSV.
 */
@Hidden // an HTML page
@Controller("/dekking")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class CoveragePageController {
    private final CoverageReport report;
    private final SiteAddress site;

    CoveragePageController(CoverageReport report, SiteAddress site) {
        this.report = report;
        this.site = site;
    }

    /** A cell of the table; {@code none}: a count of 0, marked on the page. */
    record Cell(String text, boolean none) {
    }

    /** A region's tile: {@code level} 0 (nothing missing) to 4 (little or nothing there), its shade on the map. */
    record Tile(String name, String province, int missing, int level, String missingText) {
        static Tile of(CoverageReport.Region region, int columns) {
            int missing = region.gaps().size();
            int level = missing == 0 ? 0 : (int) Math.ceil(4.0 * missing / columns);
            return new Tile(region.name(), region.province(), missing, level,
                    missing == 0 ? "alles aanwezig" : "ontbreekt: " + String.join(", ", region.gaps()));
        }
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(@Nullable @QueryValue String per) {
        String by = CoverageController.by(per);
        CoverageReport.Coverage coverage = CoverageController.report(report, by);
        List<List<String>> table = CoverageController.table(coverage);
        Map<String, Object> model = new HashMap<>();
        model.put("canonical", site.baseUrl() + "/dekking" + (by.equals("province") ? "?per=province" : ""));
        model.put("byProvince", by.equals("province"));
        model.put("tiles", coverage.regions().stream().map(r -> Tile.of(r, coverage.columns().size())).toList());
        model.put("header", table.get(0));
        model.put("rows", table.subList(1, table.size()).stream().map(row -> row.stream()
                .map(text -> new Cell(text, text.equals("0"))).toList()).toList());
        model.put("columns", coverage.columns().size());
        model.put("csv", "/api/v1/coverage.csv?by=" + by);
        return new ModelAndView<>("dekking", model);
    }
}
