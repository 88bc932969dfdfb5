package be.venpmg.nestkaart.directory;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface ProfessionalRepository extends GenericRepository<Professional, String> {
    Optional<Professional> findById(String id);

    List<Professional> findAll(Pageable pageable);

    long count();
}
