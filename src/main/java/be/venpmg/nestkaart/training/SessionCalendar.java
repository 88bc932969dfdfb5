package be.venpmg.nestkaart.training;

import be.venpmg.nestkaart.kernel.SiteAddress;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** One session as an iCalendar file (RFC 5545), written by ical4j; times in UTC, so no time-zone table is needed. */
@Singleton
public class SessionCalendar {
    private static final ZoneId BELGIUM = ZoneId.of("Europe/Brussels");
    private final SiteAddress site;

    SessionCalendar(SiteAddress site) {
        this.site = site;
    }

    /** The instance as one event per day (a three-day course is three events of one file). */
    public String ics(Course course, CourseSession session, String coursePath) {
        Calendar calendar = new Calendar().withProdId("-//V.E.N.P.M.G.//Nestkaart//NL").withDefaults().getFluentTarget();
        List<CourseSession.Day> days = session.days();
        for (int i = 0; i < days.size(); i++) {
            Instant start = days.get(i).startsAt().atZone(BELGIUM).toInstant();
            Instant end = days.get(i).endsAt().atZone(BELGIUM).toInstant();
            VEvent event = new VEvent(start, end, course.name()
                    + (days.size() > 1 ? " (dag " + (i + 1) + " van " + days.size() + ")" : ""));
            event.add(new Uid(session.id() + (i == 0 ? "" : "-" + (i + 1)) + "@nestkaart"));
            event.add(new Description(course.summary()
                    + (session.registrationUrl() == null ? "" : "\nInschrijven: " + session.registrationUrl())));
            event.add(new Location(session.online() ? "Online" : session.place()
                    + (session.postalCode() == null ? "" : ", " + session.postalCode())));
            event.add(new Url(URI.create(site.baseUrl() + coursePath)));
            if ("cancelled".equals(session.status())) {
                event.add(new Status(Status.VALUE_CANCELLED));
            }
            calendar.add(event);
        }
        return calendar.toString();
    }
}
