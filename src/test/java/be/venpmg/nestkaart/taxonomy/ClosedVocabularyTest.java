package be.venpmg.nestkaart.taxonomy;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Every value of every closed vocabulary has its Dutch label (a fast test). */
class ClosedVocabularyTest {

    @Test
    void everyValueHasALabel() {
        for (Class<? extends ClosedVocabulary> vocabulary : List.of(Reimbursement.class, AccessRoute.class,
                RecognitionLevel.class, CourseLevel.class, CourseFormat.class, PublicationStatus.class)) {
            for (ClosedVocabulary value : vocabulary.getEnumConstants()) {
                assertNotEquals(value.code(), value.label(), vocabulary.getSimpleName() + "." + value.code());
            }
        }
        assertEquals("niet_terugbetaald", Reimbursement.NIET_TERUGBETAALD.code());
        assertEquals("Via verwijzing", ClosedVocabulary.label(AccessRoute.class, "referral"));
        assertEquals("onbekend", ClosedVocabulary.label(AccessRoute.class, "onbekend"));
    }
}
