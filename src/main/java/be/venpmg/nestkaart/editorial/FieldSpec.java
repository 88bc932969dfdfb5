package be.venpmg.nestkaart.editorial;

import be.venpmg.nestkaart.kernel.InvalidParameterException;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One editable field of a listing: its column, type and limits. Values are kept in a canonical form (String, Long,
 * BigDecimal, Boolean, ISO date String, sorted List of ids) so that two versions compare field by field.
 */
@io.micronaut.serde.annotation.Serdeable
public record FieldSpec(String name, Type type, boolean required, int maxLength, BigDecimal min, BigDecimal max,
                        Set<String> allowed, String references, Object initial) {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,250}\\.[^@\\s]{2,}$");

    public enum Type { TEXT, LONG_TEXT, EMAIL, URL, INTEGER, DECIMAL, DATE, BOOLEAN, CHOICE, REFERENCE, TERMS, AREAS }

    static FieldSpec text(String name, boolean required, int maxLength) {
        return new FieldSpec(name, Type.TEXT, required, maxLength, null, null, Set.of(), null, null);
    }

    static FieldSpec longText(String name, boolean required) {
        return new FieldSpec(name, Type.LONG_TEXT, required, 20_000, null, null, Set.of(), null, null);
    }

    static FieldSpec of(String name, Type type) {
        return new FieldSpec(name, type, false, 500, null, null, Set.of(), null, null);
    }

    /** Service areas, each a key, a Dutch name or a place name (see {@link be.venpmg.nestkaart.geo.ServiceAreas}). */
    static FieldSpec areas(String name) {
        return new FieldSpec(name, Type.AREAS, false, 250, null, null, Set.of(), null, null);
    }

    static FieldSpec number(String name, Type type, long min, long max) {
        return new FieldSpec(name, type, false, 0, BigDecimal.valueOf(min), BigDecimal.valueOf(max), Set.of(), null, null);
    }

    static FieldSpec choice(String name, Set<String> allowed) {
        return new FieldSpec(name, Type.CHOICE, true, 50, null, null, allowed, null, null);
    }

    static FieldSpec reference(String name, String table, boolean required) {
        return new FieldSpec(name, Type.REFERENCE, required, 64, null, null, Set.of(), table, null);
    }

    /** The same field, with the value a new listing starts with. */
    FieldSpec withInitial(Object value) {
        return new FieldSpec(name, type, required, maxLength, min, max, allowed, references, value);
    }

    /** The canonical value of what a client sent, or an {@link InvalidParameterException} naming the field. */
    public Object parse(Object raw) {
        if (raw == null || (raw instanceof String s && s.isBlank() && !isList())) {
            if (required) {
                throw new InvalidParameterException(name, "is required");
            }
            return null;
        }
        return switch (type) {
            case TEXT, LONG_TEXT, REFERENCE -> limited(string(raw).strip());
            case EMAIL -> checked(limited(string(raw).strip()), EMAIL.matcher(string(raw).strip()).matches(),
                    "is not an e-mail address");
            case URL -> {
                String url = limited(string(raw).strip());
                yield checked(url, url.matches("(?i)^https?://[^\\s<>\"]+$"), "must be an http(s) address");
            }
            case CHOICE -> checked(string(raw), allowed.contains(string(raw)), "must be one of " + allowed);
            case INTEGER -> inRange(BigDecimal.valueOf(wholeNumber(raw))).longValueExact();
            case DECIMAL -> inRange(decimal(raw));
            case DATE -> {
                try {
                    yield LocalDate.parse(string(raw)).toString();
                } catch (DateTimeParseException e) {
                    throw new InvalidParameterException(name, "must be a date as YYYY-MM-DD");
                }
            }
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    yield b;
                }
                throw new InvalidParameterException(name, "must be true or false");
            }
            case TERMS -> {
                if (!(raw instanceof Collection<?> ids)) {
                    throw new InvalidParameterException(name, "must be a list of taxonomy term ids");
                }
                List<String> sorted = new ArrayList<>();
                for (Object id : ids) {
                    sorted.add(string(id));
                }
                yield sorted.stream().distinct().sorted().toList();
            }
            case AREAS -> {
                // One area per entry; a single text may list them on lines or separated by ';'.
                Collection<?> entries = raw instanceof Collection<?> list ? list
                        : List.of(string(raw).split("[;\\n]"));
                List<String> areas = new ArrayList<>();
                for (Object entry : entries) {
                    String area = limited(string(entry).strip());
                    if (!area.isEmpty() && !areas.contains(area)) {
                        areas.add(area);
                    }
                }
                yield areas;
            }
        };
    }

    /** A field holding a list (taxonomy terms, service areas) rather than one column value. */
    public boolean isList() {
        return type == Type.TERMS || type == Type.AREAS;
    }

    /** The canonical value of a database column. */
    public Object fromDatabase(Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case INTEGER -> ((Number) value).longValue();
            case DECIMAL -> new BigDecimal(value.toString()).stripTrailingZeros();
            case DATE -> value instanceof Date d ? d.toLocalDate().toString() : value.toString();
            case BOOLEAN -> value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
            default -> value.toString();
        };
    }

    /** The value as a database column takes it (the inverse of {@link #fromDatabase}). */
    public Object toDatabase(Object value) {
        if (value == null) {
            return null;
        }
        return type == Type.DATE ? Date.valueOf(LocalDate.parse((String) value)) : value;
    }

    private String limited(String value) {
        if (value.length() > maxLength) {
            throw new InvalidParameterException(name, "is longer than " + maxLength + " characters");
        }
        return value;
    }

    private String checked(String value, boolean ok, String reason) {
        if (!ok) {
            throw new InvalidParameterException(name, reason);
        }
        return value;
    }

    private BigDecimal inRange(BigDecimal value) {
        if ((min != null && value.compareTo(min) < 0) || (max != null && value.compareTo(max) > 0)) {
            throw new InvalidParameterException(name, "must lie between " + min + " and " + max);
        }
        return value.stripTrailingZeros();
    }

    private long wholeNumber(Object raw) {
        BigDecimal value = decimal(raw);
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidParameterException(name, "must be a whole number");
        }
    }

    private BigDecimal decimal(Object raw) {
        try {
            return raw instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(string(raw).strip());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, "must be a number");
        }
    }

    private String string(Object raw) {
        if (raw instanceof String s) {
            return s;
        }
        if (raw instanceof Number || raw instanceof Boolean) {
            return raw.toString();
        }
        throw new InvalidParameterException(name, "must be a text value");
    }
}
