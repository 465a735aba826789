package io.skilldesigner.canvas.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.skilldesigner.canvas.TestSkills;
import io.skilldesigner.core.skill.Skill;

class UpstreamLabelsTest {
    @Test
    void aFilterAfterDetectorAndClassifierOffersTheDetectorsLabels() {
        // objects carry the detector's labels; the classifier's ("red", ...) are attributes the filter never sees
        assertEquals(List.of("car", "truck", "bus"),
                UpstreamLabels.of(io.skilldesigner.core.catalog.NodeCatalog.standard(), TestSkills.realistic(), "filter-1", TestSkills::labelsOf));
    }

    @Test
    void withoutADetectorUpstreamTheClassifiersLabelsAreOffered() {
        Skill onlyClassifier = TestSkills.realistic().withoutNode("model-1");
        assertEquals(List.of("red", "blue", "white"),
                UpstreamLabels.of(io.skilldesigner.core.catalog.NodeCatalog.standard(), onlyClassifier, "filter-1", TestSkills::labelsOf));
    }
}
