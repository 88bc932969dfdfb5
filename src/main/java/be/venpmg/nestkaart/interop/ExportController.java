package be.venpmg.nestkaart.interop;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.server.cors.CrossOrigin;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.server.types.files.SystemFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;

/** Downloads of the whole public dataset, for other social maps that harvest rather than query. */
// Public, read-only data without credentials: any site may read it from the browser. A pattern rather than "*" because
// Micronaut refuses "any origin" towards localhost (a guard for development servers that this data does not need).
@CrossOrigin(allowedOriginsRegex = ".*", allowCredentials = false, allowedMethods = HttpMethod.GET)
@Secured(SecurityRule.IS_ANONYMOUS)
@Controller("/api/v1/export")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Export")
class ExportController {
    private final ExportFiles files;

    ExportController(ExportFiles files) {
        this.files = files;
    }

    /** The public dataset as HSDS 3.0 tabular JSON: one array per table, the shape {@code nestkaart import} reads. */
    @Get(value = "/hsds.json", produces = MediaType.APPLICATION_JSON)
    @ApiResponse(responseCode = "200", description = "HSDS 3.0 tabular JSON", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = "object")))
    HttpResponse<SystemFile> json() throws IOException {
        return HttpResponse.ok(new SystemFile(files.current(ExportFiles.Format.JSON).toFile(),
                MediaType.APPLICATION_JSON_TYPE).attach("nestkaart-hsds.json"));
    }

    /** The public dataset as an HSDS tabular data package: datapackage.json and one CSV per table, zipped. */
    @Get(value = "/hsds-datapackage.zip", produces = "application/zip")
    @ApiResponse(responseCode = "200", description = "Tabular data package (zip)", content = @Content(
            mediaType = "application/zip", schema = @Schema(type = "string", format = "binary")))
    HttpResponse<SystemFile> datapackage() throws IOException {
        return HttpResponse.ok(new SystemFile(files.current(ExportFiles.Format.DATAPACKAGE).toFile(),
                new MediaType("application/zip")).attach("nestkaart-hsds-datapackage.zip"));
    }
}
