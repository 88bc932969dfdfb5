package be.venpmg.nestkaart.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionLengthAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Remembering the index chain's output per word changes nothing in what is indexed. */
class WordMemoAnalyzerTest {
    private static final List<String> EDGE_CASES = List.of("", "   ", "de het een", "De moeder-baby-eenheid (M.B.E.) "
            + "van het UZ Gent", "C.G.G. Eclips en het CGG", "bevallingsangst, bevallingen; bevalling: BEVALLING!",
            "Suïcide suicide SUÏCIDE café’s baby's", "postpartumdepressie na de bevalling en de bevallingsdepressie",
            "0-3 jaar 1000 dagen 3de lijn 0de-lijn 2e", "x".repeat(130) + " woord " + "ab".repeat(40),
            "de de de moeder de", "Thuisbegeleiding, kraamzorg en huilbaby-ondersteuning; i.s.m. Kind en Gezin.",
            "zwangerschapsdiabetes zwangerschapsdepressie zwangerschap");

    @Test
    void indexChainIsMemoizedByConfiguration() {
        assertInstanceOf(WordMemoAnalyzer.class, IndexConfig.load(Path.of("index-config")).indexAnalyzer());
    }

    @Test
    void everyTokenEqualsTheChainsOwnOnTheSeedTextsAndEdgeCases() throws IOException {
        WordMemoAnalyzer memoized = (WordMemoAnalyzer) IndexConfig.load(Path.of("index-config")).indexAnalyzer();
        List<String> texts = new ArrayList<>(EDGE_CASES);
        texts.addAll(seedTexts());
        assertTrue(texts.size() > 500, "seed texts: " + texts.size());
        // A tiny memory too: it is emptied again and again, which must not change a token either.
        WordMemoAnalyzer forgetful = new WordMemoAnalyzer(memoized.chain(), 3);
        int tokens = 0;
        for (int round = 0; round < 2; round++) { // the second round is served from memory
            for (String text : texts) {
                List<String> expected = tokens(memoized.chain(), text);
                assertEquals(expected, tokens(memoized, text), text);
                assertEquals(expected, tokens(forgetful, text), text);
                tokens += expected.size();
            }
        }
        assertTrue(tokens > 10_000, "tokens compared: " + tokens);
    }

    /** Every string value of the seed listings and courses: the texts the index is built from. */
    private static List<String> seedTexts() throws IOException {
        List<String> texts = new ArrayList<>();
        Matcher value = Pattern.compile("\"((?:[^\"\\\\]|\\\\.){3,})\"").matcher(
                Files.readString(Path.of("seed-data/nestkaart-seed.json"))
                        + Files.readString(Path.of("seed-data/courses.json")));
        while (value.find()) {
            texts.add(value.group(1).replace("\\n", "\n").replace("\\\"", "\""));
        }
        return texts;
    }

    /** Each token with everything the index takes from it, and the state at the end. */
    private static List<String> tokens(Analyzer analyzer, String text) throws IOException {
        List<String> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(IndexSchema.DESCRIPTION, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            PositionLengthAttribute length = stream.addAttribute(PositionLengthAttribute.class);
            TypeAttribute type = stream.addAttribute(TypeAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(term + " +" + increment.getPositionIncrement() + " x" + length.getPositionLength() + " "
                        + offset.startOffset() + "-" + offset.endOffset() + " " + type.type());
            }
            stream.end();
            tokens.add("end +" + increment.getPositionIncrement() + " " + offset.endOffset());
        }
        return tokens;
    }
}
