package be.venpmg.nestkaart.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A cached answer is served again with the time of that serving, and is otherwise the same JSON. */
class ServedAnswerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static SearchAnswer answer() {
        return new SearchAnswer(7, 1, 10, List.of(), Map.of(), List.of(), List.of(), true, "Bel 112", null,
                List.of(new SearchAnswer.Widening("location", "Niets in de buurt")), null, null, null, null, 0);
    }

    @Test
    void servesTheSameJsonWithEachServingsTime() throws Exception {
        byte[] computed = "{\"total\":7,\"crisis\":true,\"took_ms\":0}".getBytes(StandardCharsets.UTF_8);
        ServedAnswer served = ServedAnswer.of(computed, answer());

        JsonNode first = JSON.readTree(served.json(0));
        JsonNode later = JSON.readTree(served.json(12_345));

        assertEquals(JSON.readTree(computed), first);
        assertEquals(12_345, later.get("took_ms").asLong());
        assertEquals(7, later.get("total").asLong());
        assertEquals(List.of("location"), served.widened());
        assertEquals(true, served.crisis());
    }

    @Test
    void refusesJsonWhoseLastMemberIsNotTheTime() {
        byte[] reordered = "{\"took_ms\":0,\"total\":7}".getBytes(StandardCharsets.UTF_8);
        assertThrows(IllegalStateException.class, () -> ServedAnswer.of(reordered, answer()));
    }
}
