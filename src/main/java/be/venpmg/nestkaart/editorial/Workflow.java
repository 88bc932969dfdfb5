package be.venpmg.nestkaart.editorial;

import be.venpmg.nestkaart.taxonomy.PublicationStatus;
import be.venpmg.nestkaart.kernel.Ids;

import be.venpmg.nestkaart.kernel.Revisions;

import be.venpmg.nestkaart.geo.PostalCodeDirectory;
import be.venpmg.nestkaart.geo.PostalPlace;
import be.venpmg.nestkaart.geo.ServiceArea;
import be.venpmg.nestkaart.geo.ServiceAreas;
import be.venpmg.nestkaart.access.CurrentAccount;
import be.venpmg.nestkaart.access.RequestRefusedException;
import be.venpmg.nestkaart.kernel.InvalidParameterException;
import be.venpmg.nestkaart.kernel.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.ReadOnly;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The editorial workflow: a change is drafted, submitted for review, and published by a second editor (four eyes);
 * it can be rejected or withdrawn instead. Only publishing touches the live row and the search index. Every step is
 * a revision of the listing, with the field diff where fields changed.
 */
@Singleton
public class Workflow {
    private static final int MAX_REASON = 2000;
    private final ChangeStore changes;
    private final LiveListings live;
    private final Revisions revisions;
    private final ServiceAreas serviceAreas;
    private final PostalCodeDirectory postalCodes;

    Workflow(ChangeStore changes, LiveListings live, Revisions revisions,
             ServiceAreas serviceAreas, PostalCodeDirectory postalCodes) {
        this.serviceAreas = serviceAreas;
        this.postalCodes = postalCodes;
        this.changes = changes;
        this.live = live;
        this.revisions = revisions;
    }

    /**
     * A new change to the listing {@code entityId} (a new listing when null). Editors start a draft; a professional's
     * change to their own profile goes straight to review.
     */
    @Transactional
    public Change propose(ListingKind kind, @Nullable String entityId, Map<String, ?> sent, @Nullable String reason,
                          CurrentAccount actor, @Nullable Long suggestionId) {
        String why = reason(reason);
        Map<String, Object> base;
        String id;
        if (entityId == null) {
            id = Ids.newId();
            base = kind.blank();
        } else {
            id = entityId;
            base = live.read(kind, id).orElseThrow(() -> new NotFoundException(kind.name(), id)).fields();
        }
        Map<String, Object> proposed = kind.merge(base, sent);
        mayEdit(kind, id, entityId == null ? proposed : base, proposed, actor);
        checkReferences(kind, proposed);
        checkUnique(kind, id, proposed);
        String status = actor.isEditor() ? "draft" : "in_review";
        long changeId = changes.insert(kind, id, entityId == null ? "create" : "update", status, proposed, why,
                actor.id(), suggestionId);
        revisions.record(kind.name(), id, actor.isEditor() ? "draft_created" : "submitted_for_review", actor,
                why, ListingKind.diff(base, proposed));
        return changes.byId(changeId, false).orElseThrow();
    }

    /**
     * A change of a listing by someone who is not an editor: a new one, or the one they have waiting for review
     * amended (a listing has one open change at a time).
     */
    @Transactional
    public Change proposeOrAmend(ListingKind kind, String entityId, Map<String, ?> fields, @Nullable String reason,
                                 CurrentAccount actor) {
        Change open = changes.openFor(kind.name(), entityId).orElse(null);
        return open == null ? propose(kind, entityId, fields, reason, actor, null)
                : edit(open.id(), fields, reason, actor);
    }

    /** Edits an open change; a change under review goes back to draft when an editor rewrites it. */
    @Transactional
    public Change edit(long changeId, Map<String, ?> sent, @Nullable String reason, CurrentAccount actor) {
        return onLockedChange(changeId, (change, kind) -> {
            requireOpen(change);
            Map<String, Object> proposed = kind.merge(change.proposed(), sent);
            mayEdit(kind, change.entityId(), change.current() == null ? change.proposed() : change.current(), proposed,
                    actor);
            checkReferences(kind, proposed);
            checkUnique(kind, change.entityId(), proposed);
            List<Long> authors = new ArrayList<>(change.authors());
            if (!authors.contains(actor.id())) {
                authors.add(actor.id());
            }
            String why = reason == null || reason.isBlank() ? change.reason() : reason(reason);
            changes.updateProposal(changeId, proposed, why, authors);
            if ("in_review".equals(change.status()) && actor.isEditor()) {
                changes.move(changeId, "in_review", "draft", null, null);
            }
            revisions.record(kind.name(), change.entityId(), "draft_edited", actor, why,
                    ListingKind.diff(change.proposed(), proposed));
        });
    }

