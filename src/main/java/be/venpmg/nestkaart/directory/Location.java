package be.venpmg.nestkaart.directory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;

@MappedEntity("public_location") // the public view: see V11__public_views.sql
public record Location(@Id String id, @Nullable String organizationId, String locationType, @Nullable String name,
                       @Nullable String description, @Nullable String transportation, @Nullable BigDecimal latitude,
                       @Nullable BigDecimal longitude, @Nullable String coordinatesSource, String publicationStatus) {
}
