package be.venpmg.nestkaart.directory;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.Collection;
import java.util.List;

/** The details around a listing: addresses, phones, languages, costs, opening hours, service areas, taxonomy terms. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface ContactDetailsRepository extends GenericRepository<Address, String> {

    @Query("SELECT * FROM address WHERE location_id IN (:locationIds) ORDER BY address_type, position IS NULL, position, id")
    List<Address> addressesOf(Collection<String> locationIds);

    @Query("""
            SELECT * FROM phone WHERE service_id IN (:ids) OR organization_id IN (:ids) OR location_id IN (:ids)
            ORDER BY service_id IS NULL, position IS NULL, position, id""")
    List<Phone> phonesOf(Collection<String> ids);

    @Query("SELECT * FROM language WHERE service_id IN (:ids) OR professional_id IN (:ids) ORDER BY code")
    List<Language> languagesOf(Collection<String> ids);

    @Query("SELECT * FROM cost_option WHERE service_id IN (:serviceIds) ORDER BY position IS NULL, position, id")
    List<CostOption> costOptionsOf(Collection<String> serviceIds);

    @Query("SELECT * FROM schedule WHERE service_id IN (:ids) OR location_id IN (:ids) ORDER BY position IS NULL, position, id")
    List<Schedule> schedulesOf(Collection<String> ids);

    @Query("""
            SELECT a.link_id AS link_id, COALESCE(tx.name, t.taxonomy, '') AS taxonomy, t.id AS term_id,
                   t.code AS code, t.name AS name
            FROM attribute a
            JOIN taxonomy_term t ON t.id = a.taxonomy_term_id
            LEFT JOIN taxonomy tx ON tx.id = t.taxonomy_id
            WHERE a.link_id IN (:linkIds)
            ORDER BY taxonomy, t.sort_order, t.code, t.name""")
    List<LinkedTerm> termsOf(Collection<String> linkIds);

    @Query("SELECT service_id, scope, code, name FROM service_area WHERE service_id IN (:serviceIds) ORDER BY id")
    List<ServiceAreaRow> serviceAreasOf(Collection<String> serviceIds);

    @Query("""
            SELECT pa.professional_id AS professional_id, o.id AS organization_id, o.name AS organization_name,
                   pa.location_id AS location_id, pa.role AS role
            FROM professional_affiliation pa JOIN public_organization o ON o.id = pa.organization_id
            WHERE pa.professional_id IN (:professionalIds)
            ORDER BY o.name""")
    List<Affiliation> affiliationsOf(Collection<String> professionalIds);
}
