package be.venpmg.nestkaart.access;

import io.micronaut.http.cookie.Cookie;
import io.micronaut.http.cookie.SameSite;

import java.time.Duration;

/** The browser's session cookie: HttpOnly, SameSite=Strict, Secure when the site runs on https. */
final class SessionCookie {
    static final String NAME = "nk_session";

    private SessionCookie() {
    }

    static Cookie of(String token, Duration maxAge, boolean secure) {
        return Cookie.of(NAME, token).httpOnly(true).sameSite(SameSite.Strict).secure(secure).path("/").maxAge(maxAge);
    }

    static Cookie cleared(boolean secure) {
        return Cookie.of(NAME, "").httpOnly(true).sameSite(SameSite.Strict).secure(secure).path("/").maxAge(0);
    }
}
