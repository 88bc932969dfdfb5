package be.venpmg.nestkaart.directory;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface OrganizationRepository extends GenericRepository<Organization, String> {
    Optional<Organization> findById(String id);

    Optional<String> findNameById(String id);

    List<Organization> findAll(io.micronaut.data.model.Pageable pageable);

    long count();

    List<Organization> findByIdIn(java.util.Collection<String> ids);
}
