package be.venpmg.nestkaart.directory;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** Every public page, read through the public views. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface SitemapRepository extends GenericRepository<Service, String> {

    @Query("""
            SELECT 'aanbod' AS segment, id, name, updated_at FROM public_service
            UNION ALL SELECT 'organisatie', id, name, updated_at FROM public_organization
            UNION ALL SELECT 'hulpverlener', id, CONCAT(given_name, ' ', family_name), updated_at FROM public_professional
            UNION ALL SELECT 'opleiding', id, name, updated_at FROM public_course
            UNION ALL SELECT 'informatie', slug, title, updated_at FROM public_info_page""")
    List<SitemapEntry> entries();
}
