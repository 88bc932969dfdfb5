package be.venpmg.nestkaart.interop;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.ReadOnly;

import be.venpmg.nestkaart.search.SearchIndex;
import be.venpmg.nestkaart.search.SearchService;
import be.venpmg.nestkaart.kernel.InvalidParameterException;
import be.venpmg.nestkaart.kernel.PageRequest;
import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import jakarta.inject.Singleton;
import org.apache.lucene.search.IndexSearcher;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds which public records an HSDS list request selects and in which order: by name, or by relevance when the
 * request searches text. The text match comes from the search index (synonyms, lay words), every other filter from
 * the database, so the two always agree on what is public.
 */
@Singleton
class HsdsQueries {
    /** One selected page of ids, and how many the filters select in all. */
    record Selection(List<String> ids, long total) {
    }

    private final JdbcOperations jdbc;
    private final SearchService search;
    private final SearchIndex index;
    private final int maxSearchMatches;

    HsdsQueries(JdbcOperations jdbc, SearchService search, SearchIndex index,
                @Value("${nestkaart.hsds.max-search-matches:10000}") int maxSearchMatches) {
        this.jdbc = jdbc;
        this.search = search;
        this.index = index;
        this.maxSearchMatches = maxSearchMatches;
    }

    @ReadOnly
    Selection services(HsdsFilters filters, PageRequest page) {
        Sql sql = new Sql("FROM public_service s WHERE TRUE");
        serviceFilters(sql, "s", filters);
        if (filters.postcode() != null) {
            sql.and("s.id IN (SELECT sal.service_id FROM service_at_location sal WHERE " + place("sal", filters, sql)
                    + ")");
        }
        return select(sql, "s.id", "s.name, s.id", filters.search() == null ? null : "service", filters, page);
    }

    @ReadOnly
    Selection serviceAtLocations(HsdsFilters filters, PageRequest page) {
        Sql sql = new Sql("FROM service_at_location x JOIN public_service s ON s.id = x.service_id "
                + "JOIN public_location l ON l.id = x.location_id WHERE TRUE");
        serviceFilters(sql, "s", filters);
        if (filters.postcode() != null) {
            sql.and(place("x", filters, sql));
        }
        return select(sql, "x.id", "s.name, l.name, x.id", filters.search() == null ? null : "service", filters, page);
    }

    @ReadOnly
    Selection organizations(HsdsFilters filters, PageRequest page) {
        Sql sql = new Sql("FROM public_organization o WHERE TRUE");
        return select(sql, "o.id", "o.name, o.id", filters.search() == null ? null : "organization", filters, page);
    }

    @ReadOnly
    Selection taxonomies(HsdsFilters filters, PageRequest page) {
        Sql sql = new Sql("FROM taxonomy t WHERE 1 = 1");
        if (filters.search() != null) {
            sql.and("(t.name LIKE ? OR t.description LIKE ?)", like(filters.search()), like(filters.search()));
        }
        return select(sql, "t.id", "t.name, t.id", null, filters, page);
    }

    @ReadOnly
    Selection taxonomyTerms(HsdsFilters filters, String parentId, boolean topOnly, PageRequest page) {
        Sql sql = new Sql("FROM taxonomy_term t WHERE 1 = 1");
        if (filters.search() != null) {
            // Terms are found by their label, code, description or any lay synonym people use for them.
            sql.and("(t.name LIKE ? OR t.code LIKE ? OR t.description LIKE ? OR t.id IN "
                            + "(SELECT y.term_id FROM taxonomy_term_synonym y WHERE y.synonym LIKE ?))",
                    like(filters.search()), like(filters.search()), like(filters.search()), like(filters.search()));
        }
        if (filters.taxonomyId() != null) {
            sql.and("t.taxonomy_id = ?", filters.taxonomyId());
        }
        if (parentId != null) {
            sql.and("t.parent_id = ?", parentId);
        }
        if (topOnly) {
            sql.and("t.parent_id IS NULL");
        }
        return select(sql, "t.id", "t.taxonomy_id, t.sort_order, t.name, t.id", null, filters, page);
    }

    private static void serviceFilters(Sql sql, String alias, HsdsFilters filters) {
        if (filters.organizationId() != null) {
            sql.and(alias + ".organization_id = ?", filters.organizationId());
        }
        if (!filters.taxonomyTermIds().isEmpty()) {
            sql.and(alias + ".id IN (SELECT a.link_id FROM attribute a WHERE a.taxonomy_term_id IN ("
                    + marks(filters.taxonomyTermIds().size()) + "))", filters.taxonomyTermIds().toArray());
        }
        if (filters.taxonomyId() != null) {
            sql.and(alias + ".id IN (SELECT a.link_id FROM attribute a JOIN taxonomy_term t ON t.id = a.taxonomy_term_id "
                    + "WHERE t.taxonomy_id = ?)", filters.taxonomyId());
        }
        if (filters.modifiedAfter() != null) {
            sql.and(HsdsRecords.serviceLastModified(alias) + " >= ?",
                    Timestamp.valueOf(filters.modifiedAfter().atOffset(ZoneOffset.UTC).toLocalDateTime()));
        }
    }

