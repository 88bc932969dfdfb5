package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.platform.Database;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Records each search (text, filters, result count, time; never who searched) off the request thread, so the
 * network's editors can grow the synonyms from real use. When the queue is full, records are dropped, not waited for.
 */
@Singleton
public class SearchLog {
    private static final Logger LOG = LoggerFactory.getLogger(SearchLog.class);

    private final Database database;
    private final ExecutorService writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(10_000), r -> {
        Thread thread = new Thread(r, "search-log");
        thread.setDaemon(true);
        return thread;
    }, new ThreadPoolExecutor.DiscardPolicy());

    SearchLog(Database database) {
        this.database = database;
    }

    public void record(SearchRequest request, SearchAnswer answer) {
        List<String> widened = answer.widened().stream().map(SearchAnswer.Widening::step).toList();
        String filters = request.filters().isEmpty() ? null : truncate(request.filters().toString(), 1000);
        Entry entry = new Entry(truncate(request.text(), 200), filters, request.kind(), (int) answer.total(),
                widened.isEmpty() ? null : String.join(",", widened), answer.crisis(), (int) answer.tookMs());
        try {
            writer.execute(() -> write(entry));
        } catch (RejectedExecutionException ignored) {
            // shutting down
        }
    }

    private void write(Entry entry) {
        try (Connection c = database.open();
             PreparedStatement insert = c.prepareStatement("INSERT INTO search_log (query_text, filters, kind, "
                     + "result_count, widened, crisis, took_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, entry.text());
            insert.setString(2, entry.filters());
            insert.setString(3, entry.kind());
            insert.setInt(4, entry.total());
            insert.setString(5, entry.widened());
            insert.setBoolean(6, entry.crisis());
            insert.setInt(7, entry.tookMs());
            insert.executeUpdate();
        } catch (SQLException e) {
            LOG.debug("Search not logged: {}", e.getMessage());
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
                         int tookMs) {
    }

}
