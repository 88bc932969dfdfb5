package be.venpmg.nestkaart.directory;

import be.venpmg.nestkaart.kernel.Slugs;

import be.venpmg.nestkaart.quality.PublicQuality;
import be.venpmg.nestkaart.directory.ListingViews.AffiliationView;
import be.venpmg.nestkaart.directory.ListingViews.LocationView;
import be.venpmg.nestkaart.directory.ListingViews.OrganizationDetail;
import be.venpmg.nestkaart.directory.ListingViews.OrganizationRef;
import be.venpmg.nestkaart.directory.ListingViews.OrganizationSummary;
import be.venpmg.nestkaart.directory.ListingViews.ProfessionalView;
import be.venpmg.nestkaart.directory.ListingViews.ServiceDetail;
import be.venpmg.nestkaart.directory.ListingViews.ServiceRef;
import be.venpmg.nestkaart.directory.ListingViews.ServiceSummary;
import be.venpmg.nestkaart.directory.ListingViews.TermView;
import be.venpmg.nestkaart.directory.ListingViews.WaitingTime;
import be.venpmg.nestkaart.kernel.ReportAge;
import be.venpmg.nestkaart.kernel.PageRequest;
import be.venpmg.nestkaart.kernel.PageView;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import jakarta.inject.Singleton;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads public listings (the entities map the public views) and assembles their API views. Details are fetched per page in one query per kind, never
 * per row.
 */
@Singleton
public class ListingReader {
    private final ReportAge reportAge;
    private static final Sort BY_NAME = Sort.of(Sort.Order.asc("name"), Sort.Order.asc("id"));
    private static final Sort BY_PERSON = Sort.of(Sort.Order.asc("familyName"), Sort.Order.asc("givenName"),
            Sort.Order.asc("id"));

    private final ServiceRepository services;
    private final OrganizationRepository organizations;
    private final LocationRepository locations;
    private final ProfessionalRepository professionals;
    private final ContactDetailsRepository details;

    private final PublicQuality quality;

    ListingReader(ServiceRepository services, OrganizationRepository organizations, LocationRepository locations,
                  ProfessionalRepository professionals, ContactDetailsRepository details, PublicQuality quality,
                  ReportAge reportAge) {
        this.quality = quality;
        this.reportAge = reportAge;
        this.services = services;
        this.organizations = organizations;
        this.locations = locations;
        this.professionals = professionals;
        this.details = details;
    }

    public PageView<ServiceSummary> services(PageRequest request) {
        List<Service> page = services.findAll(pageable(request, BY_NAME));
        Map<String, OrganizationRef> orgs = organizationRefs(page.stream().map(Service::organizationId).toList());
        Map<String, Map<String, List<TermView>>> terms = terms(page.stream().map(Service::id).toList());
        List<ServiceSummary> items = page.stream().map(s -> new ServiceSummary(s.id(), s.name(),
                orgs.get(s.organizationId()), s.description(), s.status(), terms.getOrDefault(s.id(), Map.of()),
                s.verifiedAt())).toList();
        return PageView.of(items, services.count(), request);
    }

    public Optional<ServiceDetail> service(String id) {
        return services.findById(id).map(s -> {
            List<String> ids = s.organizationId() == null ? List.of(s.id()) : List.of(s.id(), s.organizationId());
            List<LocationView> places = locationViews(locations.findPublishedForServices(List.of(s.id())));
            WaitingTime waiting = s.waitingWeeks() == null && s.waitTime() == null && s.acceptingNew() == null ? null
                    : new WaitingTime(s.waitingWeeks(), s.waitingReportedOn(), s.waitTime(), s.acceptingNew(),
                    reportAge.isOutdated(s.waitingReportedOn()));
            return new ServiceDetail(s.id(), s.name(), s.alternateName(), s.description(), s.status(), s.url(),
                    s.email(), organizationRefs(ids.subList(ids.size() - 1, ids.size())).get(s.organizationId()),
                    places, details.phonesOf(ids),
                    details.languagesOf(List.of(s.id())).stream().map(Language::code).toList(),
                    details.costOptionsOf(List.of(s.id())), details.schedulesOf(List.of(s.id())),
                    details.serviceAreasOf(List.of(s.id())).stream().map(ServiceAreaRow::area)
                            .sorted(be.venpmg.nestkaart.geo.ServiceArea.ORDER).map(a -> new ListingViews.AreaView(a.key(), a.label())).toList(),
                    terms(List.of(s.id())).getOrDefault(s.id(), Map.of()), waiting, s.referralRequired(),
                    s.applicationProcess(), s.eligibilityDescription(), s.feesDescription(), s.alert(),
                    s.verifiedAt(), s.referralRoute(), s.ageMinMonths(), s.ageMaxMonths(), s.offerStatus(),
                    s.socialeKaartId());
        });
    }

