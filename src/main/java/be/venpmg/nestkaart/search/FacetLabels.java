package be.venpmg.nestkaart.search;

import be.venpmg.nestkaart.taxonomy.AccessRoute;
import be.venpmg.nestkaart.taxonomy.ClosedVocabulary;
import be.venpmg.nestkaart.taxonomy.CourseFormat;
import be.venpmg.nestkaart.taxonomy.CourseKind;
import be.venpmg.nestkaart.taxonomy.CourseStatus;
import be.venpmg.nestkaart.taxonomy.CourseLevel;
import be.venpmg.nestkaart.taxonomy.RecognitionLevel;
import be.venpmg.nestkaart.taxonomy.Reimbursement;
import be.venpmg.nestkaart.kernel.DatabaseOutageHandlers;
import jakarta.inject.Singleton;

import java.util.Map;

/** Dutch labels of facet values: taxonomy term names from the database, fixed labels for the rest. */
@Singleton
public class FacetLabels {
    private static final long REFRESH_NANOS = 60_000_000_000L;
    private static final Map<String, Class<? extends ClosedVocabulary>> VOCABULARIES = Map.of(
            IndexSchema.ACCESS, AccessRoute.class, IndexSchema.REIMBURSEMENT, Reimbursement.class,
            IndexSchema.RECOGNITION, RecognitionLevel.class, IndexSchema.COURSE_LEVEL, CourseLevel.class,
            IndexSchema.COURSE_FORMAT, CourseFormat.class, IndexSchema.COURSE_KIND, CourseKind.class,
            IndexSchema.COURSE_STATUS, CourseStatus.class);
    private static final Map<String, String> FIXED = Map.ofEntries(
            Map.entry("kind:service", "Aanbod"),
            Map.entry("kind:organization", "Organisatie"),
            Map.entry("kind:professional", "Hulpverlener"),
            Map.entry("kind:course", "Opleiding"),
            Map.entry("accredited:ja", "Geaccrediteerd"),
            Map.entry("accredited:nee", "Niet geaccrediteerd"),
            Map.entry("upcoming:ja", "Met een sessie gepland"),
            Map.entry("upcoming:nee", "Geen sessie gepland"));

    private final VocabularyStore store;
    private final IndexConfigHolder config;
    private volatile Map<String, String> terms = Map.of();
    private volatile long loadedAt;
    private volatile long version;

    FacetLabels(VocabularyStore store, IndexConfigHolder config) {
        this.store = store;
        this.config = config;
    }

    public String label(String dimension, String value) {
        Class<? extends ClosedVocabulary> vocabulary = VOCABULARIES.get(dimension);
        if (vocabulary != null) {
            return closedLabel(vocabulary, value);
        }
        String fixed = FIXED.get(dimension + ":" + value);
        if (fixed != null) {
            return fixed;
        }
        if (IndexSchema.LANGUAGE.equals(dimension)) {
            return config.current().languageName(value);
        }
        String taxonomy = config.current().facetTaxonomies().get(dimension);
        return taxonomy == null ? value : termLabels().getOrDefault(taxonomy + ":" + value, value);
    }

    /** Changes whenever a term label does (read from the database at most once a minute): part of a cached answer's key. */
    public long version() {
        termLabels();
        return version;
    }

    /** The terms of a dimension's taxonomy: code → label, by code. */
    public Map<String, String> terms(String dimension) {
        String prefix = config.current().facetTaxonomies().get(dimension) + ":";
        Map<String, String> terms = new java.util.TreeMap<>();
        termLabels().forEach((key, label) -> {
            if (key.startsWith(prefix)) {
                terms.put(key.substring(prefix.length()), label);
            }
        });
        return terms;
    }

    /** Whether a value is a known term code of the dimension's taxonomy. */
    public boolean isKnownTerm(String dimension, String value) {
        String taxonomy = config.current().facetTaxonomies().get(dimension);
        return taxonomy != null && termLabels().containsKey(taxonomy + ":" + value);
    }

    private Map<String, String> termLabels() {
        if (System.nanoTime() - loadedAt > REFRESH_NANOS || terms.isEmpty()) {
            Map<String, String> fresh;
            try {
                fresh = store.termLabels();
            } catch (RuntimeException e) {
                if (!DatabaseOutageHandlers.isOutage(e)) {
                    throw e;
                }
                return terms; // the database is away; labels are a courtesy
            }
            if (!fresh.equals(terms)) {
                terms = fresh;
                version++;
            }
            loadedAt = System.nanoTime();
        }
        return terms;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static String closedLabel(Class<? extends ClosedVocabulary> vocabulary, String code) {
        return ClosedVocabulary.label((Class) vocabulary, code);
    }
}