    @Transactional
    public Change submit(long changeId, CurrentAccount actor) {
        return onLockedChange(changeId, (change, kind) -> {
            mayEdit(kind, change.entityId(), change.current() == null ? change.proposed() : change.current(),
                    change.proposed(), actor);
            requireSomeChange(change);
            step(change, "draft", "in_review", null, null);
            revisions.record(kind.name(), change.entityId(), "submitted_for_review", actor, change.reason(), null);
        });
    }

    /**
     * Publishes a change under review: only an editor who did not write any of it (four eyes), and only the version
     * they reviewed; a change edited since is refused, so nobody publishes text they did not see.
     */
    @Transactional
    public Change approve(long changeId, @Nullable String note, @Nullable Integer reviewedVersion,
                          CurrentAccount actor) {
        if (reviewedVersion == null) {
            throw new InvalidParameterException("version", "zeg welke versie u beoordeelde (het veld version van "
                    + "de wijziging)");
        }
        return onLockedChange(changeId, (change, kind) -> {
            if (change.version() != reviewedVersion) {
                throw RequestRefusedException.conflict("Deze wijziging is aangepast nadat u ze opende: u beoordeelde "
                        + "versie " + reviewedVersion + ", nu is het versie " + change.version()
                        + ". Bekijk de nieuwe versie en keur die goed.");
            }
            if (change.authors().contains(actor.id())) {
                throw RequestRefusedException.forbidden(
                        "Four eyes: a change is published by an editor who did not write it.");
            }
            requireSomeChange(change);
            checkReferences(kind, change.proposed());
            Map<String, Object> before = change.current() == null ? Map.of() : change.current();
            step(change, "in_review", "published", actor.id(), note);
            live.publish(kind, change.entityId(), change.proposed(), change.current() == null);
            String why = change.reason() + (note == null || note.isBlank() ? "" : " — " + note.strip());
            revisions.record(kind.name(), change.entityId(), "published", actor, why,
                    ListingKind.diff(before, change.proposed()));
        });
    }

    @Transactional
    public Change reject(long changeId, @Nullable String reason, CurrentAccount actor) {
        String why = reason(reason);
        return onLockedChange(changeId, (change, kind) -> {
            requireOpen(change);
            step(change, change.status(), "rejected", actor.id(), why);
            revisions.record(kind.name(), change.entityId(), "change_rejected", actor, why, null);
        });
    }

    @Transactional
    public Change withdraw(long changeId, CurrentAccount actor) {
        return onLockedChange(changeId, (change, kind) -> {
            if (!change.authors().contains(actor.id())) {
                throw RequestRefusedException.forbidden("Only an author of a change can withdraw it.");
            }
            requireOpen(change);
            step(change, change.status(), "withdrawn", actor.id(), null);
            revisions.record(kind.name(), change.entityId(), "change_withdrawn", actor, null, null);
        });
    }

    /** Takes a published listing off the public site (and out of the index); it stays in the database. */
    @Transactional
    public void archive(ListingKind kind, String id, @Nullable String reason, CurrentAccount actor) {
        String why = reason(reason);
        LiveListings.Live current = live.read(kind, id).orElseThrow(() -> new NotFoundException(kind.name(), id));
        if (!"published".equals(current.status())) {
            throw RequestRefusedException.conflict("Only a published listing can be archived.");
        }
        live.setStatus(kind, id, PublicationStatus.ARCHIVED.code());
        revisions.record(kind.name(), id, "archived", actor, why,
                Map.of("publication_status", Map.of("from", PublicationStatus.PUBLISHED.code(),
                        "to", PublicationStatus.ARCHIVED.code())));
    }

    /** Records that an editor checked the listing is still right. */
    @Transactional
    public void verify(ListingKind kind, String id, @Nullable String note, CurrentAccount actor) {
        live.read(kind, id).orElseThrow(() -> new NotFoundException(kind.name(), id));
        live.markVerified(kind, id);
        revisions.record(kind.name(), id, "verified", actor, note == null || note.isBlank() ? null : note.strip(), null);
    }

