package be.venpmg.nestkaart.taxonomy;

import io.swagger.v3.oas.annotations.tags.Tag;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import be.venpmg.nestkaart.kernel.NotFoundException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The controlled vocabularies with their terms and the words people use for them. */
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "Taxonomies")
@Controller("/api/v1/taxonomies")
class TaxonomyController {
    private final TaxonomyRepository taxonomies;
    private final TaxonomyTermRepository terms;
    private final TermSynonymRepository synonyms;

    TaxonomyController(TaxonomyRepository taxonomies, TaxonomyTermRepository terms, TermSynonymRepository synonyms) {
        this.taxonomies = taxonomies;
        this.terms = terms;
        this.synonyms = synonyms;
    }

    /** The vocabularies: care lines, care modules, problems, target groups and their terms. */
    @Get
    List<TaxonomyView> list() {
        return views(taxonomies.findAllOrderByName());
    }

    /** By id, or by name ("nestkaart-problem"). */
    @Get("/{idOrName}")
    TaxonomyView one(@PathVariable String idOrName) {
        Taxonomy taxonomy = taxonomies.findById(idOrName)
                .or(() -> taxonomies.findFirstByNameOrderById(idOrName))
                .orElseThrow(() -> new NotFoundException("taxonomy", idOrName));
        return views(List.of(taxonomy)).get(0);
    }

    private List<TaxonomyView> views(List<Taxonomy> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        List<TaxonomyTerm> allTerms = terms.findInTaxonomies(
                list.stream().map(Taxonomy::id).toList());
        Map<String, List<SynonymView>> byTerm = allTerms.isEmpty() ? Map.of()
                : synonyms.findByTermIdInOrderBySynonymAsc(allTerms.stream().map(TaxonomyTerm::id).toList())
                .stream().collect(Collectors.groupingBy(TermSynonym::termId,
                        Collectors.mapping(s -> new SynonymView(s.synonym(), s.kind()), Collectors.toList())));
        Map<String, List<TermView>> termsByTaxonomy = allTerms.stream().collect(Collectors.groupingBy(
                TaxonomyTerm::taxonomyId, Collectors.mapping(t -> new TermView(t.id(), t.code(), t.name(),
                        t.description(), t.parentId(), byTerm.getOrDefault(t.id(), List.of())), Collectors.toList())));
        return list.stream().map(t -> new TaxonomyView(t.id(), t.name(), t.description(), t.version(),
                termsByTaxonomy.getOrDefault(t.id(), List.of()))).toList();
    }

    @Serdeable
    record TaxonomyView(String id, String name, String description, @Nullable String version, List<TermView> terms) {
    }

    @Serdeable
    record TermView(String id, @Nullable String code, String name, String description, @Nullable String parentId,
                    List<SynonymView> synonyms) {
    }

    @Serdeable
    record SynonymView(String synonym, String kind) {
    }
}
