package be.venpmg.nestkaart.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The one place that defines the search index: field names, how each is indexed, and the facet dimensions.
 * Everything that writes or reads the index goes through these names.
 */
public final class IndexSchema {
    /** Bump when fields change; a different version in the index triggers a rebuild. */
    public static final String VERSION = "15";

    public static final String UID = "uid";
    private static final String UID_ORDER = "uid_order";
    public static final String ID = "id";
    public static final String KIND = "kind";
    /** The kinds of listing the index holds, the values of {@link #KIND}. */
    public static final List<String> KINDS = List.of("service", "organization", "professional", "course");
    /**
     * Information pages for parents: in the index so that their text and needs are searched like listings', but
     * never among a search's results (they show as an information card above them).
     */
    public static final String PAGE = "page";
    public static final String NAME = "name";
    public static final String DESCRIPTION = "description";
    public static final String ORGANIZATION = "organization";
    public static final String CONCEPTS = "concepts";
    public static final String LANGUAGES = "languages";
    public static final String PLACES = "places";
    public static final String SPELL = "spell";
    /** Every text field at once: a query whose words all occur somewhere in the listing scores a bonus. */
    public static final String ALL = "all";
    public static final String LOCALITY = "locality";
    public static final String SUMMARY = "summary";
    public static final String POINT = "point";
    public static final String POSTCODE = "postcode";
    public static final String MUNICIPALITY = "municipality";
    public static final String PROVINCE = "province";
    public static final String EERSTELIJNSZONE = "eerstelijnszone";
    public static final String WAITING_WEEKS = "waiting_weeks";
    public static final String SORT_NAME = "sort_name";
    /** HSDS filters of a service: its organisation, own terms and their taxonomies, last change (epoch ms). */
    public static final String ORGANIZATION_ID = "organization_id";
    public static final String TERM_ID = "term_id";
    public static final String TAXONOMY_ID = "taxonomy_id";
    public static final String MODIFIED = "modified";

    /** Free-text fields searched by the query, each weighted by {@code boost.<field>} of search.properties. */
    public static final List<String> TEXT_FIELDS = List.of(NAME, CONCEPTS, ORGANIZATION, DESCRIPTION, LANGUAGES, PLACES);

    /** Facet dimensions besides the taxonomies named in search.properties. */
    public static final String LANGUAGE = "language";
    public static final String REIMBURSEMENT = "reimbursement";
    public static final String ACCESS = "access";
    public static final String RECOGNITION = "recognition";
    public static final String COURSE_LEVEL = "level";
    public static final String COURSE_FORMAT = "course_format";
    public static final String ACCREDITED = "accredited";
    public static final String UPCOMING = "upcoming";
    /** A course's kind (continuing education, intervision, supervision) and status (existing, pilot, planned). */
    public static final String COURSE_KIND = "course_kind";
    public static final String COURSE_STATUS = "course_status";
    /**
     * Whom a service serves beyond its places: {@link #AREA_EVERYWHERE} (all of Flanders and Brussels, also every
     * service without a place or area), {@link #AREA_REMOTE} (by phone or online), or a region by its
     * {@link be.venpmg.nestkaart.geo.ServiceArea#key() key} ({@code province=Antwerpen}).
     */
    public static final String AREA = "area";
    public static final String AREA_EVERYWHERE = "everywhere";
    public static final String AREA_REMOTE = "remote";
    public static final Set<String> FIXED_FACETS = Set.of(KIND, LANGUAGE, REIMBURSEMENT, ACCESS, RECOGNITION, PROVINCE,
            COURSE_LEVEL, COURSE_FORMAT, COURSE_KIND, COURSE_STATUS, ACCREDITED, UPCOMING, AREA);

