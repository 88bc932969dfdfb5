package be.venpmg.nestkaart.access;

import be.venpmg.nestkaart.kernel.InvalidParameterException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The red team's "Password123!" and its Dutch cousins are refused; a sentence of a few words is not. */
class PasswordPolicyTest {
    private final PasswordPolicy policy = new PasswordPolicy(1e9);

    @ParameterizedTest
    @ValueSource(strings = {"Password123!", "Welkom2024!!", "Welkom123456!", "Wachtwoord123!", "qwertyuiop123",
            "iloveyou12345", "Zomer2026!!!!", "Nestkaart2026!", "aaaaaaaaaaaaaaaa", "123456789012",
            "Regenwulp2026!", "Rita.Regenwulp1", "korte zin"})
    void commonPersonalOrShortPasswordsAreRefused(String password) {
        InvalidParameterException refused = assertThrows(InvalidParameterException.class,
                () -> policy.check("password", password, "rita.regenwulp@dienst.be", "Rita Regenwulp"));
        assertEquals("password", refused.parameter());
    }

    @ParameterizedTest
    @ValueSource(strings = {"een lang en sterk wachtwoord", "Lang-genoeg-wachtwoord-77", "matrix wachtwoord 1",
            "de kat zit op de mat in Gent", "Zorgpad!Kortrijk#Ochtendthee", "tR7#qL9!vX2@mK"})
    void longOrRandomPasswordsPass(String password) {
        assertDoesNotThrow(() -> policy.check("password", password, "rita.regenwulp@dienst.be", "Rita Regenwulp"));
    }

    @org.junit.jupiter.api.Test
    void anOverlongPasswordIsRefusedBeforeItIsMeasured() {
        assertThrows(InvalidParameterException.class,
                () -> policy.check("password", "woord ".repeat(100), "a@b.be", "A"));
    }
}
