package be.venpmg.nestkaart.directory;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** A taxonomy term attached to a listing through an HSDS attribute. */
@Introspected
public record LinkedTerm(String linkId, String taxonomy, String termId, @Nullable String code, String name) {
}
