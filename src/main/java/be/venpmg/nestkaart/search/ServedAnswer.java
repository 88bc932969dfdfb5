package be.venpmg.nestkaart.search;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * A search answer as the API serves it: its JSON up to the value of {@code took_ms} (the last member, the only one that
 * differs between two servings of one answer), and what the search log keeps of it. Kept so by {@link AnswerCache}:
 * a repeated request costs a copy of bytes, not the serialisation of 20 KB of JSON.
 */
record ServedAnswer(byte[] head, long total, List<String> widened, boolean crisis) {
    private static final byte[] TOOK_ZERO = "\"took_ms\":0}".getBytes(StandardCharsets.UTF_8);

    /**
     * @param json the answer's JSON with {@code took_ms} 0
     * @throws IllegalStateException when {@code took_ms} is not its last member (SearchAnswer's order changed)
     */
    static ServedAnswer of(byte[] json, SearchAnswer answer) {
        int head = json.length - 2; // "0}"
        if (json.length < TOOK_ZERO.length
                || !Arrays.equals(json, json.length - TOOK_ZERO.length, json.length, TOOK_ZERO, 0, TOOK_ZERO.length)) {
            throw new IllegalStateException("took_ms must be the last member of a search answer");
        }
        return new ServedAnswer(Arrays.copyOf(json, head), answer.total(),
                answer.widened().stream().map(SearchAnswer.Widening::step).toList(), answer.crisis());
    }

    /** The JSON to send, with this serving's time. */
    byte[] json(long tookMs) {
        byte[] took = (tookMs + "}").getBytes(StandardCharsets.US_ASCII);
        byte[] json = Arrays.copyOf(head, head.length + took.length);
        System.arraycopy(took, 0, json, head.length, took.length);
        return json;
    }

    int bytes() {
        return head.length;
    }
}
