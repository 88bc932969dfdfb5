package be.venpmg.nestkaart.directory;

import be.venpmg.nestkaart.kernel.SiteAddress;
import be.venpmg.nestkaart.kernel.WebAddress;
import be.venpmg.nestkaart.kernel.Slugs;

import be.venpmg.nestkaart.directory.Address;
import be.venpmg.nestkaart.directory.CostOption;
import be.venpmg.nestkaart.directory.ListingViews;
import be.venpmg.nestkaart.taxonomy.ClosedVocabulary;
import be.venpmg.nestkaart.taxonomy.Reimbursement;
import be.venpmg.nestkaart.directory.ListingViews.LocationView;
import be.venpmg.nestkaart.directory.ListingViews.OrganizationDetail;
import be.venpmg.nestkaart.directory.ListingViews.ProfessionalView;
import be.venpmg.nestkaart.directory.ListingViews.ServiceDetail;
import be.venpmg.nestkaart.directory.ListingViews.TermView;
import be.venpmg.nestkaart.directory.Phone;
import be.venpmg.nestkaart.directory.Schedule;
import be.venpmg.nestkaart.search.IndexConfigHolder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns listing views into the models of the server-rendered detail pages (Dutch labels, contact lines, route
 * links) and their schema.org JSON-LD.
 */
@Singleton
public class ListingPageModels {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-BE"));
    private static final Map<String, String> TAXONOMY_LABELS = Map.of(
            "nestkaart-careline", "Zorglijn", "nestkaart-module", "Zorgmodule", "nestkaart-intervention", "Interventies",
            "nestkaart-problem", "Waarvoor", "nestkaart-target-group", "Voor wie", "nestkaart-phase", "Wanneer",
            "nestkaart-format", "Vorm", "nestkaart-organization-type", "Soort organisatie",
            "nestkaart-profession", "Beroep");
    private static final Map<String, String> DAYS = Map.of("MO", "maandag", "TU", "dinsdag", "WE", "woensdag",
            "TH", "donderdag", "FR", "vrijdag", "SA", "zaterdag", "SU", "zondag");

    private final IndexConfigHolder config;
    private final java.time.Clock clock;
    private final SiteAddress site;

    ListingPageModels(IndexConfigHolder config, SiteAddress site, java.time.Clock clock,
                      SocialeKaartLinks socialeKaart) {
        this.socialeKaart = socialeKaart;
        this.config = config;
        this.clock = clock;
        this.site = site;
    }

    private final SocialeKaartLinks socialeKaart;

    public String baseUrl() {
        return site.baseUrl();
    }

    public Map<String, Object> service(ServiceDetail s) {
        Map<String, Object> model = common("service", "aanbod", s.id(), s.name(), s.description(), s.verifiedAt());
        model.put("organization", s.organization() == null ? null : Map.of("name", s.organization().name(),
                "url", "/organisatie/" + s.organization().id() + "/" + Slugs.of(s.organization().name())));
        model.put("places", places(s.locations()));
        model.put("phones", s.phones().stream().map(Phone::number).distinct().toList());
        model.put("email", s.email());
        model.put("website", webAddress(s.url()));
        model.put("languages", s.languages().stream().map(this::languageName).toList());
        model.put("costs", s.costOptions().stream().map(this::cost).toList());
        model.put("hours", s.schedules().stream().map(ListingPageModels::hours).toList());
        model.put("waiting", s.waitingTime() == null ? null : waiting(s.waitingTime()));
        model.put("access", s.referralRoute() != null ? switch (s.referralRoute()) {
            case "direct" -> "Rechtstreeks: je mag zelf contact opnemen";
            case "via_huisarts" -> "Via je huisarts";
            default -> "Via een verwijzing van een hulpverlener (huisarts, vroedvrouw, Kind & Gezin, …)";
        } : s.referralRequired() == null ? null : s.referralRequired()
                ? "Via verwijzing (bijvoorbeeld door je huisarts, vroedvrouw of Kind & Gezin)"
                : "Rechtstreeks: je mag zelf contact opnemen");
        model.put("ages", ages(s.ageMinMonths(), s.ageMaxMonths()));
        model.put("offer", s.offerStatus() == null ? null : switch (s.offerStatus()) {
            case "pilot" -> "Pilootproject";
            case "recommended" -> "Aanbevolen door het expertisenetwerk";
            default -> null;
        });
        model.put("applicationProcess", s.applicationProcess());
        model.put("eligibility", s.eligibilityDescription());
        model.put("areas", s.serviceAreas().stream().map(ListingViews.AreaView::label).toList());
        model.put("alert", s.alert());
        model.put("terms", terms(s.terms()));
        model.put("socialeKaart", socialeKaart.link(s.socialeKaartId()));
        model.put("jsonLd", jsonLd(serviceLd(s)));
        return model;
    }

