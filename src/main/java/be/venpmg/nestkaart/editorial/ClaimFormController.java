package be.venpmg.nestkaart.editorial;

import be.venpmg.nestkaart.access.RequestRefusedException;
import be.venpmg.nestkaart.kernel.InvalidParameterException;
import be.venpmg.nestkaart.kernel.PerHourLimit;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.net.URI;
import java.util.Map;

/**
 * The public "beheer deze organisatie" form on an organisation's page: the representative's name, work e-mail and a
 * password of their choice; the account waits for an editor. At most a few requests per client address per hour.
 */
@Hidden // an HTML form post, not part of the API document
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class ClaimFormController {
    private final OrganizationClaims claims;
    private final PerHourLimit limit;

    ClaimFormController(OrganizationClaims claims, @Value("${nestkaart.suggestions.per-hour}") int perHour) {
        this.claims = claims;
        this.limit = new PerHourLimit(perHour);
    }

    @Post(value = "/beheer-aanvragen", consumes = MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> request(HttpRequest<?> request, @Body Map<String, String> form) {
        String organization = form.getOrDefault("organization_id", "");
        String back = "/organisatie/" + organization;
        if (!limit.allow(request.getRemoteAddress().getAddress().getHostAddress())) {
            return HttpResponse.seeOther(URI.create(back + "?gemeld=teveel#beheer"));
        }
        try {
            claims.submit(organization, form.getOrDefault("display_name", ""), form.getOrDefault("email", ""),
                    form.getOrDefault("password", ""), form.get("message"));
        } catch (InvalidParameterException e) {
            if ("organization_id".equals(e.parameter())) {
                throw e;
            }
            return HttpResponse.seeOther(URI.create(back + "?gemeld=aanvraag-fout-" + e.parameter() + "#beheer"));
        } catch (RequestRefusedException taken) {
            // The same answer as for a new address: the form does not tell who has an account.
            return HttpResponse.seeOther(URI.create(back + "?gemeld=aanvraag#beheer"));
        }
        return HttpResponse.seeOther(URI.create(back + "?gemeld=aanvraag#beheer"));
    }
}
