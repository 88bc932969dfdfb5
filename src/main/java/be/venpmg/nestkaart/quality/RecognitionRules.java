package be.venpmg.nestkaart.quality;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Applies one {@link RuleSet} to a professional's evidence. Pure: no database, no clock; the caller passes the day.
 * A level is reached by the education route (basic education from an accepted list plus criteria 2–5) or by the
 * experience route (enough years in P.I.M.H., the criteria the route requires, and an approved committee file).
 */
public final class RecognitionRules {
    public static final String BASIS = be.venpmg.nestkaart.taxonomy.RecognitionLevel.BASISZORGVERLENER.code();
    public static final String SPECIALISED = be.venpmg.nestkaart.taxonomy.RecognitionLevel.GESPECIALISEERD.code();
    /** Highest first: the first level reached is the recognition. */
    private static final List<String> LEVELS = List.of(SPECIALISED, BASIS);

    private RecognitionRules() {
    }

    public static Assessment assess(RuleSet rules, List<Evidence> evidence, Set<String> committeeApproved,
                                    LocalDate day) {
        List<Evidence> current = evidence.stream().filter(e -> e.currentOn(day)).toList();
        Map<String, List<Assessment.Reason>> reasons = new LinkedHashMap<>();
        List<String> awaitingCommittee = new ArrayList<>();
        String level = null;
        String route = null;
        LocalDate validUntil = null;
        for (String name : LEVELS) {
            RuleSet.LevelRule rule = rules.levels().get(name);
            if (rule == null) {
                continue;
            }
            List<Assessment.Reason> list = new ArrayList<>();
            List<Evidence> used = new ArrayList<>();
            Optional<Evidence> education = current.stream().filter(e -> "basic_education".equals(e.kind()))
                    .filter(e -> rule.basicEducationLists().contains(rules.listOf(e.qualification()))).findFirst();
            list.add(basicEducation(rules, rule, current, education));
            boolean continuing = continuing(rule, current, list, used);
            boolean permanent = permanent(rule, current, list, used);
            boolean insurance = required(rule.liabilityInsurance(), "liability_insurance", current, list, used,
                    "Beroepsaansprakelijkheidsverzekering");
            boolean membership = required(rule.associationMembership(), "association_membership", current, list, used,
                    "Lidmaatschap van een beroepsvereniging");
            Map<String, Boolean> met = Map.of("continuing_education", continuing, "permanent_education", permanent,
                    "liability_insurance", insurance, "association_membership", membership);
            String reached = null;
            if (education.isPresent() && continuing && permanent && insurance && membership) {
                reached = "education";
                used.add(education.get());
            } else if (education.isEmpty()) {
                reached = experienceRoute(name, rule.experienceRoute(), current, met, committeeApproved, list, used,
                        awaitingCommittee);
            }
            reasons.put(name, list);
            if (reached != null && level == null) {
                level = name;
                route = reached;
                validUntil = used.stream().map(Evidence::expiresOn).filter(Objects::nonNull)
                        .min(Comparator.naturalOrder()).orElse(null);
            }
        }
        return new Assessment(level, route, validUntil, rules.version(), reasons, awaitingCommittee);
    }

    private static Assessment.Reason basicEducation(RuleSet rules, RuleSet.LevelRule rule, List<Evidence> current,
                                                    Optional<Evidence> accepted) {
        if (accepted.isPresent()) {
            String list = rules.listOf(accepted.get().qualification());
            return new Assessment.Reason("basic_education", true, rules.educationName(accepted.get().qualification())
                    + ("priority".equals(list) ? " (prioritaire lijst)" : " (tweede lijst)"));
        }
        Optional<Evidence> other = current.stream().filter(e -> "basic_education".equals(e.kind()))
                .filter(e -> rules.listOf(e.qualification()) != null).findFirst();
        return new Assessment.Reason("basic_education", false, other
                .map(e -> rules.educationName(e.qualification()) + " staat op een lijst die voor dit niveau niet volstaat")
                .orElse("Geen aanvaarde basisopleiding uit de lijsten"));
    }

