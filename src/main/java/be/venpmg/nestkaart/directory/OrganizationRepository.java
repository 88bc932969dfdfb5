package be.venpmg.nestkaart.directory;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface OrganizationRepository extends GenericRepository<Organization, String> {

    Optional<Organization> findByIdAndPublicationStatus(String id, String publicationStatus);

    List<Organization> findByPublicationStatus(String publicationStatus,
                                                                  io.micronaut.data.model.Pageable pageable);

    long countByPublicationStatus(String publicationStatus);

    List<Organization> findByIdInAndPublicationStatus(java.util.Collection<String> ids, String publicationStatus);
}
