package be.venpmg.nestkaart.search;

import io.micronaut.core.annotation.Nullable;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Executor;

/** A searcher with the facet ordinals of its reader, built once per refresh rather than per query. */
public final class FacetSearcher extends IndexSearcher {
    private final SortedSetDocValuesReaderState facetState;
    private final int threads;

    private FacetSearcher(IndexReader reader, SortedSetDocValuesReaderState facetState, Executor slices, int threads) {
        super(reader, slices);
        this.facetState = facetState;
        this.threads = threads;
    }

    /**
     * One slice per thread: Lucene's default groups segments up to 250,000 documents into one slice, which would
     * leave the index's few large segments to one thread.
     */
    @Override
    protected LeafSlice[] slices(List<LeafReaderContext> leaves) {
        int documents = leaves.stream().mapToInt(leaf -> leaf.reader().maxDoc()).sum();
        return slices(leaves, Math.max(1, documents / Math.max(1, threads)), 5);
    }

    /** Null while the index holds no faceted document. */
    @Nullable
    public SortedSetDocValuesReaderState facetState() {
        return facetState;
    }

    /** Searchers over {@code threads} slices, run on {@code slices} (null: one thread, the caller's). */
    static SearcherFactory factory(FacetsConfig config, @Nullable Executor slices, int threads) {
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                FieldInfo facets = FieldInfos.getMergedFieldInfos(reader).fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
                SortedSetDocValuesReaderState state = facets == null || reader.numDocs() == 0 ? null
                        : new DefaultSortedSetDocValuesReaderState(reader, config);
                return new FacetSearcher(reader, state, slices, threads);
            }
        };
    }
}
