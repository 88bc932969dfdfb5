package be.venpmg.nestkaart.training;

import be.venpmg.nestkaart.taxonomy.ClosedVocabulary;
import be.venpmg.nestkaart.taxonomy.CourseFormat;
import be.venpmg.nestkaart.taxonomy.CourseLevel;

import io.swagger.v3.oas.annotations.Hidden;
import be.venpmg.nestkaart.directory.DetailPage;
import be.venpmg.nestkaart.directory.ListingPageModels;
import be.venpmg.nestkaart.kernel.NotFoundException;
import be.venpmg.nestkaart.kernel.Slugs;
import be.venpmg.nestkaart.kernel.StaticPages;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The public course catalogue: the search page, a course's page with its sessions, and a session as .ics. */
@Hidden // an HTML page, not part of the API document
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class CoursePagesController {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH.mm",
            Locale.forLanguageTag("nl-BE"));
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH.mm");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.forLanguageTag("nl-BE"));
    private final CourseCatalog catalog;
    private final SessionCalendar calendar;
    private final StaticPages pages;
    private final ListingPageModels models;

    CoursePagesController(CourseCatalog catalog, SessionCalendar calendar, StaticPages pages, ListingPageModels models) {
        this.catalog = catalog;
        this.calendar = calendar;
        this.pages = pages;
        this.models = models;
    }

    @Get(value = "/opleidingen", produces = MediaType.TEXT_HTML)
    HttpResponse<String> catalogue() {
        return HttpResponse.ok(pages.page("opleidingen.html"));
    }

    @Get(value = "/opleiding/{id}{/slug}", produces = MediaType.TEXT_HTML)
    HttpResponse<?> course(@PathVariable String id, @PathVariable @Nullable String slug) {
        return DetailPage.render(catalog.course(id).map(this::model), slug, null, "opleiding");
    }

    @Get(value = "/opleiding/{id}/sessie/{sessionId}.ics", produces = "text/calendar")
    HttpResponse<String> ics(@PathVariable String id, @PathVariable String sessionId) {
        Course course = catalog.course(id).orElseThrow(() -> new NotFoundException("course", id));
        CourseSession session = course.sessions().stream().filter(s -> s.id().equals(sessionId)).findFirst()
                .orElseThrow(() -> new NotFoundException("session", sessionId));
        return HttpResponse.ok(calendar.ics(course, session, path(course)))
                .contentType("text/calendar; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"opleiding-" + session.startsAt().toLocalDate()
                        + ".ics\"");
    }

    private Map<String, Object> model(Course course) {
        Map<String, Object> model = new LinkedHashMap<>();
        String path = path(course);
        model.put("path", path);
        model.put("canonical", models.baseUrl() + path);
        model.put("name", course.name());
        model.put("description", course.summary());
        Course.Accreditation accreditation = course.accreditation();
        model.put("goals", course.learningGoals());
        model.put("hours", course.hours() == null ? null : course.hours().stripTrailingZeros().toPlainString() + " uur");
        model.put("accreditation", accreditation == null ? null : accreditation.body()
                + (accreditation.points() == null ? "" : ", " + accreditation.points().stripTrailingZeros().toPlainString()
                + " punten") + " (" + accreditation.reference() + ")");
        model.put("provider", course.providerName());
        model.put("price", course.priceEur() == null && course.priceNote() == null ? null
                : ((course.priceEur() == null ? "" : "€ " + course.priceEur().toPlainString() + " ")
                + (course.priceNote() == null ? "" : course.priceNote())).strip());
        model.put("language", course.language());
        model.put("prerequisites", course.prerequisites());
        model.put("url", course.url());
        model.put("level", ClosedVocabulary.label(CourseLevel.class, course.level()));
        model.put("format", ClosedVocabulary.label(CourseFormat.class, course.format()));
        model.put("kind", ClosedVocabulary.label(be.venpmg.nestkaart.taxonomy.CourseKind.class, course.countsAs()));
        model.put("status", "existing".equals(course.status()) ? null
                : ClosedVocabulary.label(be.venpmg.nestkaart.taxonomy.CourseStatus.class, course.status()));
        model.put("professions", labels(course, "profession"));
        model.put("topics", course.terms().entrySet().stream().filter(e -> !e.getKey().equals("profession"))
                .flatMap(e -> e.getValue().stream()).map(Course.Term::label).toList());
        model.put("sessions", course.sessions().stream().filter(s -> "scheduled".equals(s.status()))
                .map(s -> sessionModel(s, path)).toList());
        model.put("coOrganizers", course.coOrganizers());
        model.put("professionGoals", course.goals());
        model.put("downloads", course.downloads());
        model.put("followUp", course.followUp() == null ? null : Map.of("name", course.followUp().name(),
                "href", "/opleiding/" + course.followUp().id() + "/" + Slugs.of(course.followUp().name()),
                "kind", ClosedVocabulary.label(be.venpmg.nestkaart.taxonomy.CourseKind.class, course.followUp().countsAs())));
        model.put("followUpOf", course.followUpOf() == null ? null : Map.of("name", course.followUpOf().name(),
                "href", "/opleiding/" + course.followUpOf().id() + "/" + Slugs.of(course.followUpOf().name())));
        model.put("lessons", course.lessons());
        model.put("moduleHref", "/mijn-profiel#/leren/" + course.id());
        model.put("jsonLd", ListingPageModels.jsonLd(jsonLd(course, models.baseUrl() + path)));
        return model;
    }

    private static final Map<String, String> ENROLMENT = Map.of("open", "", "not_yet_open", "Inschrijven kan vanaf ",
            "closed", "Inschrijvingen gesloten", "waiting_list", "Volzet: inschrijven op de wachtlijst",
            "full", "Volzet");

    private static Map<String, Object> sessionModel(CourseSession s, String path) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("when", s.days().size() == 1 ? span(s.startsAt(), s.endsAt()) : s.days().size() + " dagen");
        model.put("days", s.days().size() == 1 ? List.of() : s.days().stream().map(d -> span(d.startsAt(), d.endsAt()))
                .toList());
        model.put("where", s.online() ? "Online" : s.place() + (s.postalCode() == null ? "" : " (" + s.postalCode() + ")"));
        model.put("seats", s.seatsLeft() == 0 ? "Volzet" : s.seatsLeft() + " van " + s.capacity() + " plaatsen vrij");
        String enrolment = ENROLMENT.get(s.enrolment()) + ("not_yet_open".equals(s.enrolment())
                ? s.enrolmentOpens().format(DAY) : "");
        if ("open".equals(s.enrolment()) && s.enrolmentCloses() != null) {
            enrolment = "Inschrijven tot " + s.enrolmentCloses().format(DAY);
        }
        model.put("enrolment", enrolment);
        boolean canRegister = s.registrationUrl() != null
                && ("open".equals(s.enrolment()) || "waiting_list".equals(s.enrolment()));
        model.put("register", canRegister ? s.registrationUrl() : "");
        model.put("registerText", "waiting_list".equals(s.enrolment()) ? "Op de wachtlijst bij de organisator"
                : "Inschrijven bij de organisator");
        model.put("note", s.note() == null ? "" : s.note());
        model.put("ics", path.substring(0, path.lastIndexOf('/')) + "/sessie/" + s.id() + ".ics");
        return model;
    }

    private static String span(java.time.LocalDateTime start, java.time.LocalDateTime end) {
        return start.format(WHEN) + (end.toLocalDate().equals(start.toLocalDate()) ? " tot " + end.format(HOUR)
                : " tot " + end.format(WHEN));
    }

    private static ObjectNode jsonLd(Course course, String url) {
        ObjectNode ld = JSON.createObjectNode().put("@context", "https://schema.org").put("@type", "Course")
                .put("@id", url).put("url", url).put("name", course.name()).put("description", course.summary())
                .put("inLanguage", course.language()).put("educationalLevel", course.level());
        if (course.providerName() != null) {
            ld.putObject("provider").put("@type", "Organization").put("name", course.providerName());
        }
        for (Course.CoOrganizer co : course.coOrganizers()) {
            ObjectNode org = ld.withArray("contributor").addObject().put("@type", "Organization").put("name", co.name());
            if (co.website() != null) {
                org.put("url", co.website());
            }
        }
        if (course.learningGoals() != null) {
            ld.put("teaches", course.learningGoals());
        }
        if (course.hours() != null) {
            ld.put("timeRequired", "PT" + course.hours().stripTrailingZeros().toPlainString() + "H");
        }
        if (course.accreditation() != null) {
            ld.putObject("educationalCredentialAwarded").put("@type", "EducationalOccupationalCredential")
                    .put("name", "Accreditatie " + course.accreditation().body()).put("identifier",
                            course.accreditation().reference());
        }
        for (CourseSession s : course.sessions()) {
            if (!"scheduled".equals(s.status())) {
                continue;
            }
            ObjectNode instance = ld.withArray("hasCourseInstance").addObject().put("@type", "CourseInstance")
                    .put("courseMode", s.online() ? "online" : course.format().equals("blended") ? "blended" : "onsite")
                    .put("startDate", s.startsAt().toString()).put("endDate", s.endsAt().toString())
                    .put("maximumAttendeeCapacity", s.capacity()).put("remainingAttendeeCapacity", s.seatsLeft());
            if (s.days().size() > 1) {
                for (CourseSession.Day day : s.days()) {
                    instance.withArray("subEvent").addObject().put("@type", "Event").put("name", course.name())
                            .put("startDate", day.startsAt().toString()).put("endDate", day.endsAt().toString());
                }
            }
            if (s.online()) {
                instance.putObject("location").put("@type", "VirtualLocation").put("url", url);
            } else {
                instance.putObject("location").put("@type", "Place").put("name", s.place())
                        .putObject("address").put("@type", "PostalAddress").put("postalCode", s.postalCode())
                        .put("addressCountry", "BE");
            }
            if (course.priceEur() != null) {
                instance.putObject("offers").put("@type", "Offer").put("price", course.priceEur().toPlainString())
                        .put("priceCurrency", "EUR").put("availability", "https://schema.org/" + switch (s.enrolment()) {
                            case "open" -> "InStock";
                            case "not_yet_open" -> "PreOrder";
                            case "waiting_list" -> "BackOrder";
                            default -> "SoldOut";
                        });
                ObjectNode offer = (ObjectNode) instance.get("offers");
                if (s.enrolmentOpens() != null) {
                    offer.put("availabilityStarts", s.enrolmentOpens().toString());
                }
                if (s.enrolmentCloses() != null) {
                    offer.put("availabilityEnds", s.enrolmentCloses().toString());
                }
            }
        }
        return ld;
    }

    private static List<String> labels(Course course, String taxonomy) {
        return Optional.ofNullable(course.terms().get(taxonomy)).orElse(List.of()).stream().map(Course.Term::label)
                .toList();
    }

    static String path(Course course) {
        return "/opleiding/" + course.id() + "/" + Slugs.of(course.name());
    }
}
