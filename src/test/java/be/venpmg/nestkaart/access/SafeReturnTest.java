package be.venpmg.nestkaart.access;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Where sign-in sends one back: a path of this site or the role's own page (a fast test, no application). */
class SafeReturnTest {

    @Test
    void onlyAPathOfThisSiteIsFollowed() {
        assertEquals("/redactie#/aanvragen", LoginPageController.safeReturn("/redactie#/aanvragen", Roles.EDITOR));
        // Red-team finding: these answered 500 (space, tab, CR/LF, quote and angle brackets); open redirects stay out.
        for (String hostile : List.of("/ redactie", "/redactie\tx", "/redactie\r\nSet-Cookie: x=1", "/\"><script>",
                "//evil.example", "https://evil.example", "/inloggen?terug=/x", "\\evil")) {
            assertEquals("/redactie", LoginPageController.safeReturn(hostile, Roles.EDITOR), hostile);
        }
        assertEquals("/mijn-organisatie", LoginPageController.safeReturn(null, Roles.REPRESENTATIVE));
    }
}
