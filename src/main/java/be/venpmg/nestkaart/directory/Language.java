package be.venpmg.nestkaart.directory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

@MappedEntity("language")
public record Language(@Id String id, @Nullable String serviceId, @Nullable String professionalId,
                       @Nullable String name, @Nullable String code) {
}
