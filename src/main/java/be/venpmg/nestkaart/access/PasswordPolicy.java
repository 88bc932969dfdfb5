package be.venpmg.nestkaart.access;

import be.venpmg.nestkaart.kernel.InvalidParameterException;
import com.nulabinc.zxcvbn.StandardDictionaries;
import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import com.nulabinc.zxcvbn.ZxcvbnBuilder;
import com.nulabinc.zxcvbn.matchers.Dictionary;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which passwords an account may have (OWASP ASVS 2.1): at least {@link #MIN_LENGTH} characters, no composition
 * rules, and not guessable from the lists attackers try first. The guess estimate is zxcvbn's (zxcvbn4j): its lists
 * are the 30,000 most common passwords of Mark Burnett's 10-million-password corpus and common English words and
 * names; Nestkaart adds the Dutch words of {@code access/common-passwords-nl.txt} and the account's own e-mail
 * address and name. A password is refused when an attacker needs fewer than {@code min-guesses} guesses for it, so
 * "Password123!" and "Welkom2024!!" are refused while a sentence of a few words passes.
 */
@Singleton
public class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 256;
    private static final String DUTCH_LIST = "access/common-passwords-nl.txt";

    private final Zxcvbn estimator;
    private final double minGuesses;

    PasswordPolicy(@Value("${nestkaart.security.password.min-guesses}") double minGuesses) {
        this.minGuesses = minGuesses;
        try {
            this.estimator = new ZxcvbnBuilder()
                    .dictionaries(StandardDictionaries.loadAllDictionaries())
                    .dictionary(new Dictionary("nl_common", dutchWords()))
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("zxcvbn's password lists are missing from the class path", e);
        }
    }

    /** Refuses {@code password} for the account with this e-mail address and name, naming {@code field}. */
    public void check(String field, String password, String email, String displayName) {
        if (password == null || password.length() < MIN_LENGTH) {
            throw new InvalidParameterException(field, "needs at least " + MIN_LENGTH + " characters");
        }
        if (password.length() > MAX_LENGTH) {
            throw new InvalidParameterException(field, "may have at most " + MAX_LENGTH + " characters");
        }
        Strength strength = estimator.measure(password, personalWords(email, displayName));
        if (strength.getGuesses() < minGuesses) {
            throw new InvalidParameterException(field, "is too easy to guess: it is, or is built from, a common "
                    + "password, a common word or your own name or address; a sentence of a few words is better");
        }
    }

    private static List<String> personalWords(String email, String displayName) {
        List<String> words = new ArrayList<>();
        for (String text : new String[] {email, displayName}) {
            if (text != null) {
                for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
                    if (word.length() >= 3) {
                        words.add(word);
                    }
                }
            }
        }
        return words;
    }

    private static List<String> dutchWords() throws IOException {
        try (InputStream in = PasswordPolicy.class.getClassLoader().getResourceAsStream(DUTCH_LIST)) {
            if (in == null) {
                throw new IOException(DUTCH_LIST + " is missing");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
                    .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        }
    }
}
