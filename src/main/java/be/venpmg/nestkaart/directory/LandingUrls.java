package be.venpmg.nestkaart.directory;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.convert.format.MapFormat;
import jakarta.inject.Singleton;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/** The short landing addresses of posters and flyers ({@code nestkaart.landing}): name → where it leads. */
@Singleton
public class LandingUrls {
    private static final Pattern NAME = Pattern.compile("[a-z0-9-]{2,30}");
    private static final Pattern TARGET = Pattern.compile("/[^/\\\\][^\\s]*|/");

    private final Map<String, String> targets;

    LandingUrls(@Property(name = "nestkaart.landing") @MapFormat(transformation = MapFormat.MapTransformation.FLAT)
                Map<String, String> configured) {
        Map<String, String> checked = new TreeMap<>();
        configured.forEach((name, target) -> {
            // Only names of one plain path segment, and targets on this site: a poster never sends people elsewhere.
            if (!NAME.matcher(name).matches() || !TARGET.matcher(target).matches()) {
                throw new IllegalStateException("nestkaart.landing." + name + " must be a short name leading to a "
                        + "path on this site (/…), was '" + target + "'");
            }
            checked.put(name, target);
        });
        this.targets = Collections.unmodifiableMap(checked);
    }

    public Map<String, String> all() {
        return targets;
    }

    /** Where {@code /name} leads, if it is a landing address. */
    public Optional<String> target(String path) {
        return path.length() > 1 && path.indexOf('/', 1) < 0 ? Optional.ofNullable(targets.get(path.substring(1)))
                : Optional.empty();
    }
}