    /** The address of a public listing's page ("/aanbod/ID/slug"), read without its details. */
    public Optional<String> pagePath(String kind, String id) {
        return switch (kind) {
            case "service" -> services.findNameById(id).map(name -> "/aanbod/" + id + "/" + Slugs.of(name));
            case "organization" -> organizations.findNameById(id)
                    .map(name -> "/organisatie/" + id + "/" + Slugs.of(name));
            case "professional" -> professionals.findById(id)
                    .map(p -> "/hulpverlener/" + id + "/" + Slugs.of(p.givenName() + " " + p.familyName()));
            default -> Optional.empty();
        };
    }

    public PageView<OrganizationSummary> organizations(PageRequest request) {
        List<Organization> page = organizations.findAll(pageable(request, BY_NAME));
        Map<String, Map<String, List<TermView>>> terms = terms(page.stream().map(Organization::id).toList());
        List<OrganizationSummary> items = page.stream().map(o -> new OrganizationSummary(o.id(), o.name(),
                o.description(), o.website(), terms.getOrDefault(o.id(), Map.of()), o.verifiedAt())).toList();
        return PageView.of(items, organizations.count(), request);
    }

    public Optional<OrganizationDetail> organization(String id) {
        return organizations.findById(id).map(o -> new OrganizationDetail(o.id(),
                o.name(), o.alternateName(), o.description(), o.email(), o.website(),
                locationViews(locations.findByOrganizationIdOrderByNameAsc(o.id())),
                details.phonesOf(List.of(o.id())), terms(List.of(o.id())).getOrDefault(o.id(), Map.of()),
                services.findByOrganizationIdOrderByNameAsc(o.id()).stream()
                        .map(s -> new ServiceRef(s.id(), s.name())).toList(),
                o.verifiedAt(), quality.labels(o.id()), o.socialeKaartId()));
    }

    public PageView<ProfessionalView> professionals(PageRequest request) {
        List<Professional> page = professionals.findAll(pageable(request, BY_PERSON));
        return PageView.of(professionalViews(page),
                professionals.count(), request);
    }

    public Optional<ProfessionalView> professional(String id) {
        return professionals.findById(id)
                .map(p -> professionalViews(List.of(p)).get(0));
    }

    private List<ProfessionalView> professionalViews(List<Professional> page) {
        List<String> ids = page.stream().map(Professional::id).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, List<TermView>>> terms = terms(ids);
        Map<String, PublicQuality.Level> levels = quality.levels(ids);
        Map<String, List<String>> languages = details.languagesOf(ids).stream().collect(Collectors.groupingBy(
                Language::professionalId, Collectors.mapping(Language::code, Collectors.toList())));
        Map<String, List<AffiliationView>> affiliations = details.affiliationsOf(ids).stream().collect(
                Collectors.groupingBy(Affiliation::professionalId, Collectors.mapping(
                        a -> new AffiliationView(a.organizationId(), a.organizationName(), a.role()),
                        Collectors.toList())));
        return page.stream().map(p -> new ProfessionalView(p.id(), p.givenName(), p.familyName(), p.description(),
                p.website(), languages.getOrDefault(p.id(), List.of()), terms.getOrDefault(p.id(), Map.of()),
                affiliations.getOrDefault(p.id(), List.of()), p.verifiedAt(), levels.get(p.id()))).toList();
    }

    private List<LocationView> locationViews(List<Location> places) {
        if (places.isEmpty()) {
            return List.of();
        }
        Map<String, List<Address>> addresses = details.addressesOf(places.stream().map(Location::id).toList())
                .stream().collect(Collectors.groupingBy(Address::locationId));
        return places.stream().map(l -> new LocationView(l.id(), l.name(), l.locationType(), l.latitude(),
                l.longitude(), l.coordinatesSource(), l.transportation(), addresses.getOrDefault(l.id(), List.of())))
                .toList();
    }

    private Map<String, OrganizationRef> organizationRefs(Collection<String> ids) {
        List<String> wanted = ids.stream().filter(java.util.Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return organizations.findByIdIn(wanted).stream()
                .collect(Collectors.toMap(Organization::id, o -> new OrganizationRef(o.id(), o.name())));
    }

    /** link id → taxonomy name → terms, in taxonomy order. */
    private Map<String, Map<String, List<TermView>>> terms(Collection<String> linkIds) {
        if (linkIds.isEmpty()) {
            return Map.of();
        }
        return details.termsOf(linkIds).stream().collect(Collectors.groupingBy(LinkedTerm::linkId,
                Collectors.groupingBy(LinkedTerm::taxonomy, LinkedHashMap::new,
                        Collectors.mapping(t -> new TermView(t.termId(), t.code(), t.name()), Collectors.toList()))));
    }

    private static Pageable pageable(PageRequest request, Sort sort) {
        return Pageable.from(request.page() - 1, request.limit(), sort);
    }

}
