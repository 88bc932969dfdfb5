package be.venpmg.nestkaart.access;

import jakarta.inject.Singleton;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Argon2id with OWASP's minimum parameters (19 MiB, 2 iterations, 1 lane). Unknown accounts are checked against a
 * dummy hash, so a login takes as long whether or not the e-mail address exists.
 */
@Singleton
public class PasswordHasher {
    private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    private final String dummy = encoder.encode("no account has this password");

    public String hash(String password) {
        return encoder.encode(password);
    }

    public boolean matches(String password, String hash) {
        return encoder.matches(password, hash == null ? dummy : hash);
    }
}
