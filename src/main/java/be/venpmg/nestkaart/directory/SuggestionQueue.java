package be.venpmg.nestkaart.directory;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.annotation.Transactional;

import io.micronaut.context.annotation.Value;
import be.venpmg.nestkaart.kernel.PerHourLimit;
import be.venpmg.nestkaart.taxonomy.ReportedFact;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;


/**
 * Stores "meld een wijziging" submissions for the editors, at most {@code per-hour} per client address. The address
 * is held in memory for the hour only and never written down.
 */
@Singleton
public class SuggestionQueue {
    public static final int MAX_LENGTH = 2000;
    public static final int MAX_VALUE_LENGTH = 300;

    private final JdbcOperations jdbc;
    private final java.time.Clock clock;
    private final PerHourLimit limit;

    SuggestionQueue(JdbcOperations jdbc, java.time.Clock clock,
                    @Value("${nestkaart.suggestions.per-hour}") int perHour) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.limit = new PerHourLimit(perHour);
    }

    /** @return false when the client sent too many suggestions this hour */
    public boolean allow(String client) {
        return limit.allow(client);
    }

    /** A suggestion: which fact is wrong, what is right (when the person said), and their note. */
    @Transactional
    public void submit(String listingType, String listingId, ReportedFact fact, @Nullable String proposedValue,
                       String message) {
        jdbc.prepareStatement("INSERT INTO change_suggestion (listing_type, listing_id, fact, proposed_value, message, "
                + "created_at) VALUES (?, ?, ?, ?, ?, ?)", insert -> {
            insert.setString(1, listingType);
            insert.setString(2, listingId);
            insert.setString(3, fact.code());
            insert.setString(4, proposedValue);
            insert.setString(5, message.isEmpty() ? fact.label() : message);
            insert.setTimestamp(6, java.sql.Timestamp.from(clock.instant()));
            return insert.executeUpdate();
        });
    }
}
