package be.venpmg.nestkaart.taxonomy;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface TermSynonymRepository extends GenericRepository<TermSynonym, Long> {

    List<TermSynonym> findByTermIdInOrderBySynonymAsc(Collection<String> termIds);
}
