package be.venpmg.nestkaart.editorial;

import be.venpmg.nestkaart.kernel.WebAddress;
import be.venpmg.nestkaart.kernel.InvalidParameterException;
import be.venpmg.nestkaart.kernel.TextHygiene;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One editable field of a listing: its column, type and limits. Values are kept in a canonical form (String, Long,
 * BigDecimal, Boolean, ISO date String, "HH:mm" time, sorted List of ids, List of rows) so that two versions compare
 * field by field. A {@link Type#ROWS} field stands for rows of a child table ({@code references}) that point at the
 * listing, each row described by {@code columns}; a {@link Type#LINKS} field for links to other listings.
 * Messages are Dutch: editors read them next to the field.
 */
@io.micronaut.serde.annotation.Serdeable
public record FieldSpec(String name, Type type, boolean required, int maxLength, BigDecimal min, BigDecimal max,
                        Set<String> allowed, String references, Object initial, List<FieldSpec> columns) {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,250}\\.[^@\\s]{2,}$");
    /** Digits with the usual separators, 6 to 20 digits: 015 27 19 00, +32 (0)15 27.19.00, 1712. */
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{3,30}$");
    /** The last part of a page's address: lower-case letters and digits joined by single hyphens. */
    private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
    private static final List<String> DAYS = List.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");
    private static final List<String> DUTCH_DAYS = List.of("ma", "di", "wo", "do", "vr", "za", "zo");
    /** The id a row keeps from version to version (new rows get one when published). */
    public static final String ROW_ID = "id";

    public enum Type { TEXT, LONG_TEXT, SLUG, EMAIL, URL, FILE_URL, PHONE, INTEGER, DECIMAL, DATE, TIME, DAYS, LANGUAGE,
        BOOLEAN, CHOICE,
        REFERENCE, TERMS, AREAS, LINKS, ROWS }

    public FieldSpec {
        columns = columns == null ? List.of() : List.copyOf(columns);
    }

    static FieldSpec text(String name, boolean required, int maxLength) {
        return new FieldSpec(name, Type.TEXT, required, maxLength, null, null, Set.of(), null, null, null);
    }

    static FieldSpec longText(String name, boolean required) {
        return new FieldSpec(name, Type.LONG_TEXT, required, 20_000, null, null, Set.of(), null, null, null);
    }

    /** The last part of a page's address, unique among its kind (the database refuses a second). */
    static FieldSpec slug(String name) {
        return new FieldSpec(name, Type.SLUG, true, 80, null, null, Set.of(), null, null, null);
    }

    static FieldSpec of(String name, Type type) {
        return new FieldSpec(name, type, false, 500, null, null, Set.of(), null, null, null);
    }

    /** Service areas, each a key, a Dutch name or a place name (see {@link be.venpmg.nestkaart.geo.ServiceAreas}). */
    static FieldSpec areas(String name) {
        return new FieldSpec(name, Type.AREAS, false, 250, null, null, Set.of(), null, null, null);
    }

    static FieldSpec number(String name, Type type, long min, long max) {
        return new FieldSpec(name, type, false, 0, BigDecimal.valueOf(min), BigDecimal.valueOf(max), Set.of(), null,
                null, null);
    }

    static FieldSpec choice(String name, Set<String> allowed) {
        return new FieldSpec(name, Type.CHOICE, true, 50, null, null, allowed, null, null, null);
    }

    static FieldSpec reference(String name, String table, boolean required) {
        return new FieldSpec(name, Type.REFERENCE, required, 64, null, null, Set.of(), table, null, null);
    }

    /** Links to listings of {@code table} (a service's locations). */
    static FieldSpec links(String name, String table) {
        return new FieldSpec(name, Type.LINKS, false, 64, null, null, Set.of(), table, null, null);
    }

    /** Rows of the child table {@code table}, each with these columns. */
    static FieldSpec rows(String name, String table, FieldSpec... columns) {
        return new FieldSpec(name, Type.ROWS, false, 50, null, null, Set.of(), table, null, List.of(columns));
    }

    /** The same field, with the value a new listing starts with. */
    FieldSpec withInitial(Object value) {
        return new FieldSpec(name, type, required, maxLength, min, max, allowed, references, value, columns);
    }

    /** The same field, required. */
    FieldSpec mandatory() {
        return new FieldSpec(name, type, true, maxLength, min, max, allowed, references, initial, columns);
    }

    /** The same field, optional: a choice with a blank. */
    FieldSpec optional() {
        return new FieldSpec(name, type, false, maxLength, min, max, allowed, references, initial, columns);
    }

    /** The canonical value of what a client sent, or an {@link InvalidParameterException} naming the field. */
    public Object parse(Object raw) {
        if (raw == null || (raw instanceof String s && s.isBlank() && !isList())) {
            if (required) {
                throw new InvalidParameterException(name, "is verplicht");
            }
            return null;
        }
        return switch (type) {
            case TEXT, LONG_TEXT, REFERENCE -> limited(string(raw).strip());
            case EMAIL -> checked(limited(string(raw).strip()), EMAIL.matcher(string(raw).strip()).matches(),
                    "is geen e-mailadres");
            case URL -> {
                String url = limited(string(raw).strip());
                yield checked(url, WebAddress.isWebAddress(url), "moet een webadres zijn (http:// of https://)");
            }
            case FILE_URL -> {
                String url = limited(string(raw).strip());
                yield checked(url, WebAddress.isWebAddressOrOwnFile(url),
                        "moet een webadres zijn (https://) of een bestand van de site (/static/…)");
            }
            case PHONE -> {
                String number = limited(string(raw).strip().replaceAll("\\s+", " "));
                long digits = number.chars().filter(Character::isDigit).count();
                yield checked(number, PHONE.matcher(number).matches() && digits >= 3 && digits <= 20,
                        "is geen telefoonnummer (cijfers, spaties, +, /, . en - zijn toegestaan)");
            }
            case SLUG -> checked(limited(string(raw).strip()), SLUG.matcher(string(raw).strip()).matches(),
                    "mag enkel kleine letters, cijfers en koppeltekens bevatten (zoals somber-na-de-bevalling)");
            case CHOICE -> checked(string(raw), allowed.contains(string(raw)), "moet een van " + allowed + " zijn");
            case INTEGER -> inRange(BigDecimal.valueOf(wholeNumber(raw))).longValueExact();
            case DECIMAL -> inRange(decimal(raw));
            case DATE -> {
                try {
                    yield LocalDate.parse(string(raw).strip()).toString();
                } catch (DateTimeParseException e) {
                    throw new InvalidParameterException(name, "moet een datum zijn als JJJJ-MM-DD");
                }
            }
            case TIME -> {
                try {
                    String text = string(raw).strip().replace('.', ':').replace('u', ':');
                    yield LocalTime.parse(text.matches("\\d:.*") ? "0" + text : text).truncatedTo(ChronoUnit.MINUTES)
                            .toString();
                } catch (DateTimeParseException e) {
                    throw new InvalidParameterException(name, "moet een uur zijn als 09:00");
                }
            }
            case DAYS -> days(string(raw));
            case LANGUAGE -> checked(string(raw).strip().toLowerCase(java.util.Locale.ROOT),
                    string(raw).strip().toLowerCase(java.util.Locale.ROOT).matches("[a-z]{2,3}"),
                    "moet een taalcode zijn zoals nl, fr, en of ar");
            case BOOLEAN -> {
                if (raw instanceof Boolean b) {
                    yield b;
                }
                throw new InvalidParameterException(name, "moet waar of onwaar zijn");
            }
            case TERMS, LINKS -> {
                if (!(raw instanceof Collection<?> ids)) {
                    throw new InvalidParameterException(name, "moet een lijst van id's zijn");
                }
                List<String> sorted = new ArrayList<>();
                for (Object id : ids) {
                    sorted.add(limited(string(id).strip()));
                }
                yield sorted.stream().filter(id -> !id.isEmpty()).distinct().sorted().toList();
            }
            case ROWS -> rows(raw);
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

    /** A field holding a list (taxonomy terms, service areas, links, rows) rather than one column value. */
    public boolean isList() {
        return type == Type.TERMS || type == Type.AREAS || type == Type.LINKS || type == Type.ROWS;
    }

    /** Each row checked column by column; a row's {@code id} is kept, rows left wholly empty are dropped. */
    private List<Map<String, Object>> rows(Object raw) {
        if (!(raw instanceof Collection<?> entries)) {
            throw new InvalidParameterException(name, "moet een lijst van regels zijn");
        }
        if (entries.size() > maxLength) {
            throw new InvalidParameterException(name, "mag ten hoogste " + maxLength + " regels hebben");
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        int number = 0;
        for (Object entry : entries) {
            number++;
            if (!(entry instanceof Map<?, ?> sent)) {
                throw new InvalidParameterException(name, "regel " + number + " is geen object");
            }
            Map<String, Object> row = new LinkedHashMap<>();
            Object id = sent.get(ROW_ID);
            boolean empty = true;
            for (FieldSpec column : columns) {
                Object value = sent.get(column.name());
                if (value != null && !(value instanceof String text && text.isBlank())) {
                    empty = false;
                }
            }
            if (empty) {
                continue;
            }
            row.put(ROW_ID, id == null || string(id).isBlank() ? null : limited(string(id).strip()));
            for (FieldSpec column : columns) {
                try {
                    row.put(column.name(), column.parse(sent.get(column.name())));
                } catch (InvalidParameterException e) {
                    throw new InvalidParameterException(name, "regel " + number + ": " + column.name() + " "
                            + e.getMessage());
                }
            }
            for (Object key : sent.keySet()) {
                if (!ROW_ID.equals(key) && columns.stream().noneMatch(c -> c.name().equals(key))) {
                    throw new InvalidParameterException(name, "regel " + number + ": '" + key + "' is geen kolom");
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private String days(String raw) {
        List<String> days = new ArrayList<>();
        for (String part : raw.split("[,;\\s]+")) {
            String day = part.strip();
            if (day.isEmpty()) {
                continue;
            }
            int index = DUTCH_DAYS.indexOf(day.toLowerCase(java.util.Locale.ROOT));
            String code = index >= 0 ? DAYS.get(index) : day.toUpperCase(java.util.Locale.ROOT);
            if (!DAYS.contains(code)) {
                throw new InvalidParameterException(name, "'" + day + "' is geen dag: gebruik ma, di, wo, do, vr, za, zo");
            }
            if (!days.contains(code)) {
                days.add(code);
            }
        }
        days.sort(java.util.Comparator.comparingInt(DAYS::indexOf));
        return String.join(",", days);
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
            case TIME -> value instanceof java.sql.Time t ? t.toLocalTime().truncatedTo(ChronoUnit.MINUTES).toString()
                    : value.toString();
            case BOOLEAN -> value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
            default -> value.toString();
        };
    }

    /** The value as a database column takes it (the inverse of {@link #fromDatabase}). */
    public Object toDatabase(Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case DATE -> Date.valueOf(LocalDate.parse((String) value));
            case TIME -> java.sql.Time.valueOf(LocalTime.parse((String) value));
            default -> value;
        };
    }

    private String limited(String value) {
        if (value.length() > maxLength) {
            throw new InvalidParameterException(name, "is langer dan " + maxLength + " tekens");
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
            throw new InvalidParameterException(name, "moet tussen " + min + " en " + max + " liggen");
        }
        return value.stripTrailingZeros();
    }

    private long wholeNumber(Object raw) {
        BigDecimal value = decimal(raw);
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidParameterException(name, "moet een geheel getal zijn");
        }
    }

    private BigDecimal decimal(Object raw) {
        try {
            return raw instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(string(raw).strip().replace(',', '.'));
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, "moet een getal zijn");
        }
    }

    private String string(Object raw) {
        if (raw instanceof String s) {
            return TextHygiene.checked(name, s);
        }
        if (raw instanceof Number || raw instanceof Boolean) {
            return raw.toString();
        }
        throw new InvalidParameterException(name, "moet tekst zijn");
    }
}
