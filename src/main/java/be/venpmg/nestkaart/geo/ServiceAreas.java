package be.venpmg.nestkaart.geo;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The regions a service can serve, read from what editors and datasets write, and related to places: which areas
 * cover a place (near-searches include those services) and which regions an area overlaps (region filters do).
 */
@Singleton
public class ServiceAreas {
    /** Names under which datasets and editors mean "all of Flanders and Brussels" or "by phone or online". */
    private static final Set<String> FLANDERS_NAMES = Set.of("heelvlaanderenenbrussel", "vlaanderenenbrussel",
            "heelvlaanderen", "vlaanderen", "flanders", "flandersandbrussels", "vlaamsgewest", "vlaanderenbrussel");
    private static final Set<String> REMOTE_NAMES = Set.of("telefonischofonline", "onlineoftelefonisch", "online",
            "telefonisch", "ooktelefonischofonline", "phone", "remote", "telefonischonline", "onlinetelefonisch");

    private final PostalCodeDirectory postalCodes;
    private volatile Catalogue catalogue;

    public ServiceAreas(PostalCodeDirectory postalCodes) {
        this.postalCodes = postalCodes;
    }

    /** The regions an area overlaps, by kind, as the region filters name them. */
    public record Regions(Set<String> localities, Set<String> municipalities, Set<String> zones, Set<String> provinces) {
        static final Regions NONE = new Regions(Set.of(), Set.of(), Set.of(), Set.of());
    }

    /**
     * What an editor or client wrote, as an area: a key ({@code province=Antwerpen}), a Dutch label ("provincie
     * Antwerpen", "gemeente Gent", "eerstelijnszone Brugge", "heel Vlaanderen en Brussel", "online") or a bare name
     * (a province before a municipality before a zone before any locality, Dutch or French). Empty when it names no
     * known region; {@code other=...} is taken as written.
     */
    public Optional<ServiceArea> read(String text) {
        String written = text == null ? "" : text.strip();
        if (written.isEmpty()) {
            return Optional.empty();
        }
        Optional<ServiceArea> keyed = ServiceArea.ofKey(written);
        if (keyed.isPresent()) {
            ServiceArea area = keyed.get();
            return area.scope().hasCode() && area.scope() != ServiceArea.Scope.OTHER
                    ? named(area.scope(), area.code()) : keyed;
        }
        String folded = PostalCodeDirectory.fold(written);
        if (FLANDERS_NAMES.contains(folded)) {
            return Optional.of(new ServiceArea(ServiceArea.Scope.FLANDERS_BRUSSELS, null));
        }
        if (REMOTE_NAMES.contains(folded.replace("/", "").replace("-", ""))) {
            return Optional.of(new ServiceArea(ServiceArea.Scope.REMOTE, null));
        }
        for (ServiceArea.Scope scope : List.of(ServiceArea.Scope.PROVINCE, ServiceArea.Scope.MUNICIPALITY,
                ServiceArea.Scope.EERSTELIJNSZONE)) {
            String prefix = PostalCodeDirectory.fold(prefix(scope));
            if (folded.startsWith(prefix) && folded.length() > prefix.length()) {
                return named(scope, written.substring(written.toLowerCase(java.util.Locale.ROOT)
                        .indexOf(' ') + 1));
            }
        }
        return named(ServiceArea.Scope.PROVINCE, written)
                .or(() -> named(ServiceArea.Scope.MUNICIPALITY, written))
                .or(() -> named(ServiceArea.Scope.EERSTELIJNSZONE, written));
    }

    /**
     * An HSDS {@code service_area}: by Nestkaart's own URI, else by its name; an area neither names is kept as
     * {@code other} with its name, so it is carried out again as it came in.
     */
    public ServiceArea recognise(@Nullable String name, @Nullable String uri) {
        if (uri != null && uri.startsWith(ServiceArea.URI_PREFIX)) {
            Optional<ServiceArea> own = read(uri.substring(ServiceArea.URI_PREFIX.length()).replace('_', ' '));
            if (own.isPresent()) {
                return own.get();
            }
        }
        String written = name == null || name.isBlank() ? "onbekend werkgebied" : name.strip();
        return read(written).orElse(new ServiceArea(ServiceArea.Scope.OTHER, written));
    }

    /** The regional areas that cover a place: its province, municipality and eerstelijnszone. */
    public List<ServiceArea> covering(PostalPlace place) {
        List<ServiceArea> areas = new ArrayList<>(List.of(new ServiceArea(ServiceArea.Scope.PROVINCE, place.province()),
                new ServiceArea(ServiceArea.Scope.MUNICIPALITY, place.municipality())));
        if (place.eerstelijnszone() != null) {
            areas.add(new ServiceArea(ServiceArea.Scope.EERSTELIJNSZONE, place.eerstelijnszone()));
        }
        return areas;
    }

