package be.venpmg.nestkaart.guidance;

import be.venpmg.nestkaart.kernel.InvalidParameterException;
import be.venpmg.nestkaart.kernel.SiteAddress;
import be.venpmg.nestkaart.search.FacetLabels;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import io.swagger.v3.oas.annotations.Hidden;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.HashMap;
import java.util.Map;

/**
 * The referral helper for professionals: a few answers about a situation give the care line and modules the report
 * recommends, with the services nearby. As JSON, and as a page that works without JavaScript (a GET form).
 */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class ReferralController {
    private final ReferralHelper helper;
    private final FacetLabels labels;
    private final SiteAddress site;

    ReferralController(ReferralHelper helper, FacetLabels labels, SiteAddress site) {
        this.helper = helper;
        this.labels = labels;
        this.site = site;
    }

    /**
     * The care lines and modules the report recommends for a situation, why, and the services nearby. Nothing that
     * identifies a family is asked or kept.
     */
    @Tag(name = "Guidance")
    @Get(value = "/api/v1/referral-advice", produces = MediaType.APPLICATION_JSON)
    ReferralAdvice advice(@Nullable @QueryValue String concern, @Nullable @QueryValue String severity,
                          @Nullable @QueryValue String danger, @Nullable @QueryValue String phase,
                          @Nullable @QueryValue("pregnancy_weeks") Integer pregnancyWeeks,
                          @Nullable @QueryValue("baby_age_months") Integer babyAgeMonths,
                          @Nullable @QueryValue String history, @Nullable @QueryValue("home_support") String homeSupport,
                          @Nullable @QueryValue("child_safety") String childSafety,
                          @Nullable @QueryValue String postcode) {
        return helper.advise(new ReferralSituation(blank(concern), blank(severity),
                Boolean.TRUE.equals(flag("danger", danger)), blank(phase), pregnancyWeeks, babyAgeMonths,
                flag("history", history), blank(homeSupport), flag("child_safety", childSafety), blank(postcode)));
    }

    /** The referral rules in force: questions, rules and notes with their sources in the report. */
    @Tag(name = "Guidance")
    @Get(value = "/api/v1/referral-rules", produces = MediaType.APPLICATION_JSON)
    HttpResponse<String> rules() {
        return HttpResponse.ok(helper.current().document().toString());
    }

    @Hidden
    @Get(value = "/verwijshulp", produces = MediaType.TEXT_HTML)
    ModelAndView<Map<String, Object>> page(@Nullable @QueryValue String concern, @Nullable @QueryValue String severity,
                                           @Nullable @QueryValue String danger, @Nullable @QueryValue String phase,
                                           @Nullable @QueryValue("pregnancy_weeks") String pregnancyWeeks,
                                           @Nullable @QueryValue("baby_age_months") String babyAgeMonths,
                                           @Nullable @QueryValue String history,
                                           @Nullable @QueryValue("home_support") String homeSupport,
                                           @Nullable @QueryValue("child_safety") String childSafety,
                                           @Nullable @QueryValue String postcode) {
        Map<String, Object> model = new HashMap<>();
        model.put("canonical", site.baseUrl() + "/verwijshulp");
        model.put("concerns", labels.terms("problem"));
        model.put("questions", helper.current().questions());
        Map<String, String> asked = new HashMap<>();
        asked.put("concern", blank(concern));
        asked.put("severity", blank(severity));
        asked.put("danger", blank(danger));
        asked.put("phase", blank(phase));
        asked.put("pregnancy_weeks", blank(pregnancyWeeks));
        asked.put("baby_age_months", blank(babyAgeMonths));
        asked.put("history", blank(history));
        asked.put("home_support", blank(homeSupport));
        asked.put("child_safety", blank(childSafety));
        asked.put("postcode", blank(postcode));
        model.put("asked", asked);
        if (asked.get("severity") != null || asked.get("phase") != null) {
            try {
                model.put("advice", helper.advise(new ReferralSituation(asked.get("concern"), asked.get("severity"),
                        Boolean.TRUE.equals(flag("danger", danger)), asked.get("phase"),
                        number("pregnancy_weeks", pregnancyWeeks), number("baby_age_months", babyAgeMonths),
                        flag("history", history), asked.get("home_support"), flag("child_safety", childSafety),
                        asked.get("postcode"))));
            } catch (InvalidParameterException e) {
                String question = helper.current().questions().path(e.parameter()).path("label")
                        .asText(e.parameter());
                model.put("error", question + " " + e.getMessage());
            }
        }
        return new ModelAndView<>("verwijshulp", model);
    }

    /** A yes/no answer: true/false (the API) or ja/nee (the form); anything else is refused by name. */
    @Nullable
    private static Boolean flag(String question, @Nullable String answer) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        return switch (answer.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "ja" -> true;
            case "false", "nee" -> false;
            default -> throw new InvalidParameterException(question, "moet true of false (ja of nee) zijn");
        };
    }

    @Nullable
    private static Integer number(String question, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(question, "moet een getal zijn");
        }
    }

    @Nullable
    private static String blank(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
