package be.venpmg.nestkaart.interop;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Builds the HSDS 3.0 API objects (the shapes of the compiled schemas: service, organization, service_at_location and
 * their list forms) from the public records, a batch at a time so a page costs a fixed number of queries. Related
 * lists Nestkaart does not keep (funding, programs, required documents) are present and empty, so clients see the
 * full shape; metadata comes from the audit trail.
 */
@Singleton
class HsdsDocuments {
    private static final List<String> UNKEPT_SERVICE_LISTS = List.of("funding", "required_documents");
    private static final List<String> UNKEPT_ORGANIZATION_LISTS = List.of("funding", "programs",
            "organization_identifiers");

    private final HsdsRecords records;

    HsdsDocuments(HsdsRecords records) {
        this.records = records;
    }

    /** The records of a table with these ids, in the order of the ids; unknown or non-public ids are left out. */
    List<ObjectNode> byIds(String key, List<String> ids) {
        Map<String, ObjectNode> found = records.where(HsdsTables.table(key), "id", ids).stream()
                .collect(Collectors.toMap(r -> r.get("id").asText(), Function.identity()));
        return ids.stream().filter(found::containsKey).map(found::get).toList();
    }

    /** Services as the list endpoint gives them: their own fields plus their organisation's. */
    List<ObjectNode> serviceSummaries(List<ObjectNode> services) {
        Map<String, ObjectNode> organizations = byId("organizations", values(services, "organization_id"));
        dated(services);
        for (ObjectNode service : services) {
            ObjectNode organization = organizations.get(text(service, "organization_id"));
            if (organization != null) {
                service.set("organization", organization.deepCopy());
            }
        }
        return services;
    }

    /** Fully nested services. */
    List<ObjectNode> fullServices(List<ObjectNode> services) {
        Set<String> ids = ids(services);
        serviceSummaries(services);
        Map<String, List<ObjectNode>> phones = phones("service_id", ids);
        Map<String, List<ObjectNode>> schedules = records.byParent(HsdsTables.table("schedules"), "service_id", ids);
        Map<String, List<ObjectNode>> languages = records.byParent(HsdsTables.table("languages"), "service_id", ids);
        Map<String, List<ObjectNode>> costs = records.byParent(HsdsTables.table("cost_options"), "service_id", ids);
        Map<String, List<ObjectNode>> areas = records.byParent(HsdsTables.table("service_areas"), "service_id", ids);
        Map<String, List<ObjectNode>> contacts = contacts("service_id", ids);
        Map<String, List<ObjectNode>> attributes = attributes(ids);
        Map<String, List<ObjectNode>> metadata = records.metadata("service", ids);
        List<ObjectNode> sals = fullServiceAtLocations(records.where(HsdsTables.table("service_at_locations"),
                "service_id", ids), false);
        Map<String, List<ObjectNode>> salsByService = sals.stream().collect(Collectors.groupingBy(
                sal -> text(sal, "service_id")));
        for (ObjectNode service : services) {
            String id = text(service, "id");
            put(service, "phones", phones.get(id));
            put(service, "schedules", schedules.get(id));
            put(service, "service_at_locations", salsByService.get(id));
            put(service, "languages", languages.get(id));
            put(service, "cost_options", costs.get(id));
            put(service, "service_areas", areas.get(id));
            put(service, "contacts", contacts.get(id));
            put(service, "attributes", attributes.get(id));
            put(service, "metadata", metadata.get(id));
            UNKEPT_SERVICE_LISTS.forEach(service::putArray);
        }
        return services;
    }

    /** Service at locations with their location's and service's own fields, as the list endpoint gives them. */
    List<ObjectNode> serviceAtLocationSummaries(List<ObjectNode> sals) {
        Map<String, ObjectNode> locations = byId("locations", values(sals, "location_id"));
        Map<String, ObjectNode> services = serviceSummaries(byIds("services", new ArrayList<>(values(sals, "service_id"))))
                .stream().collect(Collectors.toMap(s -> text(s, "id"), Function.identity()));
        for (ObjectNode sal : sals) {
            copyInto(sal, "location", locations.get(text(sal, "location_id")));
            copyInto(sal, "service", services.get(text(sal, "service_id")));
        }
        return sals;
    }

