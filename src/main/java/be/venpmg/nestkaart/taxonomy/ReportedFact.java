package be.venpmg.nestkaart.taxonomy;

/**
 * What a person says is wrong on a public page ("meld een wijziging"): the phone number, the address, the opening
 * hours, the waiting time, that it closed, or something else. Codes and labels: see {@link ClosedVocabulary}.
 */
public enum ReportedFact implements ClosedVocabulary {
    PHONE, ADDRESS, HOURS, WAITING_TIME, CLOSED, OTHER
}
