package be.venpmg.nestkaart.editorial;

import be.venpmg.nestkaart.kernel.SiteAddress;
import be.venpmg.nestkaart.kernel.InvalidParameterException;
import be.venpmg.nestkaart.kernel.PerHourLimit;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/** The public "meld een nieuw aanbod" page: no account, a few per client address per hour. */
@Hidden // an HTML page and its form post, not part of the API document
@Controller("/meld-nieuw-aanbod")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class IntakeFormController {
    private static final Map<String, String> FIELDS = Map.of("organization_name", "de naam van de organisatie",
            "service_name", "de naam van het aanbod", "description", "de beschrijving", "postal_code", "de postcode",
            "phone", "het telefoonnummer", "website", "de website", "contact_email", "je e-mailadres");
    private final Intakes intakes;
    private final PerHourLimit limit;
    private final SiteAddress site;

    IntakeFormController(Intakes intakes, @Value("${nestkaart.suggestions.per-hour}") int perHour,
                         SiteAddress site) {
        this.intakes = intakes;
        this.limit = new PerHourLimit(perHour);
        this.site = site;
    }

    @Get(produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(@QueryValue @Nullable String gemeld) {
        Map<String, Object> model = new HashMap<>();
        model.put("canonical", site.baseUrl() + "/meld-nieuw-aanbod");
        model.put("notice", gemeld == null ? null : gemeld.equals("ja")
                ? "Bedankt! De redactie bekijkt je melding." : gemeld.equals("teveel")
                ? "Je stuurde het voorbije uur al veel meldingen. Probeer het later opnieuw."
                : "Je melding kon niet verstuurd worden: kijk " + FIELDS.getOrDefault(gemeld.replace("fout-", ""),
                "de velden") + " na.");
        return new ModelAndView<>("nieuw-aanbod", model);
    }

    @Post(consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> submit(HttpRequest<?> request, @Body Map<String, String> form) {
        if (!limit.allow(request.getRemoteAddress().getAddress().getHostAddress())) {
            return HttpResponse.seeOther(URI.create("/meld-nieuw-aanbod?gemeld=teveel"));
        }
        try {
            intakes.submit(form);
        } catch (InvalidParameterException e) {
            return HttpResponse.seeOther(URI.create("/meld-nieuw-aanbod?gemeld=fout-" + e.parameter()));
        }
        return HttpResponse.seeOther(URI.create("/meld-nieuw-aanbod?gemeld=ja"));
    }
}
