package be.venpmg.nestkaart.directory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
@MappedEntity("phone")
public record Phone(@Id String id, @Nullable String locationId, @Nullable String serviceId,
                    @Nullable String organizationId, String number, @Nullable String extension,
                    @Nullable String type, @Nullable String description) {
}
