package io.skilldesigner.core.kan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.validation.Problem;
import io.skilldesigner.core.validation.SkillValidator;

/** A skill KAN wrote imports as a skill our validator accepts (no errors; unset parameters are warnings). */
class KanImportValidatesTest {
    private final NodeCatalog catalog = NodeCatalog.standard();

    @ParameterizedTest
    @ValueSource(strings = {"kan-written-all-nodes.yaml", "kan-written-all-nodes.json"})
    void importedKanSkillHasNoValidationErrors(String fixture) throws Exception {
        KanImport imported = new KanSkillReader(catalog, KanTestData.library()).read(KanTestData.resource(fixture));
        List<Problem> errors = new SkillValidator(catalog, KanTestData.library()).validate(imported.skill())
                .stream().filter(Problem::isError).toList();
        assertEquals(List.of(), errors);
    }
}
