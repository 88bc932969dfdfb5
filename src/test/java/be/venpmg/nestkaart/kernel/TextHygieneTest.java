package be.venpmg.nestkaart.kernel;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What text may enter (a fast test, no application): red-team findings NUL, C1, bidi overrides, lone surrogates. */
class TextHygieneTest {

    @Test
    void refusesControlsDirectionOverridesAndBrokenCharacters() {
        for (String hostile : List.of("Kind\u0000zorg", "Kind\u0085zorg", "Kind\u001bzorg", "\u202eknilcnuf",
                "Baby\u2066zorg", "Huis \ud800 Tureluur")) {
            assertTrue(TextHygiene.problem(hostile).isPresent(), hostile);
            InvalidParameterException refused = assertThrows(InvalidParameterException.class,
                    () -> TextHygiene.checked("name", hostile));
            assertEquals("name", refused.parameter());
        }
    }

    @Test
    void keepsValidUnicodeExactly() {
        for (String fine : List.of("Crèche Ûrsel – “Zonneke”", "مركز الأمومة", "Baby 👶 & ouder", "regel 1\nregel 2\tx",
                "Mãe e bebê")) {
            assertEquals(fine, TextHygiene.checked("name", fine));
        }
    }
}
