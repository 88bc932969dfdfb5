package be.venpmg.nestkaart.search;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.apache.lucene.index.Term;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps the index equal to the published listings in the database: full rebuilds, and the outbox drained every
 * poll interval. An outbox row is deleted only after the index commit that contains its change, so a crash at any
 * point redoes work but never loses it.
 */
@Singleton
public class IndexMaintainer {
    private static final Logger LOG = LoggerFactory.getLogger(IndexMaintainer.class);

    private final SearchIndex index;
    private final ListingDocumentLoader loader;
    private final Suggester suggester;
    private final int batch;
    private volatile boolean started;

    IndexMaintainer(SearchIndex index, ListingDocumentLoader loader, Suggester suggester,
                    @Value("${nestkaart.search.outbox-batch}") int batch) {
        this.index = index;
        this.suggester = suggester;
        this.loader = loader;
        this.batch = batch;
    }

    /**
     * Opens the index, rebuilding it when it is new, outdated or damaged; then follows the outbox.
     *
     * @return whether it had to rebuild (false when the index could be carried on, or was already open)
     */
    public synchronized boolean start() {
        return open(false) >= 0;
    }

    /** Opens the index and rebuilds it from the database exactly once, whatever its state; returns the documents. */
    public synchronized int startRebuilt() {
        return open(true);
    }

    private int open(boolean rebuildAnyway) {
        if (started) {
            return -1;
        }
        try {
            String databaseId;
            try (Connection c = loader.open();
                 PreparedStatement statement = c.prepareStatement("SELECT id FROM installation");
                 ResultSet rs = statement.executeQuery()) {
                databaseId = rs.next() ? rs.getString(1) : "unknown";
            }
            int documents = -1;
            if (index.open(databaseId) || rebuildAnyway) {
                documents = rebuild();
            } else {
                index.markReady();
            }
            started = true;
            return documents;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Cannot open the search index in " + index.path(), e);
        }
    }

    /** Rebuilds the whole index from the database; outbox rows up to the start of the rebuild are then done. */
    public synchronized int rebuild() throws IOException, SQLException {
        long started = System.nanoTime();
        try (Connection c = loader.open()) {
            long covered = maxOutboxId(c);
            List<SearchDocument> documents = new ArrayList<>(loader.services(c, null));
            documents.addAll(loader.organizations(c, null));
            documents.addAll(loader.professionals(c, null));
            documents.addAll(loader.courses(c, null));
            long loaded = System.nanoTime();
            index.replaceAll(documents);
            suggester.markStale();
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM outbox WHERE id <= ?")) {
                delete.setLong(1, covered);
                delete.executeUpdate();
            }
            LOG.info("Search index rebuilt: {} documents in {} ms (reading the database {} ms, indexing {} ms)",
                    documents.size(), (System.nanoTime() - started) / 1_000_000, (loaded - started) / 1_000_000,
                    (System.nanoTime() - loaded) / 1_000_000);
            return documents.size();
        }
    }

    @Scheduled(fixedDelay = "${nestkaart.search.outbox-poll}", initialDelay = "1s")
    void poll() {
        if (!started) {
            return;
        }
        try {
            while (drainOnce() == batch) {
                // a full batch: more may be waiting
            }
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.warn("Outbox indexing failed, retrying at the next poll: {}", e.toString());
        }
    }

    /** Indexes one batch of outbox rows; returns how many rows it handled. */
    public synchronized int drainOnce() throws IOException, SQLException {
        try (Connection c = loader.open()) {
            List<Long> rowIds = new ArrayList<>();
            Set<String> services = new LinkedHashSet<>();
            Set<String> organizations = new LinkedHashSet<>();
            Set<String> professionals = new LinkedHashSet<>();
            Set<String> courses = new LinkedHashSet<>();
            try (PreparedStatement select = c.prepareStatement(
                    "SELECT id, entity_type, entity_id FROM outbox ORDER BY id LIMIT ?")) {
                select.setInt(1, batch);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        rowIds.add(rs.getLong(1));
                        String id = rs.getString(3);
                        switch (rs.getString(2)) {
                            case "service" -> services.add(id);
                            case "organization" -> {
                                organizations.add(id);
                                services.addAll(ids(c, "SELECT id FROM service WHERE organization_id = ?", id));
                            }
                            case "location" -> {
                                services.addAll(ids(c, "SELECT service_id FROM service_at_location WHERE location_id = ?", id));
                                organizations.addAll(ids(c, "SELECT organization_id FROM location WHERE id = ? "
                                        + "AND organization_id IS NOT NULL", id));
                                professionals.addAll(ids(c, "SELECT professional_id FROM professional_affiliation "
                                        + "WHERE location_id = ?", id));
                            }
                            case "professional" -> professionals.add(id);
                            case "course" -> courses.add(id);
                            default -> LOG.warn("Outbox row {} names unknown entity type {}", rs.getLong(1), rs.getString(2));
                        }
                    }
                }
            }
            if (rowIds.isEmpty()) {
                return 0;
            }
            List<SearchDocument> upserts = new ArrayList<>(loader.services(c, services));
            upserts.addAll(loader.organizations(c, organizations));
            upserts.addAll(loader.professionals(c, professionals));
            upserts.addAll(loader.courses(c, courses));
            List<Term> deletes = new ArrayList<>();
            missing(upserts, "service", services, deletes);
            missing(upserts, "organization", organizations, deletes);
            missing(upserts, "professional", professionals, deletes);
            missing(upserts, "course", courses, deletes);
            index.apply(upserts, deletes);
            suggester.markStale();
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM outbox WHERE id IN ("
                    + String.join(",", Collections.nCopies(rowIds.size(), "?")) + ")")) {
                for (int i = 0; i < rowIds.size(); i++) {
                    delete.setLong(i + 1, rowIds.get(i));
                }
                delete.executeUpdate();
            }
            return rowIds.size();
        }
    }

    /** Listings asked for but not loaded are unpublished or gone: they leave the index. */
    private static void missing(List<SearchDocument> loaded, String kind, Set<String> wanted, List<Term> deletes) {
        Set<String> found = new LinkedHashSet<>();
        loaded.stream().filter(d -> d.kind().equals(kind)).forEach(d -> found.add(d.id()));
        wanted.stream().filter(id -> !found.contains(id)).forEach(id -> deletes.add(IndexSchema.uid(kind, id)));
    }

    private static List<String> ids(Connection c, String sql, String id) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setString(1, id);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static long maxOutboxId(Connection c) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement("SELECT COALESCE(MAX(id), 0) FROM outbox");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