    /** The regional areas that cover the place closest to a point. */
    public List<ServiceArea> covering(double latitude, double longitude) {
        return postalCodes.nearest(latitude, longitude).map(this::covering).orElse(List.of());
    }

    /** The localities, municipalities, zones and provinces an area overlaps (none for Flanders-wide or remote). */
    public Regions overlapping(ServiceArea area) {
        List<PostalPlace> places = switch (area.scope()) {
            case PROVINCE -> catalogue().byProvince.getOrDefault(area.code(), List.of());
            case MUNICIPALITY -> catalogue().byMunicipality.getOrDefault(area.code(), List.of());
            case EERSTELIJNSZONE -> catalogue().byZone.getOrDefault(area.code(), List.of());
            default -> List.of();
        };
        if (places.isEmpty()) {
            return Regions.NONE;
        }
        Regions regions = new Regions(new LinkedHashSet<>(), new LinkedHashSet<>(), new LinkedHashSet<>(),
                new LinkedHashSet<>());
        for (PostalPlace place : places) {
            regions.localities().add(place.locality());
            regions.municipalities().add(place.municipality());
            if (place.eerstelijnszone() != null) {
                regions.zones().add(place.eerstelijnszone());
            }
            regions.provinces().add(place.province());
        }
        return regions;
    }

    /** Every area an editor can choose, Flanders-wide and remote first, then provinces, zones and municipalities. */
    public List<ServiceArea> choices() {
        List<ServiceArea> choices = new ArrayList<>(List.of(new ServiceArea(ServiceArea.Scope.FLANDERS_BRUSSELS, null),
                new ServiceArea(ServiceArea.Scope.REMOTE, null)));
        catalogue().byProvince.keySet().stream().sorted()
                .forEach(p -> choices.add(new ServiceArea(ServiceArea.Scope.PROVINCE, p)));
        catalogue().byZone.keySet().stream().sorted()
                .forEach(z -> choices.add(new ServiceArea(ServiceArea.Scope.EERSTELIJNSZONE, z)));
        catalogue().byMunicipality.keySet().stream().sorted()
                .forEach(m -> choices.add(new ServiceArea(ServiceArea.Scope.MUNICIPALITY, m)));
        return choices;
    }

    private static String prefix(ServiceArea.Scope scope) {
        return switch (scope) {
            case PROVINCE -> "provincie ";
            case MUNICIPALITY -> "gemeente ";
            default -> "eerstelijnszone ";
        };
    }

    /** The region of this scope named {@code name} (accents, case and spaces ignored; French municipality names too). */
    private Optional<ServiceArea> named(ServiceArea.Scope scope, String name) {
        String folded = PostalCodeDirectory.fold(name);
        Map<String, String> names = switch (scope) {
            case PROVINCE -> catalogue().provinceNames;
            case MUNICIPALITY -> catalogue().municipalityNames;
            default -> catalogue().zoneNames;
        };
        String canonical = names.get(folded);
        if (canonical == null && scope == ServiceArea.Scope.MUNICIPALITY) {
            canonical = postalCodes.byName(name).map(PostalPlace::municipality).orElse(null);
        }
        return Optional.ofNullable(canonical).map(code -> new ServiceArea(scope, code));
    }

    private Catalogue catalogue() {
        Catalogue loaded = catalogue;
        if (loaded == null) {
            loaded = new Catalogue(postalCodes.all());
            catalogue = loaded;
        }
        return loaded;
    }

    /** The regions of the postal-code file, by canonical (Dutch) name and by folded name. */
    private static final class Catalogue {
        final Map<String, List<PostalPlace>> byProvince;
        final Map<String, List<PostalPlace>> byMunicipality;
        final Map<String, List<PostalPlace>> byZone;
        final Map<String, String> provinceNames;
        final Map<String, String> municipalityNames;
        final Map<String, String> zoneNames;

        Catalogue(List<PostalPlace> places) {
            byProvince = group(places, PostalPlace::province);
            byMunicipality = group(places, PostalPlace::municipality);
            byZone = group(places.stream().filter(p -> p.eerstelijnszone() != null).toList(),
                    PostalPlace::eerstelijnszone);
            provinceNames = folded(byProvince.keySet());
            municipalityNames = folded(byMunicipality.keySet());
            zoneNames = folded(byZone.keySet());
        }

        private static Map<String, List<PostalPlace>> group(List<PostalPlace> places,
                                                            Function<PostalPlace, String> key) {
            Map<String, List<PostalPlace>> groups = new LinkedHashMap<>();
            places.stream().sorted(Comparator.comparing(PostalPlace::postalCode))
                    .forEach(p -> groups.computeIfAbsent(key.apply(p), k -> new ArrayList<>()).add(p));
            return groups;
        }

        private static Map<String, String> folded(Set<String> names) {
            Map<String, String> folded = new LinkedHashMap<>();
            names.forEach(n -> folded.put(PostalCodeDirectory.fold(n), n));
            return folded;
        }
    }
}
