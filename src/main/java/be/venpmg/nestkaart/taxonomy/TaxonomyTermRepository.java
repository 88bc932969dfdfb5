package be.venpmg.nestkaart.taxonomy;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface TaxonomyTermRepository extends GenericRepository<TaxonomyTerm, String> {

    @Query("SELECT * FROM taxonomy_term WHERE taxonomy_id IN (:taxonomyIds) ORDER BY sort_order, code, name")
    List<TaxonomyTerm> findInTaxonomies(Collection<String> taxonomyIds);
}
