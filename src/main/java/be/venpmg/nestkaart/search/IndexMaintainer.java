package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.kernel.Outbox;

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
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps this replica's index equal to the published listings in the database: full rebuilds, and the shared outbox
 * followed every poll interval. Rows are not deleted when indexed (other replicas read them too); the position
 * reached is committed with the index ({@link OutboxCursor}), so a crash at any point redoes work but never loses it.
 * Rows older than the retention are purged; a replica left behind the purge rebuilds.
 */
@Singleton
public class IndexMaintainer {
    private static final Logger LOG = LoggerFactory.getLogger(IndexMaintainer.class);
    private static final int GAPS_PER_QUERY = 100;

    private final SearchIndex index;
    private final ListingDocumentLoader loader;
    private final Suggester suggester;
    private final SearchVocabulary vocabulary;
    private final int batch;
    private final Duration gapWait;
    private final Duration retention;
    private volatile OutboxCursor cursor;
    private volatile boolean started;
    private volatile Duration lag = Duration.ZERO;
    private volatile Instant confirmedAt;
    private final java.time.Clock clock;

    IndexMaintainer(SearchIndex index, ListingDocumentLoader loader, Suggester suggester, SearchVocabulary vocabulary,
                    java.time.Clock clock,
                    @Value("${nestkaart.search.outbox-batch}") int batch,
                    @Value("${nestkaart.search.outbox-gap-wait}") Duration gapWait,
                    @Value("${nestkaart.search.outbox-retention}") Duration retention) {
        this.index = index;
        this.clock = clock;
        this.suggester = suggester;
        this.vocabulary = vocabulary;
        this.loader = loader;
        this.batch = batch;
        this.gapWait = gapWait;
        this.retention = retention;
    }

    /**
     * Opens the index, rebuilding it when it is new, outdated, damaged or out of step with the outbox; then follows
     * the outbox.
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
            try (Connection c = loader.open()) {
                databaseId = scalar(c, "SELECT id FROM installation");
                boolean stale = index.open(databaseId == null ? "unknown" : databaseId);
                cursor = OutboxCursor.parse(index.outboxState(), gapWait);
                String behind = stale ? null : outOfStep(bounds(c));
                if (behind != null) {
                    LOG.warn("Search index in {}: {}; rebuilding from the database", index.path(), behind);
                }
                int documents = -1;
                if (stale || rebuildAnyway || behind != null) {
                    documents = rebuild();
                } else {
                    index.markReady();
                }
                confirmedAt = clock.instant();
                started = true;
                return documents;
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("Cannot open the search index in " + index.path(), e);
        }
    }

    /**
     * The outbox as one query sees it: how far it was purged, its newest id, and the database clock (outbox times are
     * the database's, so replicas on other machines compare them without clock skew).
     */
    private record OutboxBounds(long purgedThrough, long newest, Instant now) {
    }

