package be.venpmg.nestkaart.search;

import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.Document;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.Lock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The Lucene index on disk: one writer, near-real-time searchers, and commits that record which schema and
 * analysis produced them. All writes are serialised here.
 */
@Singleton
public class SearchIndex {
    private static final Logger LOG = LoggerFactory.getLogger(SearchIndex.class);
    static final String SCHEMA_KEY = "schema";
    static final String ANALYSIS_KEY = "analysis";
    static final String DATABASE_KEY = "database";
    /** Where in the outbox the commit stands ({@link OutboxCursor#state()}). */
    static final String OUTBOX_KEY = "outbox";
    private static final long REBUILD_BUFFER_MB = 256;

    private final Path path;
    private final IndexConfigHolder config;
    private FacetsConfig facetsConfig;
    private Directory directory;
    private IndexWriter writer;
    private SearcherManager searchers;
    private volatile boolean ready;
    private String databaseId;
    private String committedOutbox;

    private final int queryThreads;
    private final ExecutorService slices;

    SearchIndex(@Value("${nestkaart.search.index-dir}") String path,
                @Value("${nestkaart.search.query-threads:0}") int queryThreads, IndexConfigHolder config) {
        this.path = Path.of(path).toAbsolutePath();
        this.config = config;
        this.queryThreads = queryThreads > 0 ? queryThreads : Runtime.getRuntime().availableProcessors();
        this.slices = this.queryThreads == 1 ? null : Executors.newFixedThreadPool(this.queryThreads, work -> {
            Thread thread = new Thread(work, "search-slice");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens the index; a missing, unreadable or outdated index (other schema version, analysis or database) is
     * started empty.
     *
     * @param databaseId the identity of the database the index follows
     * @return true when the index must be rebuilt from the database
     */
    public synchronized boolean open(String databaseId) throws IOException {
        this.databaseId = databaseId;
        IndexConfig settings = config.current();
        Set<String> dimensions = new LinkedHashSet<>(IndexSchema.FIXED_FACETS);
        dimensions.addAll(settings.facetTaxonomies().keySet());
        facetsConfig = IndexSchema.facetsConfig(dimensions);
        Files.createDirectories(path);
        directory = FSDirectory.open(path);
        String problem;
        // Judge and clear the index only while holding its write lock: a process that has it open (a running service
        // next to an import command) must see a refusal here, not lose its files.
        try (Lock held = directory.obtainLock(IndexWriter.WRITE_LOCK_NAME)) {
            problem = problemWith(settings);
            if (NO_INDEX_YET.equals(problem)) {
                LOG.info("Search index in {}: {}; building it from the database", path, problem);
            } else if (problem != null) {
                LOG.warn("Search index in {}: {}; starting it anew and rebuilding from the database", path, problem);
            }
            if (problem != null) {
                deleteContents();
            }
        } catch (IOException e) {
            directory.close();
            throw e;
        }
        openWriter(settings);
        committedOutbox = problem != null ? ""
                : SegmentInfos.readLatestCommit(directory).getUserData().getOrDefault(OUTBOX_KEY, "");
        if (problem != null) {
            commit(settings, "");
        }
        return problem != null || writer.getDocStats().numDocs == 0;
    }

    private void openWriter(IndexConfig settings) throws IOException {
        Analyzer analyzer = new PerFieldAnalyzerWrapper(settings.indexAnalyzer(),
                Map.of(IndexSchema.SPELL, settings.spellingAnalyzer()));
        writer = new IndexWriter(directory, new IndexWriterConfig(analyzer)
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                // A handful of segments needs no compound files, whose writing copies every segment once more.
                .setUseCompoundFile(false)
                .setMergePolicy(withoutCompoundFiles())
                .setCommitOnClose(false));
        SearcherManager previous = searchers;
        searchers = new SearcherManager(writer, FacetSearcher.factory(facetsConfig, slices, queryThreads));
        if (previous != null) {
            previous.close(); // searches holding its searcher finish on it: release only decrements the reader
        }
    }

    private static final String NO_INDEX_YET = "no index yet";

    private String problemWith(IndexConfig settings) throws IOException {
        if (!DirectoryReader.indexExists(directory)) {
            return NO_INDEX_YET;
        }
        try {
            Map<String, String> data = SegmentInfos.readLatestCommit(directory).getUserData();
            if (!IndexSchema.VERSION.equals(data.get(SCHEMA_KEY))) {
                return "schema version " + data.get(SCHEMA_KEY) + " is not " + IndexSchema.VERSION;
            }
            if (!settings.indexFingerprint().equals(data.get(ANALYSIS_KEY))) {
                return "index analysis changed";
            }
            if (!databaseId.equals(data.get(DATABASE_KEY))) {
                return "it was built from another database";
            }
            // Opening reads every segment's metadata against its checksum; the data files are checked after the start.
            DirectoryReader.open(directory).close();
            return null;
        } catch (IOException | RuntimeException e) {
            return "unreadable (" + e.getMessage() + ")";
        }
    }

    /**
     * Replaces the whole index with the documents the source hands over, in one commit, and returns how many. The
     * source reads while every core analyses (IndexWriter takes documents from several threads); the result is merged
     * into as many segments as a search has threads: each thread then searches one, and no more segments than that
     * cost a term lookup each.
     */
    public synchronized int replaceAll(DocumentSource source, String outboxState) throws IOException {
        long started = System.nanoTime();
        writer.deleteAll();
        double ramBuffer = writer.getConfig().getRAMBufferSizeMB();
        writer.getConfig().setRAMBufferSizeMB(rebuildBufferMb());
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        // Bounded: a rebuild holds a few chunks in memory, never the whole index (a 192 MB heap rebuilds 100,000).
        BlockingQueue<List<SearchDocument>> queue = new ArrayBlockingQueue<>(threads * 2);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Integer>> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            workers.add(pool.submit(() -> analyse(queue)));
        }
        boolean done = false;
        try {
            try {
                source.feed(chunk -> {
                    if (!chunk.isEmpty()) {
                        putUninterruptibly(queue, chunk);
                    }
                });
            } finally {
                for (int t = 0; t < threads; t++) {
                    putUninterruptibly(queue, List.of());
                }
            }
            int documents = 0;
            for (Future<Integer> worker : workers) {
                documents += worker.get();
            }
            long merging = System.nanoTime();
            writer.forceMerge(queryThreads);
            LOG.info("Rebuild: {} documents analysed in {} ms, merged into {} segments in {} ms", documents,
                    (merging - started) / 1_000_000, queryThreads, (System.nanoTime() - merging) / 1_000_000);
            commit(config.current(), outboxState);
            searchers.maybeRefreshBlocking();
            ready = true;
            done = true;
            return documents;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("rebuild interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } finally {
            pool.shutdown();
            writer.getConfig().setRAMBufferSizeMB(ramBuffer);
            if (!done) {
                // The documents are read while the old ones are already deleted: a rebuild that fails half-way must
                // not leave that half for the next commit. Back to the last commit, with a new writer.
                writer.rollback();
                openWriter(config.current());
            }
        }
    }

    private static MergePolicy withoutCompoundFiles() {
        TieredMergePolicy policy = new TieredMergePolicy();
        policy.setNoCFSRatio(0.0);
        return policy;
    }

    /**
     * A rebuild buffers more than the writer's usual 16 MB before it writes a segment: fewer, larger segments to merge
     * afterwards. A quarter of the heap at most, so that a 192 MB server still rebuilds at start.
     */
    private static double rebuildBufferMb() {
        long quarterOfHeapMb = Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024);
        return Math.max(IndexWriterConfig.DEFAULT_RAM_BUFFER_SIZE_MB, Math.min(REBUILD_BUFFER_MB, quarterOfHeapMb));
    }

    /** Where a rebuild's documents come from: every public listing, handed over a chunk at a time. */
    public interface DocumentSource {
        void feed(Consumer<List<SearchDocument>> sink);
    }

    /**
     * One rebuild worker: analyses chunks until the empty one. After a failure it keeps taking chunks (and drops
     * them), so the reader is never left blocked on a full queue; the failure is thrown at the end.
     */
    private int analyse(BlockingQueue<List<SearchDocument>> queue) throws IOException, InterruptedException {
        int documents = 0;
        IOException failure = null;
        for (List<SearchDocument> chunk = queue.take(); !chunk.isEmpty(); chunk = queue.take()) {
            if (failure != null) {
                continue;
            }
            try {
                for (SearchDocument document : chunk) {
                    writer.addDocument(build(document));
                    documents++;
                }
            } catch (IOException | RuntimeException e) {
                failure = e instanceof IOException io ? io : new IOException(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return documents;
    }

    private static <T> void putUninterruptibly(BlockingQueue<T> queue, T item) {
        boolean interrupted = false;
        while (true) {
            try {
                queue.put(item);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Upserts documents and deletes uids, makes the change visible to searches, and commits it with its position. */
    public synchronized void apply(Collection<SearchDocument> upserts, Collection<Term> deletes, String outboxState)
            throws IOException {
        for (SearchDocument document : upserts) {
            writer.updateDocument(IndexSchema.uid(document.kind(), document.id()), build(document));
        }
        if (!deletes.isEmpty()) {
            writer.deleteDocuments(deletes.toArray(Term[]::new));
        }
        // Visible first (near-real-time, no fsync), durable second: until the commit, a restart redoes the rows.
        searchers.maybeRefreshBlocking();
        commit(config.current(), outboxState);
    }

    public FacetSearcher acquire() throws IOException {
        return (FacetSearcher) searchers.acquire();
    }

    public void release(FacetSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The drill-down term of a facet value: the listings that carry it. */
    public TermQuery facetTerm(String dimension, String value) {
        String dim = dimension.replace('-', '_');
        return new TermQuery(DrillDownQuery.term(
                facetsConfig().getDimConfig(dim).indexFieldName, dim, value));
    }

    public FacetsConfig facetsConfig() {
        return facetsConfig;
    }

    /** Where in the outbox the last commit stands ({@link OutboxCursor#state()}; empty for a new index). */
    public synchronized String outboxState() {
        return committedOutbox;
    }

    /**
     * What is wrong with the files of the index being searched, by their checksums, or null when nothing is. Opening
     * checks only the small files; reading all 120 MB of a 100,000-listing index takes 0.1–0.4 s, so the service serves
     * first and asks this after (Lucene also refuses a damaged block when a search reads it).
     */
    public String damage() throws IOException {
        FacetSearcher searcher = acquire();
        try {
            for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                leaf.reader().checkIntegrity();
            }
            return null;
        } catch (CorruptIndexException e) {
            return e.getMessage();
        } finally {
            release(searcher);
        }
    }

    public boolean isReady() {
        return ready;
    }

    void markReady() {
        ready = true;
    }

    public Path path() {
        return path;
    }

    private Document build(SearchDocument document) throws IOException {
        return IndexSchema.build(facetsConfig, IndexSchema.document(document, writer.getAnalyzer()));
    }

    private void commit(IndexConfig settings, String outboxState) throws IOException {
        writer.setLiveCommitData(Map.of(SCHEMA_KEY, IndexSchema.VERSION, ANALYSIS_KEY, settings.indexFingerprint(),
                DATABASE_KEY, databaseId, OUTBOX_KEY, outboxState).entrySet());
        writer.commit();
        committedOutbox = outboxState;
    }

    private void deleteContents() throws IOException {
        try (Stream<Path> files = Files.walk(path)) {
            List<Path> all = new ArrayList<>(files.filter(p -> !p.equals(path)
                    && !p.getFileName().toString().equals(IndexWriter.WRITE_LOCK_NAME)).toList());
            all.sort(Comparator.reverseOrder());
            for (Path file : all) {
                Files.deleteIfExists(file);
            }
        }
    }

    @PreDestroy
    public synchronized void close() throws IOException {
        ready = false;
        if (searchers != null) {
            searchers.close();
        }
        if (writer != null) {
            writer.rollback(); // everything worth keeping was committed; the rest is redone from the outbox
        }
        if (directory != null) {
            directory.close();
        }
        if (slices != null) {
            slices.shutdown();
        }
    }
}
