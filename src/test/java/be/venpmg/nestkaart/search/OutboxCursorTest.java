package be.venpmg.nestkaart.search;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutboxCursorTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Duration WAIT = Duration.ofMinutes(10);

    @Test
    void movesOverContiguousRows() {
        OutboxCursor cursor = OutboxCursor.at(4, WAIT).after(List.of(row(5, 1), row(6, 1), row(7, 1)));
        assertEquals(7, cursor.readThrough());
        assertTrue(cursor.gaps().isEmpty());
        assertTrue(cursor.applied(6));
    }

    @Test
    void remembersAGapThatMayStillCommitAndClosesItWhenTheRowArrives() {
        // 6 is taken by a transaction that has not committed yet; 7 committed a second ago
        OutboxCursor cursor = OutboxCursor.at(4, WAIT).after(List.of(row(5, 1), row(7, 1)));
        assertEquals(7, cursor.readThrough());
        assertEquals(List.of(new OutboxCursor.Gap(6, 6, NOW.minusSeconds(1).plus(WAIT))), cursor.gaps());
        assertTrue(cursor.applied(7), "7 is in the index already");
        assertFalse(cursor.applied(6), "6 is still awaited");
        OutboxCursor filled = cursor.after(List.of(row(6, 0)));
        assertTrue(filled.gaps().isEmpty());
        assertTrue(filled.applied(6));
    }

    @Test
    void splitsAGapFilledInTheMiddleAndGivesUpGapsOlderThanTheWait() {
        OutboxCursor cursor = OutboxCursor.at(0, WAIT).after(List.of(row(1, 700), row(5, 700), row(9, 5)));
        assertEquals(List.of(2L, 6L), cursor.gaps().stream().map(OutboxCursor.Gap::first).toList());
        OutboxCursor filled = cursor.after(List.of(row(3, 1)));
        assertEquals("9;2-2@" + NOW.minusSeconds(700).plus(WAIT).toEpochMilli() + ",4-4@"
                + NOW.minusSeconds(700).plus(WAIT).toEpochMilli() + ",6-8@" + NOW.minusSeconds(5).plus(WAIT).toEpochMilli(),
                filled.state());
        OutboxCursor expired = filled.expired(NOW);
        assertEquals(List.of(6L), expired.gaps().stream().map(OutboxCursor.Gap::first).toList(),
                "the gaps before 5 are older than the wait, the one before 9 is not");
        assertSame(expired, expired.expired(NOW), "nothing more to give up");
    }

    @Test
    void survivesARestartThroughItsState() {
        OutboxCursor cursor = OutboxCursor.at(0, WAIT).after(List.of(row(1, 1), row(4, 1)));
        OutboxCursor again = OutboxCursor.parse(cursor.state(), WAIT);
        assertEquals(cursor.state(), again.state());
        assertEquals(4, again.readThrough());
        assertFalse(again.applied(2));
        assertEquals(0, OutboxCursor.parse("", WAIT).readThrough(), "a new index has read nothing");
    }

    private static OutboxCursor.Row row(long id, long secondsAgo) {
        return new OutboxCursor.Row(id, "service", "s" + id, NOW.minusSeconds(secondsAgo));
    }
}
