package be.venpmg.nestkaart.directory;

import be.venpmg.nestkaart.platform.Database;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stores "meld een wijziging" submissions for the editors, at most {@code per-hour} per client address. The address
 * is held in memory for the hour only and never written down.
 */
@Singleton
public class SuggestionQueue {
    private static final long HOUR_NANOS = 3_600_000_000_000L;
    public static final int MAX_LENGTH = 2000;

    private final Database database;
    private final int perHour;
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    SuggestionQueue(Database database, @Value("${nestkaart.suggestions.per-hour}") int perHour) {
        this.database = database;
        this.perHour = perHour;
    }

    /** @return false when the client sent too many suggestions this hour */
    public boolean allow(String client) {
        long now = System.nanoTime();
        Deque<Long> times = recent.computeIfAbsent(client, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && now - times.peekFirst() > HOUR_NANOS) {
                times.pollFirst();
            }
            if (times.size() >= perHour) {
                return false;
            }
            times.addLast(now);
            return true;
        }
    }

    public void submit(String listingType, String listingId, String message) throws SQLException {
        try (Connection c = database.open();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO change_suggestion (listing_type, listing_id, message) VALUES (?, ?, ?)")) {
            insert.setString(1, listingType);
            insert.setString(2, listingId);
            insert.setString(3, message);
            insert.executeUpdate();
        }
    }
}
