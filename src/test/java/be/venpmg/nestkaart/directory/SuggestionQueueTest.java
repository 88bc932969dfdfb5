package be.venpmg.nestkaart.directory;


import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** "Meld een wijziging" is rate-limited per client address. */
class SuggestionQueueTest {

    @Test
    void allowsOnlySoManySuggestionsPerHourPerClient() {
        SuggestionQueue queue = new SuggestionQueue(null, null, 3);
        assertTrue(queue.allow("10.0.0.1"));
        assertTrue(queue.allow("10.0.0.1"));
        assertTrue(queue.allow("10.0.0.1"));
        assertFalse(queue.allow("10.0.0.1"), "the fourth within the hour is refused");
        assertTrue(queue.allow("10.0.0.2"), "another client is not affected");
    }
}
