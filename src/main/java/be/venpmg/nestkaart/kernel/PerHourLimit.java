package be.venpmg.nestkaart.kernel;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code perHour} uses per key (a client address) in any hour. Keys live in memory for the hour only and are
 * never written down; public forms use one each.
 */
public final class PerHourLimit {
    private static final long HOUR_NANOS = 3_600_000_000_000L;
    private final int perHour;
    private final Map<String, Deque<Long>> recent = new ConcurrentHashMap<>();

    public PerHourLimit(int perHour) {
        this.perHour = perHour;
    }

    /** @return false when {@code key} used its share this hour (the use is then not counted) */
    public boolean allow(String key) {
        long now = System.nanoTime();
        Deque<Long> times = recent.computeIfAbsent(key, k -> new ArrayDeque<>());
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
}
