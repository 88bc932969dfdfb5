package be.venpmg.nestkaart.search;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.format.ReadableBytes;
import jakarta.inject.Singleton;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers of recent searches as served (their JSON), as Solr's query result cache keeps results: valid for one index
 * generation only (any change opens a new reader, whose version is part of the key, and the first search on it empties
 * the cache), for one configuration, vocabulary and set of facet labels (a reload or a renamed term makes a new key),
 * and at most {@code ttl} as a last bound. Real traffic repeats itself; an identical request is then answered without
 * touching the index or serialising again. Bounded by the bytes it holds (least recently used go first), so a heap of
 * a given size holds as many answers as fit, whatever their length.
 */
@Singleton
class AnswerCache {
    private final long maxBytes;
    private final long ttlNanos;
    private final LinkedHashMap<Key, Entry> entries = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;
    private long version = -1;
    private long hits;
    private long misses;

    AnswerCache(@Value("${nestkaart.search.answer-cache.max-size}") @ReadableBytes long maxBytes,
                @Value("${nestkaart.search.answer-cache.ttl}") Duration ttl) {
        this.maxBytes = maxBytes;
        this.ttlNanos = ttl.toNanos();
    }

    private record Key(long generation, Object settings, Object vocabulary, long labels, SearchRequest request) {
    }

    private record Entry(ServedAnswer answer, long storedAt) {
    }

    /** The answer for this request on this reader: the cached one, or the one {@code compute} gives (then kept). */
    ServedAnswer answer(IndexReader reader, Object settings, Object vocabulary, long labels, SearchRequest request,
                        Supplier<ServedAnswer> compute) {
        if (maxBytes <= 0 || !(reader instanceof DirectoryReader directory)) {
            return compute.get();
        }
        Key key = new Key(directory.getVersion(), settings, vocabulary, labels, request);
        long now = System.nanoTime();
        synchronized (this) {
            if (version != key.generation()) {
                entries.clear();
                bytes = 0;
                version = key.generation();
            }
            Entry found = entries.get(key);
            if (found != null && now - found.storedAt() < ttlNanos) {
                hits++;
                return found.answer();
            }
            misses++;
        }
        ServedAnswer answer = compute.get();
        synchronized (this) {
            if (version == key.generation()) {
                Entry replaced = entries.put(key, new Entry(answer, now));
                bytes += answer.bytes() - (replaced == null ? 0 : replaced.answer().bytes());
                Iterator<Entry> eldest = entries.values().iterator();
                while (bytes > maxBytes && eldest.hasNext()) {
                    bytes -= eldest.next().answer().bytes();
                    eldest.remove();
                }
            }
        }
        return answer;
    }

    synchronized long hits() {
        return hits;
    }

    synchronized long misses() {
        return misses;
    }

    /** The bytes of JSON held now. */
    synchronized long bytes() {
        return bytes;
    }

    /** The answers held now. */
    synchronized int size() {
        return entries.size();
    }
}