    private static boolean continuing(RuleSet.LevelRule rule, List<Evidence> current, List<Assessment.Reason> reasons,
                                      List<Evidence> used) {
        RuleSet.ContinuingRule need = rule.continuingEducation();
        List<Evidence> counted = current.stream().filter(e -> "continuing_education".equals(e.kind()))
                .filter(e -> e.level() != null && need.levels().contains(e.level())).toList();
        double hours = counted.stream().map(Evidence::hours).filter(Objects::nonNull)
                .mapToDouble(BigDecimal::doubleValue).sum();
        boolean met = hours >= need.minHours();
        reasons.add(new Assessment.Reason("continuing_education", met, String.format(java.util.Locale.ROOT,
                "%s uur voortgezette opleiding van niveau %s; nodig: %s uur", trim(hours),
                String.join(" of ", need.levels()), trim(need.minHours()))));
        if (met) {
            used.addAll(counted);
        }
        return met;
    }

    private static boolean permanent(RuleSet.LevelRule rule, List<Evidence> current, List<Assessment.Reason> reasons,
                                     List<Evidence> used) {
        List<String> kinds = rule.permanentEducation().kinds();
        Optional<Evidence> found = current.stream().filter(e -> kinds.contains(e.kind())).findFirst();
        String wanted = String.join(" of ", kinds.stream().map(k -> "intervision".equals(k) ? "intervisie"
                : "supervisie").toList());
        reasons.add(new Assessment.Reason("permanent_education", found.isPresent(), found.isPresent()
                ? "Deelname aan " + ("intervision".equals(found.get().kind()) ? "intervisie" : "supervisie")
                : "Geen lopende deelname aan " + wanted));
        found.ifPresent(used::add);
        return found.isPresent();
    }

    private static boolean required(boolean required, String kind, List<Evidence> current,
                                    List<Assessment.Reason> reasons, List<Evidence> used, String label) {
        if (!required) {
            return true;
        }
        Optional<Evidence> found = current.stream().filter(e -> kind.equals(e.kind())).findFirst();
        reasons.add(new Assessment.Reason(kind, found.isPresent(),
                found.map(e -> label + " (" + e.issuer() + ")").orElse(label + ": geen geldig bewijs")));
        found.ifPresent(used::add);
        return found.isPresent();
    }

    private static String experienceRoute(String level, RuleSet.ExperienceRule rule, List<Evidence> current,
                                          Map<String, Boolean> met, Set<String> committeeApproved,
                                          List<Assessment.Reason> reasons, List<Evidence> used,
                                          List<String> awaitingCommittee) {
        if (rule == null) {
            return null;
        }
        List<Evidence> experience = current.stream().filter(e -> "clinical_experience".equals(e.kind())).toList();
        double clinical = years(experience);
        List<Evidence> lived = current.stream().filter(e -> "lived_experience".equals(e.kind())).toList();
        double livedCounted = rule.livedYearsCounted(clinical, years(lived));
        double years = clinical + livedCounted;
        boolean enoughYears = years >= rule.minYears();
        boolean requirements = rule.requires().stream().allMatch(c -> met.getOrDefault(c, false));
        boolean approved = committeeApproved.contains(level);
        String detail = trim(clinical) + " jaar klinische ervaring in P.I.M.H."
                + (livedCounted > 0 ? " en " + trim(livedCounted) + " jaar ervaringsdeskundigheid" : "")
                + "; nodig: " + trim(rule.minYears())
                + (lived.isEmpty() || livedCounted > 0 ? "" : "; ervaringsdeskundigheid telt enkel mee naast klinische "
                + "ervaring, nooit als enige grond")
                + (requirements ? "" : "; criteria " + String.join(", ", rule.requires()) + " moeten vervuld zijn");
        if (enoughYears && requirements && !approved) {
            awaitingCommittee.add(level);
            detail += "; wacht op de beslissing van de commissie van experten";
        } else if (enoughYears && requirements) {
            detail += "; goedgekeurd door de commissie van experten";
        }
        boolean reached = enoughYears && requirements && approved;
        reasons.add(new Assessment.Reason("clinical_experience", reached, detail));
        if (reached) {
            used.addAll(experience);
            if (livedCounted > 0) {
                used.addAll(lived);
            }
            Predicate<Evidence> relevant = e -> rule.requires().contains(kindCriterion(e.kind()));
            current.stream().filter(relevant).filter(e -> !used.contains(e)).forEach(used::add);
            return "experience";
        }
        return null;
    }

    private static double years(List<Evidence> evidence) {
        return evidence.stream().map(Evidence::years).filter(Objects::nonNull).mapToDouble(BigDecimal::doubleValue)
                .sum();
    }

    private static String kindCriterion(String kind) {
        return switch (kind) {
            case "intervision", "supervision" -> "permanent_education";
            default -> kind;
        };
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
