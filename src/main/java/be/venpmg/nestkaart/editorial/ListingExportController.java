package be.venpmg.nestkaart.editorial;

import be.venpmg.nestkaart.taxonomy.ClosedVocabulary;
import be.venpmg.nestkaart.taxonomy.PublicationStatus;
import be.venpmg.nestkaart.access.Roles;
import be.venpmg.nestkaart.kernel.InvalidParameterException;
import be.venpmg.nestkaart.kernel.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

/** Spreadsheet downloads of the listings for editors. */
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "session")
@Tag(name = "Editorial workflow")
@Controller("/api/v1/editor/export")
@Secured(Roles.EDITOR)
@ExecuteOn(TaskExecutors.BLOCKING)
class ListingExportController {
    private static final Set<String> STATUSES = ClosedVocabulary.codes(PublicationStatus.class);

    private final ListingSpreadsheet spreadsheet;
    private final Clock clock;

    ListingExportController(ListingSpreadsheet spreadsheet, Clock clock) {
        this.spreadsheet = spreadsheet;
        this.clock = clock;
    }

    /**
     * The listings of one type as CSV (UTF-8 with byte order mark): organizations, services, locations or
     * professionals, in every publication status unless {@code status} picks one.
     */
    @Get(value = "/{type}.csv", produces = "text/csv")
    @ApiResponse(responseCode = "200", description = "CSV, UTF-8 with BOM, header row in Dutch",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
    HttpResponse<byte[]> csv(
            @Parameter(description = "organizations, services, locations or professionals") @PathVariable String type,
            @Parameter(description = "comma (default) or semicolon, for Excel in a Dutch locale",
                    schema = @Schema(allowableValues = {"comma", "semicolon"}))
            @Nullable @QueryValue String separator,
            @Parameter(description = "only listings with this publication status",
                    schema = @Schema(allowableValues = {"draft", "in_review", "published", "archived"}))
            @Nullable @QueryValue String status) {
        if (!ListingSpreadsheet.knows(type)) {
            throw new NotFoundException("listing export", type);
        }
        char delimiter = switch (separator == null || separator.isBlank() ? "comma" : separator.trim()) {
            case "comma", "," -> ',';
            case "semicolon", ";" -> ';';
            default -> throw new InvalidParameterException("separator", "must be comma or semicolon, was '"
                    + separator + "'");
        };
        String wanted = status == null || status.isBlank() ? null : status.trim();
        if (wanted != null && !STATUSES.contains(wanted)) {
            throw new InvalidParameterException("status", "must be one of " + STATUSES.stream().sorted().toList());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        spreadsheet.write(type, wanted, delimiter, out);
        String file = "nestkaart-" + type + "-" + LocalDate.now(clock) + ".csv";
        return HttpResponse.ok(out.toByteArray())
                .contentType(new MediaType("text/csv; charset=utf-8"))
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"");
    }
}