    private static OutboxBounds bounds(Connection c) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement("SELECT outbox_purged_through, "
                + "(SELECT COALESCE(MAX(id), 0) FROM outbox), NOW(3) FROM installation");
             ResultSet rs = statement.executeQuery()) {
            rs.next();
            return new OutboxBounds(rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant());
        }
    }

    /** Why the index cannot follow the outbox from where it stands, or null when it can. */
    private String outOfStep(OutboxBounds bounds) {
        long position = cursor.readThrough();
        if (position < bounds.purgedThrough()) {
            return "outbox rows it has not seen were purged";
        }
        if (position > Math.max(bounds.purgedThrough(), bounds.newest())) {
            return "it is ahead of the database (restored from a backup?)";
        }
        return null;
    }

    /**
     * Rebuilds the whole index from the database. The outbox rows visible before the listings are read are in the
     * rebuilt index; ids not visible then are gaps the cursor waits at, as a drain would.
     */
    public synchronized int rebuild() throws IOException, SQLException {
        vocabulary.markStale();
        long started = System.nanoTime();
        try (Connection c = loader.open()) {
            OutboxBounds bounds = bounds(c);
            List<OutboxCursor.Row> visible = new ArrayList<>();
            try (PreparedStatement statement = c.prepareStatement("SELECT id, created_at FROM outbox ORDER BY id");
                 ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    visible.add(new OutboxCursor.Row(rs.getLong(1), null, null, rs.getTimestamp(2).toInstant()));
                }
            }
            OutboxCursor rebuilt = OutboxCursor.at(bounds.purgedThrough(), gapWait).after(visible)
                    .expired(bounds.now());
            List<SearchDocument> documents = new ArrayList<>(loader.services(c, null));
            documents.addAll(loader.organizations(c, null));
            documents.addAll(loader.professionals(c, null));
            documents.addAll(loader.courses(c, null));
            long loaded = System.nanoTime();
            index.replaceAll(documents, rebuilt.state());
            cursor = rebuilt;
            suggester.markStale();
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
            while (drainOnce() >= batch) {
                // a full batch: more may be waiting
            }
        } catch (IOException | SQLException | RuntimeException e) {
            LOG.warn("Outbox indexing failed, retrying at the next poll: {}", e.toString());
        }
    }

    /**
     * What a listing's index entry says can change with the date alone (a course's sessions pass, its accreditation
     * ends): once a day every public course is queued for re-indexing, judged again by the application's clock.
     */
    @Scheduled(cron = "${nestkaart.search.dated-reindex-cron}")
    public int requeueDated() {
        try (Connection c = loader.open();
             PreparedStatement queue = c.prepareStatement("INSERT INTO outbox (entity_type, entity_id, operation) "
                     + "SELECT 'course', id, 'upsert' FROM public_course")) {
            int queued = queue.executeUpdate();
            LOG.info("Dated listings queued for re-indexing: {}", queued);
            return queued;
        } catch (SQLException e) {
            LOG.warn("Dated listings not queued, retrying tomorrow: {}", e.toString());
            return 0;
        }
    }

    /** Deletes outbox rows older than the retention, remembering how far it deleted. Any replica may run it. */
    @Scheduled(fixedDelay = "${nestkaart.search.outbox-purge-every}", initialDelay = "1m")
    public void purge() {
        try (Connection c = loader.open()) {
            c.setAutoCommit(false);
            try (PreparedStatement newest = c.prepareStatement(
                    "SELECT COALESCE(MAX(id), 0) FROM outbox WHERE created_at < ?")) {
                newest.setTimestamp(1, Timestamp.from(bounds(c).now().minus(retention)));
                long through;
                try (ResultSet rs = newest.executeQuery()) {
                    rs.next();
                    through = rs.getLong(1);
                }
                if (through > 0) {
                    try (PreparedStatement delete = c.prepareStatement("DELETE FROM outbox WHERE id <= ?");
                         PreparedStatement mark = c.prepareStatement("UPDATE installation SET outbox_purged_through = "
                                 + "GREATEST(outbox_purged_through, ?)")) {
                        delete.setLong(1, through);
                        int purged = delete.executeUpdate();
                        mark.setLong(1, through);
                        mark.executeUpdate();
                        LOG.info("Outbox: {} rows older than {} purged", purged, retention);
                    }
                }
            }
            c.commit();
        } catch (SQLException e) {
            LOG.warn("Outbox purge failed, retrying later: {}", e.toString());
        }
    }

    /** Indexes the next outbox rows this replica has not applied; returns how many it applied. */
    public synchronized int drainOnce() throws IOException, SQLException {
        try (Connection c = loader.open()) {
            OutboxBounds bounds = bounds(c);
            String behind = outOfStep(bounds);
            if (behind != null) {
                LOG.warn("Search index: {}; rebuilding from the database", behind);
                rebuild();
                return 0;
            }
            Instant now = bounds.now();
            OutboxCursor current = cursor.expired(now);
            List<OutboxCursor.Row> rows = new ArrayList<>(gapFills(c, current.gaps()));
            rows.addAll(rowsAbove(c, current.readThrough()));
            OutboxCursor next = rows.isEmpty() ? current : current.after(rows);
            if (!rows.isEmpty()) {
                apply(c, rows, next.state());
            } else if (next != cursor) {
                index.apply(List.of(), List.of(), next.state()); // only given-up gaps: no commit on an idle poll
            }
            cursor = next;
            lag = rows.stream().map(OutboxCursor.Row::createdAt).min(Instant::compareTo)
                    .map(oldest -> Duration.between(oldest, now)).orElse(Duration.ZERO);
            confirmedAt = clock.instant();
            return rows.size();
        }
    }

    private void apply(Connection c, List<OutboxCursor.Row> rows, String state) throws IOException, SQLException {
        Set<String> services = new LinkedHashSet<>();
        Set<String> organizations = new LinkedHashSet<>();
        Set<String> professionals = new LinkedHashSet<>();
        Set<String> courses = new LinkedHashSet<>();
        for (OutboxCursor.Row row : rows) {
            String id = row.entityId();
            switch (row.entityType()) {
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
                case "search_term" -> vocabulary.markStale();
                default -> LOG.warn("Outbox row {} names unknown entity type {}", row.id(), row.entityType());
            }
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
        index.apply(upserts, deletes, state);
        suggester.markStale();
    }

    /** Whether every outbox row committed so far is in the index (for health checks and tests). */
    public boolean caughtUp() throws SQLException {
        OutboxCursor current = cursor;
        if (!started || current == null) {
            return false;
        }
        try (Connection c = loader.open()) {
            return rowsAbove(c, current.readThrough()).isEmpty() && gapFills(c, current.gaps()).isEmpty();
        }
    }

    /** How long the oldest change waiting at the last poll had waited (zero when none waited). */
    public Duration lag() {
        return lag;
    }

    /**
     * How long since the index last confirmed it holds every change (a successful read of the outbox): it grows when
     * the database cannot be reached, and is what "stale" means.
     */
    public Duration indexAge() {
        Instant confirmed = confirmedAt;
        return confirmed == null ? Duration.ZERO : Duration.between(confirmed, clock.instant());
    }

    /** The next batch of rows above {@code position}, ascending. */
    private List<OutboxCursor.Row> rowsAbove(Connection c, long position) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("SELECT id, entity_type, entity_id, created_at FROM outbox "
                + "WHERE id > ? ORDER BY id LIMIT ?")) {
            select.setLong(1, position);
            select.setInt(2, batch);
            return rows(select);
        }
    }

    /** Rows that have become visible inside the gaps (transactions that committed after later ones). */
    private static List<OutboxCursor.Row> gapFills(Connection c, List<OutboxCursor.Gap> gaps) throws SQLException {
        List<OutboxCursor.Row> rows = new ArrayList<>();
        for (int from = 0; from < gaps.size(); from += GAPS_PER_QUERY) {
            List<OutboxCursor.Gap> part = gaps.subList(from, Math.min(gaps.size(), from + GAPS_PER_QUERY));
            try (PreparedStatement select = c.prepareStatement("SELECT id, entity_type, entity_id, created_at FROM outbox "
                    + "WHERE " + String.join(" OR ", Collections.nCopies(part.size(), "id BETWEEN ? AND ?")))) {
                for (int i = 0; i < part.size(); i++) {
                    select.setLong(2 * i + 1, part.get(i).first());
                    select.setLong(2 * i + 2, part.get(i).last());
                }
                rows.addAll(rows(select));
            }
        }
        return rows;
    }

    private static List<OutboxCursor.Row> rows(PreparedStatement select) throws SQLException {
        List<OutboxCursor.Row> rows = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                rows.add(new OutboxCursor.Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()));
            }
        }
        return rows;
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

    private static String scalar(Connection c, String sql) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql);
             ResultSet rs = statement.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
