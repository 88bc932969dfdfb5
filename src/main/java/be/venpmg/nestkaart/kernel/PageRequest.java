package be.venpmg.nestkaart.kernel;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** Validated pagination parameters: {@code limit} items per page, 1-based {@code page}. */
public record PageRequest(int limit, int page) {

    public long offset() {
        return (long) (page - 1) * limit;
    }

    /** Page sizes allowed by configuration ({@code nestkaart.api}). */
    @ConfigurationProperties("nestkaart.api")
    public record Limits(int defaultPageSize, int maxPageSize) {

        public PageRequest parse(@Nullable String limit, @Nullable String page) {
            return new PageRequest(wholeNumber("limit", limit, defaultPageSize, 1, maxPageSize),
                    wholeNumber("page", page, 1, 1, 1_000_000));
        }
    }

    /** A whole-number query parameter within bounds, or the fallback when absent; otherwise a 400 naming it. */
    public static int wholeNumber(String name, @Nullable String text, int fallback, int min, int max) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value < min || value > max) {
                throw new InvalidParameterException(name, "must be between " + min + " and " + max + ", was " + value);
            }
            return value;
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, "must be a whole number, was '" + text + "'");
        }
    }
}
