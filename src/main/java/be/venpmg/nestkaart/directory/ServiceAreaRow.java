package be.venpmg.nestkaart.directory;

import be.venpmg.nestkaart.geo.ServiceArea;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** A stored service area: Nestkaart's reading of it (scope, code) and the name it came with. */
@Introspected
public record ServiceAreaRow(String serviceId, String scope, @Nullable String code, String name) {

    public ServiceArea area() {
        return ServiceArea.stored(scope, code, name);
    }
}