    public Map<String, Object> organization(OrganizationDetail o) {
        Map<String, Object> model = common("organization", "organisatie", o.id(), o.name(), o.description(),
                o.verifiedAt());
        model.put("places", places(o.locations()));
        model.put("phones", o.phones().stream().map(Phone::number).distinct().toList());
        model.put("email", o.email());
        model.put("website", webAddress(o.website()));
        model.put("terms", terms(o.terms()));
        model.put("labels", o.qualityLabels());
        model.put("socialeKaart", socialeKaart.link(o.socialeKaartId()));
        model.put("services", o.services().stream().map(s -> Map.of("name", s.name(),
                "url", "/aanbod/" + s.id() + "/" + Slugs.of(s.name()))).toList());
        ObjectNode ld = JSON.createObjectNode().put("@context", "https://schema.org").put("@type", "MedicalOrganization")
                .put("@id", site.baseUrl() + model.get("path")).put("name", o.name()).put("description", o.description())
                .put("url", site.baseUrl() + model.get("path"));
        if (webAddress(o.website()) != null) {
            ld.withArray("sameAs").add(o.website());
        }
        addContacts(ld, o.locations(), o.phones(), o.email());
        model.put("jsonLd", jsonLd(ld));
        return model;
    }

    public Map<String, Object> professional(ProfessionalView p) {
        String name = p.givenName() + " " + p.familyName();
        Map<String, Object> model = common("professional", "hulpverlener", p.id(), name, p.description(),
                p.verifiedAt());
        model.put("languages", p.languages().stream().map(this::languageName).toList());
        model.put("recognition", p.recognition() == null ? null : Map.of("label", p.recognition().label(),
                "since", p.recognition().since().format(DATE)));
        model.put("terms", terms(p.terms()));
        model.put("affiliations", p.affiliations().stream().map(a -> Map.of("name", a.organizationName(),
                "role", a.role() == null ? "" : a.role(),
                "url", "/organisatie/" + a.organizationId() + "/" + Slugs.of(a.organizationName()))).toList());
        ObjectNode ld = JSON.createObjectNode().put("@context", "https://schema.org").put("@type", "Person")
                .put("@id", site.baseUrl() + model.get("path")).put("name", name).put("givenName", p.givenName())
                .put("familyName", p.familyName()).put("description", p.description())
                .put("url", site.baseUrl() + model.get("path"));
        p.affiliations().forEach(a -> ld.withArray("worksFor").addObject().put("@type", "MedicalOrganization")
                .put("name", a.organizationName()).put("url", site.baseUrl() + "/organisatie/" + a.organizationId() + "/"
                        + Slugs.of(a.organizationName())));
        p.terms().getOrDefault("nestkaart-profession", List.of())
                .forEach(t -> ld.withArray("hasOccupation").addObject().put("@type", "Occupation").put("name", t.name()));
        if (p.recognition() != null) {
            ld.withArray("hasCredential").addObject().put("@type", "EducationalOccupationalCredential")
                    .put("name", p.recognition().label()).put("dateCreated", p.recognition().since().toString())
                    .put("recognizedBy", "Vlaams Expertisenetwerk Perinatale Mentale Gezondheid");
        }
        model.put("jsonLd", jsonLd(ld));
        return model;
    }