    private static final FieldType HIGHLIGHTED_TEXT = textType(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
    /**
     * Text that is never searched as a phrase (the query builder makes none: multi-word synonyms become conjunctions;
     * the spelling checker counts words) keeps no positions: a quarter of the postings a rebuild writes.
     */
    private static final FieldType SCORED_TEXT = textType(IndexOptions.DOCS_AND_FREQS);

    private IndexSchema() {
    }

    public static FacetsConfig facetsConfig(Iterable<String> dimensions) {
        FacetsConfig config = new FacetsConfig();
        for (String dimension : dimensions) {
            config.setMultiValued(dimension, true);
        }
        return config;
    }

    public static Term uid(String kind, String id) {
        return new Term(UID, kind + ":" + id);
    }

    /**
     * The last key of every order: listings that tie (equal scores, names or distances) follow their uid's hash. Doc ids
     * would do within one index, but they differ between replicas and after every (parallel) rebuild, and a client
     * paging through two replicas would see listings twice or not at all.
     */
    public static SortField tieBreak() {
        return new SortField(UID_ORDER, SortField.Type.LONG);
    }

    /**
     * The tie-break key of a uid: a 64-bit hash (two murmur3 hashes of its bytes), the same on every replica. A number
     * compares without looking up the uid's bytes, which a string order does for every competitive hit (6 % of a
     * search at 100,000 services); two uids alike in all 64 bits fall back to document order.
     */
    static long uidOrder(String uid) {
        BytesRef bytes = new BytesRef(uid);
        return ((long) StringHelper.murmurhash3_x86_32(bytes, 0x5eed) << 32)
                | (StringHelper.murmurhash3_x86_32(bytes, 0x0dd5eed) & 0xffffffffL);
    }

    /**
     * Turns a listing into its Lucene document (before {@link FacetsConfig#build}). Each text is analysed once, with
     * {@code analyzer} (the index's), and its tokens go both to its own field and to {@link #ALL}: analysis is most of
     * what indexing costs.
     */
    public static Document document(SearchDocument listing, Analyzer analyzer) throws IOException {
        Document doc = new Document();
        String uid = listing.kind() + ":" + listing.id();
        doc.add(new StringField(UID, uid, Field.Store.NO));
        doc.add(new NumericDocValuesField(UID_ORDER, uidOrder(uid)));
        doc.add(new StringField(ID, listing.id(), Field.Store.YES));
        doc.add(new StringField(KIND, listing.kind(), Field.Store.YES));
        doc.add(new SortedSetDocValuesFacetField(KIND, listing.kind()));
        doc.add(new StoredField(NAME, listing.name()));
        doc.add(new SortedDocValuesField(SORT_NAME, new BytesRef(listing.name().toLowerCase(Locale.ROOT))));
        doc.add(new StoredField(DESCRIPTION, nullToEmpty(listing.description())));
        // The order of 'all' is the order of the listing's card: name, organisation, needs, description, languages, places.
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put(NAME, listing.name());
        texts.put(ORGANIZATION, nullToEmpty(listing.organizationName()));
        texts.put(CONCEPTS, String.join(" . ", listing.conceptTexts()));
        texts.put(DESCRIPTION, nullToEmpty(listing.description()));
        texts.put(LANGUAGES, String.join(" ", listing.languageTexts()));
        texts.put(PLACES, String.join(" . ", listing.placeTexts()));
        List<TokenStream> analysed = new ArrayList<>();
        for (Map.Entry<String, String> text : texts.entrySet()) {
            TokenStream tokens = AnalysedOnce.of(analyzer, text.getKey(), text.getValue());
            analysed.add(tokens);
            boolean highlighted = text.getKey().equals(NAME) || text.getKey().equals(DESCRIPTION);
            doc.add(new Field(text.getKey(), tokens, highlighted ? HIGHLIGHTED_TEXT : SCORED_TEXT));
        }
        analysed.forEach(tokens -> doc.add(new Field(ALL, tokens, SCORED_TEXT)));
        doc.add(new Field(SPELL, listing.spellingText(), SCORED_TEXT));
        doc.add(new StoredField(SUMMARY, listing.summaryJson()));
        for (SearchDocument.Facet facet : listing.facets()) {
            doc.add(new SortedSetDocValuesFacetField(facet.dimension(), facet.value()));
        }
        for (SearchDocument.Place place : listing.places()) {
            if (place.latitude() != null && place.longitude() != null) {
                doc.add(new LatLonPoint(POINT, place.latitude(), place.longitude()));
                doc.add(new LatLonDocValuesField(POINT, place.latitude(), place.longitude()));
            }
            addKeyword(doc, POSTCODE, place.postalCode());
            addKeyword(doc, MUNICIPALITY, place.municipality());
            addKeyword(doc, LOCALITY, place.locality());
            addKeyword(doc, PROVINCE, place.province());
            addKeyword(doc, EERSTELIJNSZONE, place.eerstelijnszone());
        }
        for (SearchDocument.Facet region : listing.servedRegions()) {
            addKeyword(doc, region.dimension(), region.value());
        }
        SearchDocument.Links links = listing.links();
        if (links.organizationId() != null) {
            doc.add(new StringField(ORGANIZATION_ID, links.organizationId(), Field.Store.NO));
        }
        links.termIds().forEach(id -> doc.add(new StringField(TERM_ID, id, Field.Store.NO)));
        links.taxonomyIds().forEach(id -> doc.add(new StringField(TAXONOMY_ID, id, Field.Store.NO)));
        if (links.modifiedMillis() != null) {
            doc.add(new org.apache.lucene.document.LongPoint(MODIFIED, links.modifiedMillis()));
        }
        if (listing.waitingWeeks() != null) {
            doc.add(new IntPoint(WAITING_WEEKS, listing.waitingWeeks()));
            doc.add(new NumericDocValuesField(WAITING_WEEKS, listing.waitingWeeks()));
        }
        return doc;
    }

    /** Region values are matched folded: "Sint-Niklaas", "sint niklaas" and "SINT-NIKLAAS" are one place. */
    public static String keyword(String value) {
        return value == null ? null : be.venpmg.nestkaart.kernel.Folding.fold(value);
    }

    public static Document build(FacetsConfig config, Document doc) {
        try {
            return config.build(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void addKeyword(Document doc, String field, String value) {
        if (value != null && !value.isBlank()) {
            doc.add(new StringField(field, keyword(value), Field.Store.NO));
        }
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }

    /**
     * Highlighted text is stored beside, as a StoredField: a field indexed from tokens analysed once cannot store its
     * text itself. Offsets in the postings let the highlighter work without re-analysing the text.
     */
    private static FieldType textType(IndexOptions options) {
        FieldType type = new FieldType(TextField.TYPE_NOT_STORED);
        type.setIndexOptions(options);
        type.freeze();
        return type;
    }
}