    @ReadOnly
    public Change change(long id) {
        return changes.byId(id, false).orElseThrow(() -> new NotFoundException("change", String.valueOf(id)));
    }

    @ReadOnly
    public List<Change> queue(String status, int limit) {
        if (!List.of("draft", "in_review", "published", "rejected", "withdrawn").contains(status)) {
            throw new InvalidParameterException("status", "must be draft, in_review, published, rejected or withdrawn");
        }
        return changes.withStatus(status, limit);
    }

    @io.micronaut.serde.annotation.Serdeable
    public record Listing(String entityType, String entityId, @Nullable LiveListings.Live live,
                          List<Change> changes, List<Revisions.Revision> history) {
    }

    @ReadOnly
    public Listing listing(ListingKind kind, String id) {
        var current = live.read(kind, id);
        List<Change> all = changes.forEntity(kind.name(), id);
        if (current.isEmpty() && all.isEmpty()) {
            throw new NotFoundException(kind.name(), id);
        }
        return new Listing(kind.name(), id, current.orElse(null), all, revisions.history(kind.name(), id));
    }

    /**
     * Editors edit everything; a professional only their own profile; an organisation's representative only the
     * organisation and its services and locations, before and after the change (nothing moves to another one).
     */
    private static void mayEdit(ListingKind kind, String entityId, Map<String, Object> before,
                                Map<String, Object> after, CurrentAccount actor) {
        if (actor.isEditor()) {
            return;
        }
        if (actor.isRepresentative() && actor.organizationId() != null) {
            String own = actor.organizationId();
            boolean allowed = kind == ListingKind.ORGANIZATION ? entityId.equals(own)
                    : (kind == ListingKind.SERVICE || kind == ListingKind.LOCATION)
                    && own.equals(before.get("organization_id")) && own.equals(after.get("organization_id"));
            if (!allowed) {
                throw RequestRefusedException.forbidden("Een vertegenwoordiger past enkel de eigen organisatie, haar "
                        + "aanbod en locaties aan.");
            }
            return;
        }
        if (!(kind == ListingKind.PROFESSIONAL && entityId.equals(actor.professionalId()))) {
            throw RequestRefusedException.forbidden("A professional account edits only its own profile.");
        }
    }

    /** A change that changes nothing (a suggestion accepted but not yet worked out) is neither sent nor published. */
    private static void requireSomeChange(Change change) {
        if (change.diff().isEmpty()) {
            throw RequestRefusedException.conflict("Deze wijziging verandert nog niets: pas eerst de velden aan "
                    + "die de melding noemt.");
        }
    }

    private static void requireOpen(Change change) {
        if (!change.isOpen()) {
            throw RequestRefusedException.conflict("This change is " + change.status() + " and can no longer change.");
        }
    }

    private void step(Change change, String from, String to, @Nullable Long by, @Nullable String reason) {
        if (!from.equals(change.status()) || !changes.move(change.id(), from, to, by, reason)) {
            throw RequestRefusedException.conflict("This change is " + change.status() + "; it cannot go to " + to + ".");
        }
    }