    /** Fully nested service at locations; {@code withService} also nests the whole service. */
    List<ObjectNode> fullServiceAtLocations(List<ObjectNode> sals, boolean withService) {
        Set<String> ids = ids(sals);
        Map<String, ObjectNode> locations = fullLocations(byIds("locations", new ArrayList<>(values(sals, "location_id"))))
                .stream().collect(Collectors.toMap(l -> text(l, "id"), Function.identity()));
        Map<String, List<ObjectNode>> contacts = contacts("service_at_location_id", ids);
        Map<String, List<ObjectNode>> phones = phones("service_at_location_id", ids);
        Map<String, List<ObjectNode>> schedules = records.byParent(HsdsTables.table("schedules"),
                "service_at_location_id", ids);
        Map<String, List<ObjectNode>> attributes = attributes(ids);
        // The nested service is the service without its own service at locations, as the compiled schema has it:
        // the list would repeat the record it is nested in.
        Map<String, ObjectNode> services = withService
                ? fullServices(byIds("services", new ArrayList<>(values(sals, "service_id")))).stream()
                        .peek(service -> service.remove("service_at_locations"))
                        .collect(Collectors.toMap(s -> text(s, "id"), Function.identity()))
                : Map.of();
        List<ObjectNode> shown = new ArrayList<>();
        for (ObjectNode sal : sals) {
            ObjectNode location = locations.get(text(sal, "location_id"));
            if (location == null) {
                continue; // the location is not public, so neither is the service there
            }
            String id = text(sal, "id");
            put(sal, "contacts", contacts.get(id));
            put(sal, "phones", phones.get(id));
            put(sal, "schedules", schedules.get(id));
            sal.set("location", location.deepCopy());
            put(sal, "attributes", attributes.get(id));
            sal.putArray("metadata");
            copyInto(sal, "service", services.get(text(sal, "service_id")));
            shown.add(sal);
        }
        return shown;
    }

    /** Fully nested organisations; their services in full, or their own fields only. */
    List<ObjectNode> fullOrganizations(List<ObjectNode> organizations, boolean fullServices) {
        Set<String> ids = ids(organizations);
        Map<String, List<ObjectNode>> contacts = contacts("organization_id", ids);
        Map<String, List<ObjectNode>> phones = phones("organization_id", ids);
        Map<String, List<ObjectNode>> locations = fullLocations(records.where(HsdsTables.table("locations"),
                "organization_id", ids)).stream().collect(Collectors.groupingBy(l -> text(l, "organization_id")));
        List<ObjectNode> serviceList = dated(records.where(HsdsTables.table("services"), "organization_id", ids));
        Map<String, List<ObjectNode>> services = (fullServices ? fullServices(serviceList) : serviceList).stream()
                .collect(Collectors.groupingBy(s -> text(s, "organization_id")));
        Map<String, List<ObjectNode>> attributes = attributes(ids);
        Map<String, List<ObjectNode>> metadata = records.metadata("organization", ids);
        for (ObjectNode organization : organizations) {
            String id = text(organization, "id");
            put(organization, "contacts", contacts.get(id));
            put(organization, "phones", phones.get(id));
            put(organization, "locations", locations.get(id));
            put(organization, "attributes", attributes.get(id));
            put(organization, "services", services.get(id));
            put(organization, "metadata", metadata.get(id));
            UNKEPT_ORGANIZATION_LISTS.forEach(organization::putArray);
        }
        return organizations;
    }

    /**
     * A service's last_modified is when it last changed as published here, nested records included, so a consumer
     * that asks modified_after its last visit sees every change; the publisher's own value of an imported service stays
     * in the exports.
     */
    private List<ObjectNode> dated(List<ObjectNode> services) {
        Map<String, String> lastModified = records.lastModified(ids(services));
        services.forEach(service -> service.put("last_modified", lastModified.get(text(service, "id"))));
        return services;
    }

    /** Taxonomy terms with their taxonomy nested as {@code taxonomy_detail}. */
    List<ObjectNode> terms(List<ObjectNode> terms) {
        Map<String, ObjectNode> taxonomies = byId("taxonomies", values(terms, "taxonomy_id"));
        for (ObjectNode term : terms) {
            copyInto(term, "taxonomy_detail", taxonomies.get(text(term, "taxonomy_id")));
        }
        return terms;
    }

