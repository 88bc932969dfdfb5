package be.venpmg.nestkaart.search;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Crisis detection on two lists written for it: phrasings of acute danger (suicidal thoughts, harm to the baby, acute
 * psychosis, despair; Dutch, Flemish, English, French, misspellings) that must all be flagged, and near misses
 * (ordinary distress, psychosis as a topic, professionals' questions) of which at most 5 % may be. A missed crisis is
 * the worst error, so recall must be 100 %.
 */
class CrisisDetectionTest {
    private final ConceptRecognizer recognizer =
            new ConceptRecognizer(IndexConfig.load(Path.of("index-config")).conceptVocabulary());

    @Test
    void everyPhrasingOfAcuteDangerIsACrisis() throws IOException {
        List<String> phrasings = lines("/crisis/crisis.txt");
        List<String> missed = phrasings.stream().filter(p -> !isCrisis(p)).toList();
        System.out.printf("crisis recall %d/%d%n", phrasings.size() - missed.size(), phrasings.size());
        assertTrue(phrasings.size() >= 100, "at least 100 phrasings");
        assertTrue(missed.isEmpty(), "not recognised as a crisis: " + missed);
    }

    @Test
    void ordinaryDistressAndProfessionalQuestionsAreRarelyACrisis() throws IOException {
        List<String> nearMisses = lines("/crisis/near-misses.txt");
        List<String> alarms = nearMisses.stream().filter(this::isCrisis).toList();
        double rate = (double) alarms.size() / nearMisses.size();
        System.out.printf("crisis false alarms %d/%d (%.1f %%): %s%n", alarms.size(), nearMisses.size(), rate * 100,
                alarms);
        assertTrue(nearMisses.size() >= 100, "at least 100 near misses");
        assertTrue(rate <= 0.05, "false-alarm rate " + rate + ": " + alarms);
    }

    private boolean isCrisis(String text) {
        return recognizer.recognise(text).stream().anyMatch(c -> c.dimension().equals(SearchService.CRISIS));
    }

    private static List<String> lines(String resource) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                CrisisDetectionTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    lines.add(line.strip());
                }
            }
        }
        return lines;
    }
}
