package be.venpmg.nestkaart.directory;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface LocationRepository extends GenericRepository<Location, String> {

    @Query("""
            SELECT l.* FROM public_location l JOIN service_at_location sal ON sal.location_id = l.id
            WHERE sal.service_id IN (:serviceIds) ORDER BY l.name, l.id""")
    List<Location> findPublishedForServices(Collection<String> serviceIds);

    @Query("""
            SELECT sal.service_id FROM service_at_location sal WHERE sal.location_id = :locationId""")
    List<String> findServiceIdsAt(String locationId);

    List<Location> findByOrganizationIdOrderByNameAsc(String organizationId);
}
