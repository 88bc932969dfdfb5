package be.venpmg.nestkaart.quality;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.MYSQL)
interface QualityCriterionRepository extends GenericRepository<QualityCriterion, String> {
    List<QualityCriterion> findAllOrderByNumber();
}
