package be.venpmg.nestkaart.guidance;

import be.venpmg.nestkaart.search.ResultCard;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The referral helper's answer: the care lines and modules the report recommends for the situation, how soon, why
 * (the deciding rule and its place in the report), and the services that offer it near the place given.
 *
 * @param rule      the rule that decided, with its sources in the report
 * @param services  services of these care lines and modules (and the concern, when any offer it) near the place
 * @param partners  the region's specialised (3de lijn) partners: the perinatal expertise in the province
 * @param searchPath the search page with the same filters, to look further
 */
@Serdeable
public record ReferralAdvice(String rulesVersion, String rule, boolean urgent, String speed,
                             @JsonInclude(JsonInclude.Include.ALWAYS) List<Term> carelines,
                             @JsonInclude(JsonInclude.Include.ALWAYS) List<Term> modules,
                             @JsonInclude(JsonInclude.Include.ALWAYS) List<Term> programmes,
                             String advice,
                             @JsonInclude(JsonInclude.Include.ALWAYS) List<String> notes,
                             @JsonInclude(JsonInclude.Include.ALWAYS) List<ReferralRules.Source> sources,
                             @Nullable Place place,
                             @JsonInclude(JsonInclude.Include.ALWAYS) List<ResultCard> services,
                             @Nullable String servicesMatch,
                             @JsonInclude(JsonInclude.Include.ALWAYS) List<ResultCard> partners,
                             String searchPath) {

    /** A taxonomy term: its code and Dutch label. */
    @Serdeable
    public record Term(String code, String label) {
    }

    /** The place the services were searched near. */
    @Serdeable
    public record Place(String postcode, String municipality, String province, @Nullable String eerstelijnszone) {
    }
}
