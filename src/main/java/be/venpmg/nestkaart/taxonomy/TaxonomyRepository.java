package be.venpmg.nestkaart.taxonomy;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface TaxonomyRepository extends GenericRepository<Taxonomy, String> {

    List<Taxonomy> findAllOrderByName();

    Optional<Taxonomy> findById(String id);

    Optional<Taxonomy> findFirstByNameOrderById(String name);
}
