package be.venpmg.nestkaart.geo;

import io.micronaut.core.annotation.Nullable;

import java.util.Locale;

/**
 * A region a service serves besides (or instead of) its own places. Its {@link #key()} is how editors, the API and
 * the search index name it: {@code flanders_brussels}, {@code remote}, {@code province=Antwerpen},
 * {@code municipality=Gent}, {@code eerstelijnszone=Regio Aalst}, or {@code other=<free text>} for an area Nestkaart
 * cannot place (kept and carried out, not searched).
 */
public record ServiceArea(Scope scope, @Nullable String code) {
    /** The order areas are listed in: the widest first, then by name. */
    public static final java.util.Comparator<ServiceArea> ORDER = java.util.Comparator.comparing(ServiceArea::scope)
            .thenComparing(a -> a.code == null ? "" : a.code);

    /** From the widest to the narrowest region; then remote, and what Nestkaart cannot place. */
    public enum Scope {
        FLANDERS_BRUSSELS, PROVINCE, EERSTELIJNSZONE, MUNICIPALITY, REMOTE, OTHER;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public boolean hasCode() {
            return this != FLANDERS_BRUSSELS && this != REMOTE;
        }

        static java.util.Optional<Scope> ofWire(String wire) {
            for (Scope scope : values()) {
                if (scope.wire().equals(wire)) {
                    return java.util.Optional.of(scope);
                }
            }
            return java.util.Optional.empty();
        }
    }

    private static final String BRUSSELS = "Brussels Hoofdstedelijk Gewest";
    /** The URI Nestkaart gives an area in HSDS exports, and reads back on import. */
    public static final String URI_PREFIX = "urn:nestkaart:werkgebied:";

    public String key() {
        return scope.hasCode() ? scope.wire() + "=" + code : scope.wire();
    }

    /** The Dutch name shown on the pages and exported as the HSDS {@code name}. */
    public String label() {
        return switch (scope) {
            case FLANDERS_BRUSSELS -> "heel Vlaanderen en Brussel";
            case REMOTE -> "telefonisch of online";
            case PROVINCE -> BRUSSELS.equals(code) ? code : "provincie " + code;
            case MUNICIPALITY -> "gemeente " + code;
            case EERSTELIJNSZONE -> "eerstelijnszone " + code;
            case OTHER -> code;
        };
    }

    public String uri() {
        return URI_PREFIX + key().replace(' ', '_');
    }

    /** A stored service_area row as an area: by its scope and code, else (scope 'other') by the name it came with. */
    public static ServiceArea stored(String scope, @Nullable String code, String name) {
        return ofKey(code == null ? scope : scope + "=" + code).orElse(new ServiceArea(Scope.OTHER, name));
    }

    /** The area a key names, read structurally (whether the place exists is {@link ServiceAreas}' question). */
    public static java.util.Optional<ServiceArea> ofKey(String key) {
        int equals = key.indexOf('=');
        String wire = equals < 0 ? key : key.substring(0, equals);
        String code = equals < 0 ? null : key.substring(equals + 1).strip();
        return Scope.ofWire(wire.strip().toLowerCase(Locale.ROOT))
                .filter(scope -> scope.hasCode() == (code != null && !code.isEmpty()))
                .map(scope -> new ServiceArea(scope, code));
    }
}