    private Map<String, Object> common(String kind, String segment, String id, String name, String description,
                                       LocalDateTime verifiedAt) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("kind", kind);
        model.put("id", id);
        model.put("name", name);
        model.put("description", description);
        model.put("path", "/" + segment + "/" + id + "/" + Slugs.of(name));
        model.put("canonical", site.baseUrl() + "/" + segment + "/" + id + "/" + Slugs.of(name));
        model.put("verified", verifiedAt == null ? null : verifiedAt.toLocalDate().format(DATE));
        return model;
    }

    private ObjectNode serviceLd(ServiceDetail s) {
        String url = site.baseUrl() + "/aanbod/" + s.id() + "/" + Slugs.of(s.name());
        ObjectNode ld = JSON.createObjectNode().put("@context", "https://schema.org").put("@type", "Service")
                .put("@id", url).put("name", s.name()).put("description", s.description()).put("url", url)
                .put("serviceType", "Perinatale en infant mentale gezondheidszorg");
        if (s.organization() != null) {
            ObjectNode provider = ld.putObject("provider").put("@type", "MedicalOrganization")
                    .put("name", s.organization().name())
                    .put("url", site.baseUrl() + "/organisatie/" + s.organization().id() + "/" + Slugs.of(s.organization().name()));
            addContacts(provider, s.locations(), s.phones(), s.email());
        }
        s.locations().forEach(l -> {
            ObjectNode area = ld.withArray("areaServed").addObject().put("@type", "Place");
            addressOf(l).ifPresent(a -> area.set("address", a));
            if (l.latitude() != null) {
                area.putObject("geo").put("@type", "GeoCoordinates").put("latitude", l.latitude())
                        .put("longitude", l.longitude());
            }
        });
        s.serviceAreas().stream().filter(a -> !a.key().equals("remote")).forEach(a -> ld.withArray("areaServed")
                .addObject().put("@type", "AdministrativeArea").put("name", a.label()));
        s.languages().forEach(code -> ld.withArray("availableLanguage").addObject().put("@type", "Language")
                .put("name", languageName(code)).put("alternateName", code));
        s.costOptions().stream().filter(c -> c.reimbursement() != null).findFirst().ifPresent(c ->
                ld.put("isAccessibleForFree", "gratis".equals(c.reimbursement())));
        return ld;
    }

    private void addContacts(ObjectNode node, List<LocationView> locations, List<Phone> phones, String email) {
        phones.stream().map(Phone::number).distinct().findFirst().ifPresent(p -> node.put("telephone", p));
        if (email != null) {
            node.put("email", email);
        }
        locations.stream().map(this::addressOf).flatMap(java.util.Optional::stream).findFirst()
                .ifPresent(a -> node.set("address", a));
    }

    private java.util.Optional<ObjectNode> addressOf(LocationView location) {
        return location.addresses().stream().findFirst().map(a -> {
            ObjectNode address = JSON.createObjectNode().put("@type", "PostalAddress")
                    .put("postalCode", a.postalCode()).put("addressLocality", a.city()).put("addressCountry", a.country());
            if (a.address1() != null && !a.address1().isBlank()) {
                address.put("streetAddress", a.address1());
            }
            if (a.province() != null) {
                address.put("addressRegion", a.province());
            }
            return address;
        });
    }

    private List<Map<String, Object>> places(List<LocationView> locations) {
        List<Map<String, Object>> places = new ArrayList<>();
        for (LocationView l : locations) {
            Map<String, Object> place = new LinkedHashMap<>();
            place.put("name", l.name());
            List<String> lines = new ArrayList<>();
            for (Address a : l.addresses()) {
                if (a.address1() != null && !a.address1().isBlank()) {
                    lines.add(a.address1());
                }
                lines.add(a.postalCode() + " " + a.city());
            }
            place.put("lines", lines);
            place.put("route", l.latitude() == null ? null : "https://www.openstreetmap.org/directions?route=%3B"
                    + l.latitude() + "%2C" + l.longitude());
            place.put("transportation", l.transportation());
            places.add(place);
        }
        return places;
    }

    private Map<String, List<String>> terms(Map<String, List<TermView>> terms) {
        Map<String, List<String>> labelled = new LinkedHashMap<>();
        terms.forEach((taxonomy, list) -> labelled.put(TAXONOMY_LABELS.getOrDefault(taxonomy, taxonomy),
                list.stream().map(TermView::name).toList()));
        return labelled;
    }

    private String cost(CostOption c) {
        String text = c.reimbursement() == null ? "" : ClosedVocabulary.label(Reimbursement.class, c.reimbursement());
        if (c.amount() != null) {
            text += (text.isEmpty() ? "" : ": ") + "€ " + c.amount().toPlainString();
        }
        if (c.amountDescription() != null) {
            text += (text.isEmpty() ? "" : " — ") + c.amountDescription();
        }
        return text.isEmpty() && c.optionText() != null ? c.optionText() : text;
    }

    private static String hours(Schedule s) {
        if (s.description() != null && !s.description().isBlank()) {
            return s.description();
        }
        String days = s.byday() == null ? "" : String.join(", ", java.util.Arrays.stream(s.byday().split(","))
                .map(d -> DAYS.getOrDefault(d.trim(), d.trim())).toList());
        String time = s.opensAt() == null ? "" : " " + s.opensAt() + "–" + (s.closesAt() == null ? "" : s.closesAt());
        return (days + time).trim();
    }

    /** A link a page may show: a web address only (an older import may hold a javascript: or data: one). */
    private static String webAddress(String url) {
        return url != null && WebAddress.isWebAddress(url.strip()) ? url.strip() : null;
    }

    /** "van 0 tot 12 maanden", "vanaf 6 maanden", "tot 24 maanden" (the first 1000 days count in months). */
    private static String ages(Integer from, Integer to) {
        if (from == null && to == null) {
            return null;
        }
        if (from == null) {
            return "Kinderen tot " + to + " maanden";
        }
        return to == null ? "Kinderen vanaf " + from + " maanden" : "Kinderen van " + from + " tot " + to + " maanden";
    }

    /** The availability as a parent reads it: weeks and new requests, with how long ago it was reported. */
    private Map<String, Object> waiting(ListingViews.WaitingTime reported) {
        Map<String, Object> waiting = new LinkedHashMap<>();
        Integer weeks = reported.weeks();
        String text = reported.outdated() ? "Onbekend: de laatste melding is te oud om nog te kloppen"
                : weeks == null ? reported.text() : weeks == 0 ? "Geen wachttijd" : "Ongeveer " + weeks
                + (weeks == 1 ? " week" : " weken");
        String accepting = reported.outdated() || reported.acceptingNew() == null ? null
                : switch (reported.acceptingNew()) {
                    case "yes" -> "neemt nieuwe aanmeldingen aan";
                    case "waitlist" -> "nieuwe aanmeldingen komen op een wachtlijst";
                    default -> "neemt nu geen nieuwe aanmeldingen aan";
                };
        waiting.put("text", text == null ? accepting : accepting == null ? text : text + "; " + accepting);
        waiting.put("reportedOn", reported.reportedOn() == null ? null
                : ago(reported.reportedOn()) + ", op " + reported.reportedOn().format(DATE));
        return waiting;
    }

    /** "vandaag", "3 dagen geleden", "3 weken geleden", "5 maanden geleden", by the application's clock. */
    private String ago(java.time.LocalDate day) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(day, java.time.LocalDate.now(clock));
        if (days <= 0) {
            return "vandaag";
        }
        if (days < 14) {
            return days == 1 ? "gisteren" : days + " dagen geleden";
        }
        if (days < 70) {
            return days / 7 + " weken geleden";
        }
        long months = days / 30;
        return months + (months == 1 ? " maand" : " maanden") + " geleden";
    }

    private String languageName(String code) {
        return config.current().languageName(code);
    }

    /** JSON-LD for a script element: {@code <}, {@code >} and {@code &} escaped so no text can close it. */
    public static String jsonLd(ObjectNode node) {
        return node.toString().replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
    }

}