    private List<ObjectNode> fullLocations(List<ObjectNode> locations) {
        Set<String> ids = ids(locations);
        Map<String, List<ObjectNode>> addresses = records.byParent(HsdsTables.table("addresses"), "location_id", ids);
        Map<String, List<ObjectNode>> phones = phones("location_id", ids);
        Map<String, List<ObjectNode>> languages = records.byParent(HsdsTables.table("languages"), "location_id", ids);
        Map<String, List<ObjectNode>> accessibility = records.byParent(HsdsTables.table("accessibility"),
                "location_id", ids);
        Map<String, List<ObjectNode>> schedules = records.byParent(HsdsTables.table("schedules"), "location_id", ids);
        Map<String, List<ObjectNode>> contacts = contacts("location_id", ids);
        Map<String, List<ObjectNode>> attributes = attributes(ids);
        Map<String, List<ObjectNode>> metadata = records.metadata("location", ids);
        for (ObjectNode location : locations) {
            String id = text(location, "id");
            put(location, "languages", languages.get(id));
            put(location, "addresses", addresses.get(id));
            put(location, "contacts", contacts.get(id));
            put(location, "accessibility", accessibility.get(id));
            put(location, "phones", phones.get(id));
            put(location, "schedules", schedules.get(id));
            put(location, "attributes", attributes.get(id));
            put(location, "metadata", metadata.get(id));
        }
        return locations;
    }

    private Map<String, List<ObjectNode>> phones(String parentField, Set<String> parentIds) {
        List<ObjectNode> phones = records.where(HsdsTables.table("phones"), parentField, parentIds);
        Map<String, List<ObjectNode>> languages = records.byParent(HsdsTables.table("languages"), "phone_id",
                ids(phones));
        phones.forEach(phone -> put(phone, "languages", languages.get(text(phone, "id"))));
        return phones.stream().collect(Collectors.groupingBy(p -> text(p, parentField)));
    }

    private Map<String, List<ObjectNode>> contacts(String parentField, Set<String> parentIds) {
        List<ObjectNode> contacts = records.where(HsdsTables.table("contacts"), parentField, parentIds);
        Map<String, List<ObjectNode>> phones = phones("contact_id", ids(contacts));
        contacts.forEach(contact -> put(contact, "phones", phones.get(text(contact, "id"))));
        return contacts.stream().collect(Collectors.groupingBy(c -> text(c, parentField)));
    }

    /** Attributes of the linked records, each with its taxonomy term (and that term's taxonomy) nested. */
    private Map<String, List<ObjectNode>> attributes(Set<String> linkIds) {
        List<ObjectNode> attributes = records.where(HsdsTables.table("attributes"), "link_id", linkIds);
        Map<String, ObjectNode> terms = terms(byIds("taxonomy_terms",
                new ArrayList<>(values(attributes, "taxonomy_term_id")))).stream()
                .collect(Collectors.toMap(t -> text(t, "id"), Function.identity()));
        attributes.forEach(attribute -> copyInto(attribute, "taxonomy_term",
                terms.get(text(attribute, "taxonomy_term_id"))));
        return attributes.stream().collect(Collectors.groupingBy(a -> text(a, "link_id")));
    }

    private Map<String, ObjectNode> byId(String key, Collection<String> ids) {
        return records.where(HsdsTables.table(key), "id", ids).stream()
                .collect(Collectors.toMap(r -> text(r, "id"), Function.identity()));
    }

    private static void put(ObjectNode parent, String field, List<ObjectNode> children) {
        ArrayNode array = parent.putArray(field);
        if (children != null) {
            children.forEach(child -> array.add(child.deepCopy()));
        }
    }

    private static void copyInto(ObjectNode parent, String field, ObjectNode child) {
        if (child != null) {
            parent.set(field, child.deepCopy());
        }
    }

    private static Set<String> ids(List<ObjectNode> nodes) {
        return values(nodes, "id");
    }

    private static Set<String> values(List<ObjectNode> nodes, String field) {
        Set<String> values = new LinkedHashSet<>();
        nodes.forEach(node -> {
            String value = text(node, field);
            if (value != null) {
                values.add(value);
            }
        });
        return values;
    }

    private static String text(ObjectNode node, String field) {
        return DatasetValidator.text(node, field);
    }
}
