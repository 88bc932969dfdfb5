package be.venpmg.nestkaart.taxonomy;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface TaxonomyTermRepository extends GenericRepository<TaxonomyTerm, String> {

    @Query("SELECT * FROM taxonomy_term WHERE taxonomy_id IN (:taxonomyIds) ORDER BY sort_order, code, name")
    List<TaxonomyTerm> findInTaxonomies(Collection<String> taxonomyIds);

    /** The id of the term with this code in the taxonomy of this name (seed data names terms so). */
    @Query("SELECT t.id FROM taxonomy_term t JOIN taxonomy x ON x.id = t.taxonomy_id WHERE x.name = :taxonomy "
            + "AND t.code = :code")
    Optional<String> findIdByTaxonomyAndCode(String taxonomy, String code);
}
