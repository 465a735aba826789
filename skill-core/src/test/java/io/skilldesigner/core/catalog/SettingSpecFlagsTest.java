package io.skilldesigner.core.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.skilldesigner.core.catalog.nodes.FilterNode;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.catalog.nodes.VideoSnippetExportNode;

class SettingSpecFlagsTest {
    @Test
    void theSecretFlagIsTheSourceOfTruthAndTheSecretTypeAlwaysSetsIt() {
        assertTrue(SettingSpec.builder("password", SettingType.SECRET).build().isSecret());
        assertTrue(SettingSpec.builder("webhook", SettingType.URL).secret().build().isSecret());
        // A secret-looking name alone does not make a setting secret: only the flag does.
        assertFalse(SettingSpec.builder("apiKey", SettingType.TEXT).build().isSecret());
        assertTrue(SettingSpec.nameLooksSecret("apiKey"));
        assertFalse(SettingSpec.nameLooksSecret("labels"));
    }

    @Test
    void labelPickerAndDirectoryFlagsOnlyFitTheirTypes() {
        assertTrue(SettingSpec.builder("labels", SettingType.STRING_LIST).picksLabels().build().picksLabels());
        assertTrue(SettingSpec.builder("out", SettingType.FILE_PATH).directory().build().directory());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SettingSpec.builder("labels", SettingType.TEXT).picksLabels().build());
        assertTrue(e.getMessage().contains("'labels'"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> SettingSpec.builder("dir", SettingType.TEXT).directory().build());
    }

    @Test
    void theCatalogDeclaresItsPickersAndFoldersAndFindsModelReferencesByType() {
        NodeCatalog catalog = NodeCatalog.standard();
        assertTrue(catalog.get(FilterNode.ID).setting(FilterNode.LABELS).orElseThrow().picksLabels());
        assertTrue(catalog.get(VideoSnippetExportNode.ID).setting(VideoSnippetExportNode.OUTPUT_FOLDER)
                .orElseThrow().directory());
        assertEquals(List.of(ModelNode.MODEL), catalog.settingKeysOfType(ModelNode.ID, SettingType.MODEL_REF));
        assertEquals(List.of(), catalog.settingKeysOfType(FilterNode.ID, SettingType.MODEL_REF));
        assertEquals(List.of(), catalog.settingKeysOfType("no-such-type", SettingType.MODEL_REF));
    }
}
