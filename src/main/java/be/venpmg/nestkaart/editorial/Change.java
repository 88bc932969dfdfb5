package be.venpmg.nestkaart.editorial;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A proposed version of a listing as editors see it: the proposal, the live version it would replace, and the
 * field-by-field difference between them.
 */
@Serdeable
public record Change(long id, String entityType, String entityId, String operation, String status, int version,
                     Map<String, Object> proposed, @Nullable Map<String, Object> current,
                     Map<String, Map<String, Object>> diff, String reason, List<Long> authors,
                     @Nullable Long suggestionId, @Nullable Instant submittedAt, @Nullable Long decidedBy,
                     @Nullable Instant decidedAt, @Nullable String decisionReason, Instant createdAt,
                     Instant updatedAt) {
    public static final List<String> OPEN = List.of("draft", "in_review");

    public boolean isOpen() {
        return OPEN.contains(status);
    }
}
