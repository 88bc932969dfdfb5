package be.venpmg.nestkaart.search;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.transaction.TransactionOperations;
import io.micronaut.transaction.annotation.ReadOnly;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Records each search (text, filters, result count, time; never who searched) off the request thread, so the
 * network's editors can grow the synonyms from real use. When the queue is full, records are dropped, not waited for.
 * The store of {@code search_log}: the keyword-research statistics are read here too.
 */
@Singleton
public class SearchLog {
    private static final Logger LOG = LoggerFactory.getLogger(SearchLog.class);
    private static final int BATCH = 500;

    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    /** Searches not yet written; the writer takes them in batches (one statement), so busy traffic costs few writes. */
    private final ArrayBlockingQueue<Entry> pending = new ArrayBlockingQueue<>(10_000);
    private final AtomicBoolean writing = new AtomicBoolean();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "search-log");
        thread.setDaemon(true);
        return thread;
    });

    private final java.time.Duration retention;

    SearchLog(JdbcOperations jdbc, TransactionOperations<Connection> transactions, Clock clock,
              @io.micronaut.context.annotation.Value("${nestkaart.search.log-retention}") java.time.Duration retention) {
        this.retention = retention;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Forgets searches older than the retention ({@code nestkaart.search.log-retention}): a parent may type more about
     * themselves than a search needs, so what was typed is kept only as long as the keyword research uses it.
     */
    @io.micronaut.scheduling.annotation.Scheduled(fixedDelay = "6h", initialDelay = "2m")
    public int purge() {
        java.sql.Timestamp before = java.sql.Timestamp.from(clock.instant().minus(retention));
        return transactions.executeWrite(status -> jdbc.prepareStatement(
                "DELETE FROM search_log WHERE created_at < ?", delete -> {
                    delete.setTimestamp(1, before);
                    return delete.executeUpdate();
                }));
    }

    /** The most frequent queries since a moment, and those that found nothing before widening. */
    @Serdeable
    public record Stats(int days, List<QueryCount> topQueries, List<QueryCount> zeroResultQueries) {
    }

    @Serdeable
    public record QueryCount(String query, long count, double averageResults) {
    }

    @ReadOnly
    public Stats stats(Instant since, int days, int limit) {
        return new Stats(days, top("", since, limit), top("AND (result_count = 0 OR widened IS NOT NULL)", since, limit));
    }

    private List<QueryCount> top(String condition, Instant since, int limit) {
        return jdbc.prepareStatement("""
                SELECT LOWER(query_text) q, COUNT(*) n, AVG(result_count) FROM search_log
                WHERE created_at >= ? AND query_text <> '' %s
                GROUP BY q ORDER BY n DESC, q LIMIT ?""".formatted(condition), statement -> {
            statement.setTimestamp(1, Timestamp.from(since));
            statement.setInt(2, limit);
            List<QueryCount> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    rows.add(new QueryCount(rs.getString(1), rs.getLong(2), rs.getDouble(3)));
                }
            }
            return rows;
        });
    }

    public void record(SearchRequest request, long total, List<String> widened, boolean crisis, long tookMs) {
        String filters = request.filters().isEmpty() ? null : truncate(request.filters().toString(), 1000);
        if (!pending.offer(new Entry(truncate(request.text(), 200), filters, request.kind(), (int) total,
                widened.isEmpty() ? null : String.join(",", widened), crisis, (int) tookMs,
                Timestamp.from(clock.instant())))) {
            return; // the queue is full: dropped, not waited for
        }
        if (writing.compareAndSet(false, true)) {
            try {
                writer.execute(this::writePending);
            } catch (RejectedExecutionException shuttingDown) {
                writing.set(false);
            }
        }
    }

    /** Writes what is pending, a batch at a time, until nothing is; one writer at a time (the flag). */
    private void writePending() {
        while (true) {
            List<Entry> batch = new ArrayList<>(BATCH);
            pending.drainTo(batch, BATCH);
            if (!batch.isEmpty()) {
                write(batch);
                continue;
            }
            writing.set(false);
            // A search recorded between the empty drain and the flag's reset found the flag set: take it on.
            if (pending.isEmpty() || !writing.compareAndSet(false, true)) {
                return;
            }
        }
    }

    private void write(List<Entry> batch) {
        try {
            // Written off the request thread, so in a transaction of its own.
            transactions.executeWrite(status -> jdbc.prepareStatement("INSERT INTO search_log (query_text, filters, "
                    + "kind, result_count, widened, crisis, took_ms, created_at) VALUES "
                    + String.join(", ", Collections.nCopies(batch.size(), "(?, ?, ?, ?, ?, ?, ?, ?)")), insert -> {
                int parameter = 1;
                for (Entry entry : batch) {
                    insert.setString(parameter++, entry.text());
                    insert.setString(parameter++, entry.filters());
                    insert.setString(parameter++, entry.kind());
                    insert.setInt(parameter++, entry.total());
                    insert.setString(parameter++, entry.widened());
                    insert.setBoolean(parameter++, entry.crisis());
                    insert.setInt(parameter++, entry.tookMs());
                    insert.setTimestamp(parameter++, entry.at());
                }
                return insert.executeUpdate();
            }));
        } catch (RuntimeException e) {
            // The log is a courtesy: searches the database cannot take (it may be away) are dropped.
            LOG.debug("{} searches not logged: {}", batch.size(), e.getMessage());
        }
    }

    @PreDestroy
    void close() throws InterruptedException {
        writer.shutdown();
        writer.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private record Entry(String text, String filters, String kind, int total, String widened, boolean crisis,
                         int tookMs, Timestamp at) {
    }

}
