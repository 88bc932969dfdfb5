package be.venpmg.nestkaart.search;

import org.apache.lucene.analysis.Analyzer;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Dutch analysis chains read from index-config/: folding, compounds, stemming, abbreviations, synonyms. */
class AnalysisTest {
    private final IndexConfig config = IndexConfig.load(Path.of("index-config"));

    @Test
    void foldsAccentsAndCase() {
        assertEquals(tokens(config.indexAnalyzer(), "suicide"), tokens(config.indexAnalyzer(), "Suïcide"));
        assertEquals(tokens(config.indexAnalyzer(), "ECHOGRAFIE"), tokens(config.indexAnalyzer(), "echografie"));
    }

    @Test
    void hyphenatedSplitAndSeparateCompoundsMeet() {
        List<String> hyphenated = tokens(config.indexAnalyzer(), "moeder-baby-eenheid");
        List<String> closed = tokens(config.indexAnalyzer(), "moederbabyeenheid");
        List<String> separate = tokens(config.indexAnalyzer(), "moeder baby eenheid");
        for (String part : separate) {
            assertTrue(hyphenated.contains(part), part + " in " + hyphenated);
            assertTrue(closed.contains(part), part + " in " + closed);
        }
        assertTrue(tokens(config.indexAnalyzer(), "bevallingstrauma").containsAll(
                tokens(config.indexAnalyzer(), "bevalling trauma")));
    }

    @Test
    void stemsInflectionsWithoutOverStemming() {
        assertEquals(tokens(config.indexAnalyzer(), "bevalling"), tokens(config.indexAnalyzer(), "bevallingen"));
        assertEquals(tokens(config.indexAnalyzer(), "moeder"), tokens(config.indexAnalyzer(), "moeders"));
        // different words keep different stems
        assertFalse(tokens(config.indexAnalyzer(), "ouder").equals(tokens(config.indexAnalyzer(), "oud")));
        // abbreviations are protected from the stemmer
        assertEquals(List.of("mbe"), tokens(config.indexAnalyzer(), "MBE"));
    }

    @Test
    void abbreviationsWithDotsAreOneWord() {
        assertEquals(tokens(config.indexAnalyzer(), "CGG"), tokens(config.indexAnalyzer(), "C.G.G."));
        assertEquals(tokens(config.indexAnalyzer(), "MBE"), tokens(config.indexAnalyzer(), "M.B.E."));
    }

    @Test
    void synonymsWorkInBothDirections() {
        List<String> lay = tokens(config.queryAnalyzer(), "somber na de bevalling");
        assertTrue(lay.containsAll(tokens(config.indexAnalyzer(), "postpartumdepressie").subList(0, 1)), lay.toString());
        List<String> professional = tokens(config.queryAnalyzer(), "postpartumdepressie");
        assertTrue(professional.contains("somber"), professional.toString());
        assertTrue(tokens(config.queryAnalyzer(), "MBE").containsAll(List.of("moeder", "baby", "eenheid")));
        assertTrue(tokens(config.queryAnalyzer(), "moeder-baby-eenheid").contains("mbe"));
        assertTrue(tokens(config.queryAnalyzer(), "huilbaby").contains("regulatieproblem"));
        assertTrue(tokens(config.queryAnalyzer(), "post-partum").contains("postnatal"));
    }

    @Test
    void removesStopWordsButKeepsMeaningfulOnes() {
        List<String> tokens = tokens(config.queryAnalyzer(), "zwanger en geen netwerk");
        assertFalse(tokens.contains("en"));
        assertTrue(tokens.contains("gen") || tokens.contains("geen"), tokens.toString());
    }

    private static List<String> tokens(Analyzer analyzer, String text) {
        return SearchService.words(analyzer, text);
    }
}
