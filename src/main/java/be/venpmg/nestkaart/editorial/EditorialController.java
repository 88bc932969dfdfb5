package be.venpmg.nestkaart.editorial;

import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import be.venpmg.nestkaart.access.CurrentAccount;
import be.venpmg.nestkaart.access.Roles;
import be.venpmg.nestkaart.kernel.PageRequest;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;

import java.net.URI;
import java.util.List;
import java.util.Map;

/** The editors' API: changes and their review, listings with history, archive, verification, stale list, queue. */
@Tag(name = "Editorial workflow")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "session")
@Controller("/api/v1/editor")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(Roles.EDITOR)
class EditorialController {
    private static final int QUEUE_LIMIT = 200;
    private final Workflow workflow;
    private final SuggestionReview suggestions;
    private final Freshness freshness;
    private final ListingChoices choices;

    EditorialController(Workflow workflow, SuggestionReview suggestions, Freshness freshness, ListingChoices choices) {
        this.choices = choices;
        this.workflow = workflow;
        this.suggestions = suggestions;
        this.freshness = freshness;
    }

    /** Fields to set and why. */
    @Serdeable
    record Edit(@Nullable Map<String, Object> fields, @Nullable String reason) {
        Map<String, Object> values() {
            return fields == null ? Map.of() : fields;
        }
    }

    /** A decision's note or reason. */
    @Serdeable
    record Note(@Nullable String reason) {
    }

    /** An approval: of the version the reviewer saw, with an optional note. */
    @Serdeable
    record Approval(@Nullable Integer version, @Nullable String reason) {
    }

    /** The editable fields of each kind, for forms; a professional's own profile form uses it too. */
    @Get("/listing-kinds")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<ListingKind> kinds() {
        return ListingKind.ALL;
    }

    /** What a reference, link or term field can point at, by a few letters (pickers instead of raw ids). */
    @Get("/choices/{table}")
    @Secured({Roles.EDITOR, Roles.REPRESENTATIVE})
    List<ListingChoices.Choice> choices(@PathVariable String table, @QueryValue @Nullable String q) {
        return choices.find(table, q);
    }

    /** Changes in the editorial workflow, by status. */
    @Get("/changes")
    List<Change> changes(@QueryValue(defaultValue = "in_review") String status) {
        return workflow.queue(status, QUEUE_LIMIT);
    }

    /** One change with its proposed fields, versions and history. */
    @Get("/changes/{id}")
    Change change(@PathVariable long id) {
        return workflow.change(id);
    }

    /** Drafts a new listing (organisation, location, service, professional, course, search term). */
    @Post("/listings/{type}")
    HttpResponse<Change> createListing(Authentication auth, @PathVariable String type, @Body Edit edit) {
        Change draft = workflow.propose(ListingKind.named(type), null, edit.values(), edit.reason(),
                CurrentAccount.of(auth), null);
        return HttpResponse.created(draft, URI.create("/api/v1/editor/changes/" + draft.id()));
    }

    /** Drafts a change to a live listing. */
    @Post("/listings/{type}/{id}/changes")
    HttpResponse<Change> changeListing(Authentication auth, @PathVariable String type, @PathVariable String id,
                                       @Body Edit edit) {
        Change draft = workflow.propose(ListingKind.named(type), id, edit.values(), edit.reason(),
                CurrentAccount.of(auth), null);
        return HttpResponse.created(draft, URI.create("/api/v1/editor/changes/" + draft.id()));
    }

    /** A live listing as editors see it: every field, its changes and its revisions. */
    @Get("/listings/{type}/{id}")
    Workflow.Listing listing(@PathVariable String type, @PathVariable String id) {
        return workflow.listing(ListingKind.named(type), id);
    }

    /** Edits a draft: a new version of the change. */
    @Put("/changes/{id}")
    Change edit(Authentication auth, @PathVariable long id, @Body Edit edit) {
        return workflow.edit(id, edit.values(), edit.reason(), CurrentAccount.of(auth));
    }

    /** Submits a draft for review. */
    @Post("/changes/{id}/submit")
    Change submit(Authentication auth, @PathVariable long id) {
        return workflow.submit(id, CurrentAccount.of(auth));
    }

    /** Approves the reviewed version of a change and publishes it (a second editor, four eyes). */
    @Post("/changes/{id}/approve")
    Change approve(Authentication auth, @PathVariable long id, @Body @Nullable Approval approval) {
        return workflow.approve(id, approval == null ? null : approval.reason(),
                approval == null ? null : approval.version(), CurrentAccount.of(auth));
    }

    /** Sends a change back to its author with the reason. */
    @Post("/changes/{id}/reject")
    Change reject(Authentication auth, @PathVariable long id, @Body Note note) {
        return workflow.reject(id, note.reason(), CurrentAccount.of(auth));
    }

    /** Withdraws one's own change. */
    @Post("/changes/{id}/withdraw")
    Change withdraw(Authentication auth, @PathVariable long id) {
        return workflow.withdraw(id, CurrentAccount.of(auth));
    }

    /** Archives a listing: it leaves every public page, search and export. */
    @Post("/listings/{type}/{id}/archive")
    Workflow.Listing archive(Authentication auth, @PathVariable String type, @PathVariable String id,
                             @Body Note note) {
        workflow.archive(ListingKind.named(type), id, note.reason(), CurrentAccount.of(auth));
        return workflow.listing(ListingKind.named(type), id);
    }

    /** Confirms a listing is still correct: it is dated as verified today. */
    @Post("/listings/{type}/{id}/verify")
    Workflow.Listing verify(Authentication auth, @PathVariable String type, @PathVariable String id,
                            @Body @Nullable Note note) {
        workflow.verify(ListingKind.named(type), id, note == null ? null : note.reason(), CurrentAccount.of(auth));
        return workflow.listing(ListingKind.named(type), id);
    }

    /** Listings not verified for too long, or whose waiting time is outdated. */
    @Get("/stale")
    List<Freshness.StaleListing> stale(@QueryValue @Nullable String limit) {
        return freshness.stale(PageRequest.wholeNumber("limit", limit, QUEUE_LIMIT, 1, 1000));
    }

    /** Suggestions from the public, waiting for an editor. */
    @Get("/suggestions")
    List<SuggestionReview.Suggestion> suggestions(@QueryValue(defaultValue = "new") String status) {
        return suggestions.list(status, QUEUE_LIMIT);
    }

    /** Turns a suggestion into a draft change. */
    @Post("/suggestions/{id}/accept")
    HttpResponse<Change> acceptSuggestion(Authentication auth, @PathVariable long id, @Body @Nullable Note note) {
        Change draft = suggestions.accept(id, note == null ? null : note.reason(), CurrentAccount.of(auth));
        return HttpResponse.created(draft, URI.create("/api/v1/editor/changes/" + draft.id()));
    }

    /** Refuses a suggestion, with the reason. */
    @Post("/suggestions/{id}/reject")
    SuggestionReview.Suggestion rejectSuggestion(Authentication auth, @PathVariable long id, @Body Note note) {
        return suggestions.reject(id, note.reason(), CurrentAccount.of(auth));
    }
}
