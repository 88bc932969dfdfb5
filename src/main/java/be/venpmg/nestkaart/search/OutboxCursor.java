package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.kernel.Ids;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where one replica's index stands in the shared outbox. Every replica reads the same rows and none deletes them, so
 * each keeps its own position, stored in the index commit so that it moves atomically with what it describes.
 *
 * <p>Ids are handed out when a row is inserted but become visible when its transaction commits, so a later id can be
 * seen before an earlier one; and InnoDB leaves ids unused (rolled-back transactions, ids reserved for a bulk insert).
 * The cursor therefore keeps the highest id read, and the ranges below it not seen yet (gaps). A gap is looked at again
 * at every poll until the row after it is older than {@code gapWait} — longer than any write transaction runs — and
 * then given up as never committed. Immutable: each poll makes the next cursor, committed with the index.
 */
final class OutboxCursor {
    /** An outbox row: which listing changed, and when the row was written (database clock). */
    record Row(long id, String entityType, String entityId, Instant createdAt) {
    }

    /** Ids {@code first..last} not seen yet, waited for until {@code until}. */
    record Gap(long first, long last, Instant until) {
    }

    private final long readThrough;
    private final List<Gap> gaps;
    private final Duration gapWait;

    private OutboxCursor(long readThrough, List<Gap> gaps, Duration gapWait) {
        this.readThrough = readThrough;
        this.gaps = List.copyOf(gaps);
        this.gapWait = gapWait;
    }

    /** A cursor before any row above {@code start}. */
    static OutboxCursor at(long start, Duration gapWait) {
        return new OutboxCursor(start, List.of(), gapWait);
    }

    /** The cursor an index commit recorded ({@link #state()}), or a cursor at 0 when it recorded none. */
    static OutboxCursor parse(String state, Duration gapWait) {
        if (state == null || state.isBlank()) {
            return at(0, gapWait);
        }
        String[] parts = state.split(";", 2);
        List<Gap> gaps = new ArrayList<>();
        if (parts.length > 1 && !parts[1].isEmpty()) {
            for (String gap : parts[1].split(",")) {
                int dash = gap.indexOf('-');
                int at = gap.indexOf('@');
                gaps.add(new Gap(Long.parseLong(gap.substring(0, dash)), Long.parseLong(gap.substring(dash + 1, at)),
                        Instant.ofEpochMilli(Long.parseLong(gap.substring(at + 1)))));
            }
        }
        return new OutboxCursor(Long.parseLong(parts[0]), gaps, gapWait);
    }

    /** "readThrough;first-last@untilMillis,…": what the index commit stores. */
    String state() {
        StringBuilder state = new StringBuilder(Long.toString(readThrough)).append(';');
        for (int i = 0; i < gaps.size(); i++) {
            Gap gap = gaps.get(i);
            state.append(i == 0 ? "" : ",").append(gap.first()).append('-').append(gap.last()).append('@')
                    .append(gap.until().toEpochMilli());
        }
        return state.toString();
    }

    /** The highest id read: every id up to it is in the index, or in one of the {@link #gaps()}. */
    long readThrough() {
        return readThrough;
    }

    List<Gap> gaps() {
        return gaps;
    }

    boolean applied(long id) {
        return id <= readThrough && gaps.stream().noneMatch(g -> id >= g.first() && id <= g.last());
    }

    /** The cursor once these rows (read above it, or filling its gaps) are in the index. */
    OutboxCursor after(List<Row> rows) {
        long through = readThrough;
        List<Gap> open = new ArrayList<>(gaps);
        for (Row row : rows.stream().sorted(Comparator.comparingLong(Row::id)).toList()) {
            if (row.id() > through) {
                if (row.id() > through + 1) {
                    open.add(new Gap(through + 1, row.id() - 1, row.createdAt().plus(gapWait)));
                }
                through = row.id();
            } else {
                fill(open, row.id());
            }
        }
        return new OutboxCursor(through, open, gapWait);
    }

    /** The cursor without the gaps waited for long enough: their ids were never committed. */
    OutboxCursor expired(Instant databaseNow) {
        List<Gap> open = gaps.stream().filter(g -> g.until().isAfter(databaseNow)).toList();
        return open.size() == gaps.size() ? this : new OutboxCursor(readThrough, open, gapWait);
    }

    private static void fill(List<Gap> open, long id) {
        for (int i = 0; i < open.size(); i++) {
            Gap gap = open.get(i);
            if (id >= gap.first() && id <= gap.last()) {
                open.remove(i);
                if (id < gap.last()) {
                    open.add(i, new Gap(id + 1, gap.last(), gap.until()));
                }
                if (id > gap.first()) {
                    open.add(i, new Gap(gap.first(), id - 1, gap.until()));
                }
                return;
            }
        }
    }
}