    /**
     * The service at location lies in the postcode, or within the distance of its centre. The bounding box lets the
     * database skip far rows before it computes any distance. Adds its parameters to {@code sql}, which the caller
     * then extends with the returned condition.
     */
    private static String place(String salAlias, HsdsFilters filters, Sql sql) {
        if (filters.near() == null) {
            sql.parameters.add(filters.postcode());
            return salAlias + ".location_id IN (SELECT ad.location_id FROM address ad WHERE ad.postal_code = ?)";
        }
        HsdsFilters.Near near = filters.near();
        double latDelta = near.meters() / 111_320.0;
        double lonDelta = near.meters() / (111_320.0 * Math.cos(Math.toRadians(near.latitude())));
        Collections.addAll(sql.parameters, near.latitude() - latDelta, near.latitude() + latDelta,
                near.longitude() - lonDelta, near.longitude() + lonDelta, near.longitude(), near.latitude(),
                near.meters());
        return salAlias + ".location_id IN (SELECT lo.id FROM location lo WHERE lo.latitude BETWEEN ? AND ? "
                + "AND lo.longitude BETWEEN ? AND ? "
                + "AND ST_Distance_Sphere(POINT(lo.longitude, lo.latitude), POINT(?, ?)) <= ?)";
    }

    private Selection select(Sql sql, String idColumn, String order, String searchKind, HsdsFilters filters,
                             PageRequest page) {
        return jdbc.execute(connection -> {
            if (searchKind == null) {
                long total = sql.count(connection, idColumn);
                List<String> ids = sql.ids(connection, idColumn, order + " LIMIT " + page.limit() + " OFFSET "
                        + page.offset());
                return new Selection(ids, total);
            }
            if (!index.isReady()) {
                throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                        "The search index is being built; try again shortly.");
            }
            if (!"x.id".equals(idColumn)) {
                // Services and organisations: text, filters, order and total all from the index.
                try {
                    SearchService.IdPage found = search.listingPage(searchKind, filters.search(), listingFilter(filters),
                            (int) page.offset(), page.limit());
                    return new Selection(found.ids(), found.total());
                } catch (IndexSearcher.TooManyClauses e) {
                    throw new InvalidParameterException("search", SearchService.TOO_MANY_WORDS);
                }
            }
            List<String> ranked;
            try {
                ranked = search.matchingIds(searchKind, filters.search(), maxSearchMatches);
            } catch (IndexSearcher.TooManyClauses e) {
                throw new InvalidParameterException("search", SearchService.TOO_MANY_WORDS);
            }
            if (ranked.isEmpty()) {
                return new Selection(List.of(), 0);
            }
            Map<String, Integer> rank = new HashMap<>();
            for (int i = 0; i < ranked.size(); i++) {
                rank.put(ranked.get(i), i);
            }
            // The index ranks the listings; a service at location takes the rank of its service.
            String rankedColumn = "s.id".equals(idColumn) || "x.id".equals(idColumn) ? "s.id" : idColumn;
            sql.and(rankedColumn + " IN (" + marks(ranked.size()) + ")", ranked.toArray());
            List<String[]> rows = sql.pairs(connection, idColumn, rankedColumn, order);
            rows.sort((a, b) -> Integer.compare(rank.get(a[1]), rank.get(b[1])));
            int from = (int) Math.min(rows.size(), page.offset());
            int to = Math.min(rows.size(), from + page.limit());
            return new Selection(rows.subList(from, to).stream().map(row -> row[0]).toList(), rows.size());
        });
    }

    private static SearchService.ListingFilter listingFilter(HsdsFilters filters) {
        return new SearchService.ListingFilter(filters.organizationId(), filters.taxonomyTermIds(), filters.taxonomyId(),
                filters.modifiedAfter() == null ? null : filters.modifiedAfter().toEpochMilli(), filters.postcode(),
                filters.near() == null ? null : new SearchService.GeoCircle(filters.near().latitude(),
                        filters.near().longitude(), filters.near().meters()));
    }

    private static String like(String text) {
        return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static String marks(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    /** A FROM … WHERE clause built up with its parameters. */
    private static final class Sql {
        private final StringBuilder text;
        private final List<Object> parameters = new ArrayList<>();

        Sql(String from) {
            this.text = new StringBuilder(from);
        }

        void and(String condition, Object... values) {
            text.append(" AND ").append(condition);
            Collections.addAll(parameters, values);
        }

        long count(Connection connection, String idColumn) throws SQLException {
            try (PreparedStatement statement = prepare(connection, "SELECT COUNT(DISTINCT " + idColumn + ") " + text);
                 ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }

        List<String> ids(Connection connection, String idColumn, String orderAndLimit) throws SQLException {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement statement = prepare(connection, "SELECT " + idColumn + " " + text + " ORDER BY "
                    + orderAndLimit);
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        }

        List<String[]> pairs(Connection connection, String idColumn, String rankedColumn, String order)
                throws SQLException {
            List<String[]> rows = new ArrayList<>();
            try (PreparedStatement statement = prepare(connection, "SELECT " + idColumn + ", " + rankedColumn + " "
                    + text + " ORDER BY " + order);
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            return rows;
        }

        private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            return statement;
        }
    }
}
