package be.venpmg.nestkaart.directory;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
@MappedEntity("address")
public record Address(@Id String id, @Nullable String locationId, @MappedProperty("address_1") @JsonProperty("address_1") @Nullable String address1,
                      @MappedProperty("address_2") @JsonProperty("address_2") @Nullable String address2, String city, @Nullable String stateProvince, String postalCode,
                      String country, String addressType, @Nullable String municipality, @Nullable String province,
                      @Nullable String eerstelijnszone) {
}
