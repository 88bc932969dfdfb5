package be.venpmg.nestkaart.search;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers of recent searches, as Solr's query result cache keeps them: valid for one index generation only (any
 * change opens a new reader, whose version is part of the key, and the first search on it empties the cache), for
 * one configuration and vocabulary (by identity: a reload makes new objects) and at most {@code ttl} (facet labels
 * and place names come from the database). Real traffic repeats itself; an identical request is then answered without
 * touching the index.
 */
@Singleton
class AnswerCache {
    private final int size;
    private final long ttlNanos;
    private final Map<Key, Entry> entries;
    private long version = -1;
    private long hits;
    private long misses;

    AnswerCache(@Value("${nestkaart.search.answer-cache.size}") int size,
                @Value("${nestkaart.search.answer-cache.ttl}") Duration ttl) {
        this.size = size;
        this.ttlNanos = ttl.toNanos();
        this.entries = new LinkedHashMap<>(Math.max(16, size), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > AnswerCache.this.size;
            }
        };
    }

    private record Key(long generation, Object settings, Object vocabulary, SearchRequest request) {
    }

    private record Entry(SearchAnswer answer, long storedAt) {
    }

    /** The answer for this request on this reader: the cached one, or the one {@code compute} gives (then kept). */
    SearchAnswer answer(IndexReader reader, Object settings, Object vocabulary, SearchRequest request,
                        Supplier<SearchAnswer> compute) {
        if (size <= 0 || !(reader instanceof DirectoryReader directory)) {
            return compute.get();
        }
        Key key = new Key(directory.getVersion(), settings, vocabulary, request);
        long now = System.nanoTime();
        synchronized (this) {
            if (version != key.generation()) {
                entries.clear();
                version = key.generation();
            }
            Entry found = entries.get(key);
            if (found != null && now - found.storedAt() < ttlNanos) {
                hits++;
                return found.answer();
            }
            misses++;
        }
        SearchAnswer answer = compute.get();
        synchronized (this) {
            if (version == key.generation()) {
                entries.put(key, new Entry(answer, now));
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
}
