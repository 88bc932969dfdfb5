package be.venpmg.nestkaart.directory;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;

@Serdeable
@MappedEntity("cost_option")
public record CostOption(@Id String id, @Nullable String serviceId, @Nullable String optionText,
                         @Nullable String currency, @Nullable BigDecimal amount, @Nullable String amountDescription,
                         @Nullable String reimbursement) {
}
