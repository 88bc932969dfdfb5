package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.kernel.InvalidParameterException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The coverage report as open data: JSON and CSV, per province or eerstelijnszone. */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Search")
class CoverageController {
    private final CoverageReport report;

    CoverageController(CoverageReport report) {
        this.report = report;
    }

    /** Per region, how many published services offer each care line and module there, and which none. */
    @Get(value = "/coverage", produces = MediaType.APPLICATION_JSON)
    CoverageReport.Coverage coverage(@Parameter(description = "eerstelijnszone (default) or province",
            schema = @Schema(allowableValues = {"eerstelijnszone", "province"})) @Nullable @QueryValue String by) {
        return report(report, by);
    }

    /** The same as CSV (UTF-8, a header row in Dutch), as the coverage page shows it. */
    @Get(value = "/coverage.csv", produces = "text/csv")
    @ApiResponse(responseCode = "200", description = "CSV, one row per region and one for all of Flanders",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    HttpResponse<String> csv(@Parameter(description = "eerstelijnszone (default) or province",
            schema = @Schema(allowableValues = {"eerstelijnszone", "province"})) @Nullable @QueryValue String by) {
        String kind = by(by);
        return HttpResponse.ok(csv(report(report, kind)))
                .contentType(new MediaType("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"nestkaart-dekking-" + kind + ".csv\"");
    }

    /** One table for the page and the file: region, province, one column per care line and module, what is missing. */
    static List<List<String>> table(CoverageReport.Coverage coverage) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of(coverage.by().equals("province") ? "provincie" : "eerstelijnszone",
                "provincie"));
        coverage.columns().forEach(c -> header.add(c.label()));
        header.add("ontbreekt");
        rows.add(header);
        for (CoverageReport.Region region : coverage.regions()) {
            List<String> row = new ArrayList<>(List.of(region.name(),
                    region.province() == null ? region.name() : region.province()));
            coverage.columns().forEach(c -> row.add(String.valueOf(region.services().get(c.key()))));
            row.add(String.join(", ", region.gaps()));
            rows.add(row);
        }
        List<String> everywhere = new ArrayList<>(List.of("heel Vlaanderen en Brussel, telefonisch of online", ""));
        coverage.columns().forEach(c -> everywhere.add(String.valueOf(coverage.everywhere().get(c.key()))));
        everywhere.add("");
        rows.add(everywhere);
        return rows;
    }

    /** The report, or 503 while the search index it is counted from is being built. */
    static CoverageReport.Coverage report(CoverageReport report, String by) {
        if (!report.ready()) {
            throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The search index is being built; try again "
                    + "shortly.");
        }
        return report.of(by(by));
    }

    static String by(String by) {
        String kind = by == null || by.isBlank() ? IndexSchema.EERSTELIJNSZONE : by.strip();
        if (!CoverageReport.BY.contains(kind)) {
            throw new InvalidParameterException("by", "must be eerstelijnszone or province, was '" + by + "'");
        }
        return kind;
    }

    private static String csv(CoverageReport.Coverage coverage) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.EXCEL)) {
            for (List<String> row : table(coverage)) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