    private static String reason(@Nullable String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidParameterException("reason", "say why: every change is recorded with its reason");
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidParameterException("reason", "is longer than " + MAX_REASON + " characters");
        }
        return reason.strip();
    }

    /** Checks that what a change refers to exists; service areas are read into their canonical keys. */
    /** A page's address names one page: a second listing of the kind may not take it. */
    private void checkUnique(ListingKind kind, String id, Map<String, Object> proposed) {
        for (FieldSpec spec : kind.fields()) {
            if (spec.type() == FieldSpec.Type.SLUG && proposed.get(spec.name()) instanceof String value
                    && live.takenByAnother(kind, spec.name(), value, id)) {
                throw new InvalidParameterException(spec.name(), "is al in gebruik door een andere " + kind.name());
            }
        }
    }

    /** A reference inside a row (a course goal's profession) must exist too, like a listing's own references. */
    private void checkRowReferences(FieldSpec spec, Object rows) {
        for (FieldSpec column : spec.columns()) {
            if (column.type() != FieldSpec.Type.REFERENCE) {
                continue;
            }
            List<String> ids = ((List<?>) rows).stream().map(row -> ((Map<?, ?>) row).get(column.name()))
                    .filter(java.util.Objects::nonNull).map(String::valueOf).distinct().toList();
            if (!ids.isEmpty() && !live.allExist(column.references(), ids)) {
                throw new InvalidParameterException(spec.name(), "noemt een " + column.references()
                        + " die niet bestaat");
            }
        }
    }

    private void checkReferences(ListingKind kind, Map<String, Object> proposed) {
        // The route in decides whether a referral is needed (what the access filter reads).
        if (proposed.get("referral_route") instanceof String route) {
            proposed.put("referral_required", !"direct".equals(route));
        }
        if (proposed.get("age_min_months") instanceof Long from && proposed.get("age_max_months") instanceof Long to
                && from > to) {
            throw new InvalidParameterException("age_max_months", "ligt voor de minimumleeftijd");
        }
        for (FieldSpec spec : kind.fields()) {
            Object value = proposed.get(spec.name());
            if (value == null) {
                continue;
            }
            if (spec.type() == FieldSpec.Type.REFERENCE && !live.allExist(spec.references(), List.of((String) value))) {
                throw new InvalidParameterException(spec.name(), "no " + spec.references() + " with this id");
            }
            if (spec.type() == FieldSpec.Type.TERMS) {
                @SuppressWarnings("unchecked")
                List<String> ids = (List<String>) value;
                if (!ids.isEmpty() && !live.allExist("taxonomy_term", ids)) {
                    throw new InvalidParameterException(spec.name(), "names a taxonomy term that does not exist");
                }
            }
            if (spec.type() == FieldSpec.Type.LINKS) {
                @SuppressWarnings("unchecked")
                List<String> ids = (List<String>) value;
                if (!ids.isEmpty() && !live.allExist(spec.references(), ids)) {
                    throw new InvalidParameterException(spec.name(), "noemt een " + spec.references()
                            + " die niet bestaat");
                }
            }
            if (spec.type() == FieldSpec.Type.ROWS) {
                checkRowReferences(spec, value);
            }
            if (spec.type() == FieldSpec.Type.ROWS && "address".equals(spec.references())) {
                placeAddresses(spec, proposed);
            }
            if (spec.type() == FieldSpec.Type.AREAS) {
                @SuppressWarnings("unchecked")
                List<String> written = (List<String>) value;
                List<ServiceArea> areas = new ArrayList<>();
                for (String area : written) {
                    areas.add(serviceAreas.read(area).orElseThrow(() ->
                            new InvalidParameterException(spec.name(), "'" + area + "' is geen gekend werkgebied: "
                                    + "kies heel Vlaanderen en Brussel, online, een provincie, eerstelijnszone of gemeente")));
                }
                List<String> canonical = areas.stream().sorted(ServiceArea.ORDER).map(ServiceArea::key).distinct()
                        .toList();
                if (!canonical.equals(written)) {
                    proposed.put(spec.name(), canonical);
                }
            }
        }
    }

    /**
     * Every address has a Belgian postcode we know; a location without coordinates gets those of its first
     * address's postcode (the editor may move them).
     */
    private void placeAddresses(FieldSpec spec, Map<String, Object> proposed) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> addresses = (List<Map<String, Object>>) proposed.get(spec.name());
        PostalPlace first = null;
        for (int i = 0; i < addresses.size(); i++) {
            Map<String, Object> address = addresses.get(i);
            String postcode = (String) address.get("postal_code");
            PostalPlace place = postalCodes.resolve(postcode, (String) address.get("city")).orElseThrow(() ->
                    new InvalidParameterException(spec.name(), "'" + postcode + "' is geen Belgische postcode"));
            first = first == null ? place : first;
        }
        if (first != null && proposed.containsKey("latitude") && proposed.get("latitude") == null
                && proposed.get("longitude") == null) {
            proposed.put("latitude", BigDecimal.valueOf(first.latitude()).setScale(6, RoundingMode.HALF_UP)
                    .stripTrailingZeros());
            proposed.put("longitude", BigDecimal.valueOf(first.longitude()).setScale(6, RoundingMode.HALF_UP)
                    .stripTrailingZeros());
        }
    }

    @FunctionalInterface
    private interface Step {
        void run(Change change, ListingKind kind);
    }

    /** Runs a step on a change whose row stays locked until the caller's transaction ends. */
    private Change onLockedChange(long changeId, Step step) {
        Change change = changes.byId(changeId, true)
                .orElseThrow(() -> new NotFoundException("change", String.valueOf(changeId)));
        step.run(change, ListingKind.named(change.entityType()));
        return changes.byId(changeId, false).orElseThrow();
    }
}
