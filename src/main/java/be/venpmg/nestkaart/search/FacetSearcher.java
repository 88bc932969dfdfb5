package be.venpmg.nestkaart.search;

import io.micronaut.core.annotation.Nullable;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;

import java.io.IOException;

/** A searcher with the facet ordinals of its reader, built once per refresh rather than per query. */
public final class FacetSearcher extends IndexSearcher {
    private final SortedSetDocValuesReaderState facetState;

    private FacetSearcher(IndexReader reader, SortedSetDocValuesReaderState facetState) {
        super(reader);
        this.facetState = facetState;
    }

    /** Null while the index holds no faceted document. */
    @Nullable
    public SortedSetDocValuesReaderState facetState() {
        return facetState;
    }

    static SearcherFactory factory(FacetsConfig config) {
        return new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                FieldInfo facets = FieldInfos.getMergedFieldInfos(reader).fieldInfo(FacetsConfig.DEFAULT_INDEX_FIELD_NAME);
                SortedSetDocValuesReaderState state = facets == null || reader.numDocs() == 0 ? null
                        : new DefaultSortedSetDocValuesReaderState(reader, config);
                return new FacetSearcher(reader, state);
            }
        };
    }
}
