package be.venpmg.nestkaart.search;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.apache.lucene.index.Term;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

    private final SearchIndex index;
    private final ListingDocumentLoader loader;
    private final OutboxTable outbox;
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

    IndexMaintainer(SearchIndex index, ListingDocumentLoader loader, OutboxTable outbox, Suggester suggester, SearchVocabulary vocabulary,
                    java.time.Clock clock,
                    @Value("${nestkaart.search.outbox-batch}") int batch,
                    @Value("${nestkaart.search.outbox-gap-wait}") Duration gapWait,
                    @Value("${nestkaart.search.outbox-retention}") Duration retention) {
        this.index = index;
        this.outbox = outbox;
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
            long opening = System.nanoTime();
            boolean stale = index.open(outbox.installationId().orElse("unknown"));
            cursor = OutboxCursor.parse(index.outboxState(), gapWait);
            String behind = stale ? null : outOfStep(outbox.bounds());
            if (behind != null) {
                LOG.warn("Search index in {}: {}; rebuilding from the database", index.path(), behind);
            }
            int documents = -1;
            if (stale || rebuildAnyway || behind != null) {
                documents = rebuild();
            } else {
                index.markReady();
                LOG.info("Search index opened in {} ms", (System.nanoTime() - opening) / 1_000_000);
            }
            confirmedAt = clock.instant();
            started = true;
            return documents;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot open the search index in " + index.path(), e);
        }
    }

    /** Why the index cannot follow the outbox from where it stands, or null when it can. */
    private String outOfStep(OutboxTable.Bounds bounds) {
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
     * Reads every file of the index against its checksum and rebuilds it from the database when one is damaged;
     * returns whether it did. Asked after the start (see {@link SearchIndex#damage()}).
     */
    public boolean rebuildIfDamaged() {
        try {
            String damage = index.damage();
            if (damage == null) {
                return false;
            }
            LOG.warn("Search index in {} is damaged ({}); rebuilding from the database", index.path(), damage);
            rebuild();
            return true;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot check or rebuild the search index in " + index.path(), e);
        }
    }

    /**
     * Rebuilds the whole index from the database. The outbox rows visible before the listings are read are in the
     * rebuilt index; ids not visible then are gaps the cursor waits at, as a drain would.
     */
    public synchronized int rebuild() throws IOException {
        vocabulary.markStale();
        long started = System.nanoTime();
        OutboxTable.Bounds bounds = outbox.bounds();
        OutboxCursor rebuilt = OutboxCursor.at(bounds.purgedThrough(), gapWait).after(outbox.visible())
                .expired(bounds.now());
        int documents = index.replaceAll(loader::eachPublic, rebuilt.state());
        cursor = rebuilt;
        suggester.markStale();
        LOG.info("Search index rebuilt: {} documents in {} ms", documents, (System.nanoTime() - started) / 1_000_000);
        return documents;
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
        } catch (IOException | RuntimeException e) {
            LOG.warn("Outbox indexing failed, retrying at the next poll: {}", e.toString());
        }
    }

    /**
     * What a listing's index entry says can change with the date alone (a course's sessions pass, its accreditation
     * ends, a service's reported waiting time ages): once a day those listings are queued for re-indexing, judged
     * again by the application's clock.
     */
    @Scheduled(cron = "${nestkaart.search.dated-reindex-cron}")
    public int requeueDated() {
        try {
            int queued = outbox.queueDated();
            LOG.info("Dated listings queued for re-indexing: {}", queued);
            return queued;
        } catch (RuntimeException e) {
            LOG.warn("Dated listings not queued, retrying tomorrow: {}", e.toString());
            return 0;
        }
    }

    /** Deletes outbox rows older than the retention, remembering how far it deleted. Any replica may run it. */
    @Scheduled(fixedDelay = "${nestkaart.search.outbox-purge-every}", initialDelay = "1m")
    public void purge() {
        try {
            int purged = outbox.purgeOlderThan(retention);
            if (purged > 0) {
                LOG.info("Outbox: {} rows older than {} purged", purged, retention);
            }
        } catch (RuntimeException e) {
            LOG.warn("Outbox purge failed, retrying later: {}", e.toString());
        }
    }

    /** Indexes the next outbox rows this replica has not applied; returns how many it applied. */
    public synchronized int drainOnce() throws IOException {
        OutboxTable.Bounds bounds = outbox.bounds();
        String behind = outOfStep(bounds);
        if (behind != null) {
            LOG.warn("Search index: {}; rebuilding from the database", behind);
            rebuild();
            return 0;
        }
        Instant now = bounds.now();
        OutboxCursor current = cursor.expired(now);
        List<OutboxCursor.Row> rows = new ArrayList<>(outbox.gapFills(current.gaps()));
        rows.addAll(outbox.rowsAbove(current.readThrough(), batch));
        OutboxCursor next = rows.isEmpty() ? current : current.after(rows);
        if (!rows.isEmpty()) {
            apply(rows, next.state());
        } else if (next != cursor) {
            index.apply(List.of(), List.of(), next.state()); // only given-up gaps: no commit on an idle poll
        }
        cursor = next;
        lag = rows.stream().map(OutboxCursor.Row::createdAt).min(Instant::compareTo)
                .map(oldest -> Duration.between(oldest, now)).orElse(Duration.ZERO);
        confirmedAt = clock.instant();
        return rows.size();
    }

    private void apply(List<OutboxCursor.Row> rows, String state) throws IOException {
        Set<String> services = new LinkedHashSet<>();
        Set<String> organizations = new LinkedHashSet<>();
        Set<String> professionals = new LinkedHashSet<>();
        Set<String> courses = new LinkedHashSet<>();
        Set<String> pages = new LinkedHashSet<>();
        for (OutboxCursor.Row row : rows) {
            String id = row.entityId();
            switch (row.entityType()) {
                case "service" -> services.add(id);
                case "organization" -> {
                    organizations.add(id);
                    services.addAll(outbox.related("SELECT id FROM service WHERE organization_id = ?", id));
                }
                case "location" -> {
                    services.addAll(outbox.related("SELECT service_id FROM service_at_location WHERE location_id = ?", id));
                    organizations.addAll(outbox.related("SELECT organization_id FROM location WHERE id = ? "
                            + "AND organization_id IS NOT NULL", id));
                    professionals.addAll(outbox.related("SELECT professional_id FROM professional_affiliation "
                            + "WHERE location_id = ?", id));
                }
                case "professional" -> professionals.add(id);
                case "course" -> courses.add(id);
                case IndexSchema.PAGE -> pages.add(id);
                case "search_term" -> vocabulary.markStale();
                default -> LOG.warn("Outbox row {} names unknown entity type {}", row.id(), row.entityType());
            }
        }
        List<SearchDocument> upserts = loader.some(services, organizations, professionals, courses, pages);
        List<Term> deletes = new ArrayList<>();
        missing(upserts, "service", services, deletes);
        missing(upserts, "organization", organizations, deletes);
        missing(upserts, "professional", professionals, deletes);
        missing(upserts, "course", courses, deletes);
        missing(upserts, IndexSchema.PAGE, pages, deletes);
        index.apply(upserts, deletes, state);
        suggester.markStale();
    }

    /** Whether every outbox row committed so far is in the index (for health checks and tests). */
    public boolean caughtUp() {
        OutboxCursor current = cursor;
        if (!started || current == null) {
            return false;
        }
        return outbox.rowsAbove(current.readThrough(), 1).isEmpty() && outbox.gapFills(current.gaps()).isEmpty();
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

    /** Listings asked for but not loaded are unpublished or gone: they leave the index. */
    private static void missing(List<SearchDocument> loaded, String kind, Set<String> wanted, List<Term> deletes) {
        Set<String> found = new LinkedHashSet<>();
        loaded.stream().filter(d -> d.kind().equals(kind)).forEach(d -> found.add(d.id()));
        wanted.stream().filter(id -> !found.contains(id)).forEach(id -> deletes.add(IndexSchema.uid(kind, id)));
    }
}
