package be.venpmg.nestkaart.quality;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.util.List;

/** A quality criterion of the network, with the evidence kinds that meet it (stored comma-separated). */
@MappedEntity("quality_criterion")
public record QualityCriterion(@Id String code, int number, String title, String description, String evidenceKinds) {

    public List<String> evidenceKindList() {
        return List.of(evidenceKinds.split(","));
    }
}
