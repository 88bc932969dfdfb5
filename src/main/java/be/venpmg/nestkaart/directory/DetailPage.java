package be.venpmg.nestkaart.directory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.views.ModelAndView;

import be.venpmg.nestkaart.taxonomy.ReportedFact;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Answers a detail page: 404 page when there is nothing published, 301 to the canonical URL when the slug differs,
 * else the view with the status notice of a "meld een wijziging" round trip.
 */
public final class DetailPage {
    private DetailPage() {
    }

    public static HttpResponse<?> render(Optional<Map<String, Object>> model, @Nullable String slug,
                                         @Nullable String gemeld, String view) {
        if (model.isEmpty()) {
            return HttpResponse.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML_TYPE)
                    .body(new ModelAndView<>("niet-gevonden", Map.of()));
        }
        String path = (String) model.get().get("path");
        if (slug == null || !path.endsWith("/" + slug)) {
            // A form's answer (?gemeld=…) survives the way to the page's canonical address.
            return HttpResponse.status(HttpStatus.MOVED_PERMANENTLY).header("Location", gemeld == null ? path
                    : path + "?gemeld=" + java.net.URLEncoder.encode(gemeld, java.nio.charset.StandardCharsets.UTF_8));
        }
        Map<String, Object> values = new HashMap<>(model.get());
        values.put("facts", Arrays.stream(ReportedFact.values())
                .map(fact -> Map.of("code", fact.code(), "label", fact.label())).toList());
        values.put("claimNotice", gemeld == null || !gemeld.startsWith("aanvraag") ? null : switch (gemeld) {
            case "aanvraag" -> "Bedankt! De redactie bekijkt je aanvraag. Na haar bevestiging meld je je aan met dit "
                    + "e-mailadres en wachtwoord.";
            case "aanvraag-fout-password" -> "Kies een wachtwoord van minstens 12 tekens dat niet makkelijk te raden is, "
                    + "bijvoorbeeld een zin van enkele woorden.";
            case "aanvraag-fout-email" -> "Vul een geldig e-mailadres in.";
            case "aanvraag-fout-display_name" -> "Vul je naam in (hoogstens 200 tekens).";
            default -> "Je aanvraag kon niet verwerkt worden. Probeer het opnieuw.";
        });
        values.put("notice", gemeld == null ? null : switch (gemeld) {
            case "ja" -> "Bedankt! Je melding is doorgestuurd naar de redactie.";
            case "leeg" -> "Je melding was leeg of te lang: zeg wat juist is of licht toe (maximaal 2000 tekens).";
            case "teveel" -> "Je stuurde het voorbije uur al veel meldingen. Probeer het later opnieuw.";
            default -> null;
        });
        return HttpResponse.ok(new ModelAndView<>(view, values)).contentType(MediaType.TEXT_HTML_TYPE);
    }
}
