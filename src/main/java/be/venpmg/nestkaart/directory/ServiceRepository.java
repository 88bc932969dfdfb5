package be.venpmg.nestkaart.directory;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ServiceRepository extends GenericRepository<Service, String> {
    Optional<Service> findById(String id);

    Optional<String> findNameById(String id);

    List<Service> findAll(Pageable pageable);

    long count();

    List<Service> findByOrganizationIdOrderByNameAsc(String organizationId);
}
