package be.venpmg.nestkaart.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A rule version as sentences a professional reads: per level, what it asks. */
final class RulesInDutch {
    private RulesInDutch() {
    }

    /** A level's name and its requirements, one sentence each. */
    public record Level(String name, List<String> requirements, List<String> experienceRoute) {
    }

    static List<Level> levels(RuleSet rules) {
        List<Level> levels = new ArrayList<>();
        for (Map.Entry<String, RuleSet.LevelRule> entry : rules.levels().entrySet()) {
            RuleSet.LevelRule rule = entry.getValue();
            List<String> asks = new ArrayList<>();
            asks.add("Een basisopleiding uit " + (rule.basicEducationLists().size() > 1
                    ? "de prioritaire lijst of de tweede lijst" : "de prioritaire lijst") + ": "
                    + String.join(", ", rule.basicEducationLists().stream()
                    .flatMap(list -> rules.basicEducation().getOrDefault(list, Map.of()).values().stream()).toList())
                    + ".");
            asks.add("Minstens " + hours(rule.continuingEducation().minHours()) + " uur voortgezette opleiding van niveau "
                    + String.join(" of ", rule.continuingEducation().levels()) + ".");
            asks.add("Lopende deelname aan " + String.join(" of ", rule.permanentEducation().kinds().stream()
                    .map(k -> "intervision".equals(k) ? "intervisie" : "supervisie").toList()) + ".");
            if (rule.liabilityInsurance()) {
                asks.add("Een beroepsaansprakelijkheidsverzekering (eigen of via de organisatie).");
            }
            if (rule.associationMembership()) {
                asks.add("Lidmaatschap van een beroepsvereniging.");
            }
            List<String> route = new ArrayList<>();
            RuleSet.ExperienceRule experience = rule.experienceRoute();
            if (experience != null) {
                route.add("Zonder basisopleiding uit de lijst(en): minstens " + hours(experience.minYears())
                        + " jaar klinische ervaring in P.I.M.H.");
                if (experience.livedExperienceMaxYears() != null) {
                    route.add("Ervaringsdeskundigheid telt mee voor ten hoogste "
                            + hours(experience.livedExperienceMaxYears()) + " jaar, enkel naast klinische ervaring: "
                            + "nooit als enige grond.");
                }
                route.add("Ook vereist: " + String.join(", ", experience.requires().stream()
                        .map(RulesInDutch::criterion).toList()) + ".");
                route.add("De commissie van experten beslist over het dossier.");
            }
            levels.add(new Level(rule.label(), asks, route));
        }
        return levels;
    }

    private static String criterion(String code) {
        return switch (code) {
            case "continuing_education" -> "voortgezette opleiding";
            case "permanent_education" -> "intervisie of supervisie";
            case "liability_insurance" -> "beroepsaansprakelijkheidsverzekering";
            case "association_membership" -> "lidmaatschap van een beroepsvereniging";
            default -> code;
        };
    }

    private static String hours(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value).replace('.', ',');
    }
}
