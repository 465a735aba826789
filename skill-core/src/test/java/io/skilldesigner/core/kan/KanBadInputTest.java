package io.skilldesigner.core.kan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.catalog.NodeCatalog;

/** Input that cannot be imported fails with an error that says what and where. */
class KanBadInputTest {
    private final KanSkillReader reader = new KanSkillReader(NodeCatalog.standard(), KanTestData.library());
    private final String good = KanTestData.resource("kan-written-all-nodes.yaml");

    private KanFormatException fails(String text) {
        return assertThrows(KanFormatException.class, () -> reader.read(text));
    }

    @Test
    void malformedYamlNamesTheLine() {
        KanFormatException e = fails("apiVersion: ai.symphony/v1\nkind: Skill\nspec:\n  nodes:\n  - id: a\n"
                + "   type: source\n");
        assertEquals(6, e.line());
        assertTrue(e.getMessage().contains("malformed YAML at line 6"), e.getMessage());
    }

    @Test
    void malformedJsonNamesTheLine() {
        KanFormatException e = fails("{\n  \"apiVersion\": \"ai.symphony/v1\",\n  \"kind\": \"Skill\"\n  \"spec\": {}\n}");
        assertTrue(e.getMessage().contains("malformed JSON"), e.getMessage());
        assertTrue(e.getMessage().contains("line 4"), e.getMessage());
    }

    @Test
    void wrongApiVersionOrKind() {
        KanFormatException api = fails(good.replace("apiVersion: ai.symphony/v1", "apiVersion: ai.symphony/v2"));
        assertEquals("apiVersion", api.where());
        assertEquals(3, api.line());
        assertTrue(api.getMessage().contains("expected apiVersion 'ai.symphony/v1', got 'ai.symphony/v2'"),
                api.getMessage());

        KanFormatException kind = fails(good.replace("kind: Skill", "kind: Instance"));
        assertEquals("kind", kind.where());
        assertTrue(kind.getMessage().contains("got 'Instance'"), kind.getMessage());

        KanFormatException missing = fails(good.replace("kind: Skill\n", ""));
        assertTrue(missing.getMessage().contains("'kind' is missing"), missing.getMessage());

        KanFormatException notAMapping = fails("- apiVersion: ai.symphony/v1\n");
        assertTrue(notAMapping.getMessage().contains("expected a mapping"), notAMapping.getMessage());
    }

    @Test
    void badNumberNamesNodeConfigurationKeyAndLine() {
        KanFormatException e = fails(good.replace("port: \"50051\"", "port: \"fifty\""));
        assertEquals("spec.nodes[4].configurations.port", e.where());
        assertEquals(line(good, "port: \"50051\""), e.line());
        assertTrue(e.getMessage().contains("node '5'"), e.getMessage());
        assertTrue(e.getMessage().contains("'port'"), e.getMessage());
        assertTrue(e.getMessage().contains("'fifty'"), e.getMessage());
    }

    @Test
    void badPercentAndBadBoolean() {
        KanFormatException percent = fails(good.replace("confidence_threshold: \"50\"",
                "confidence_threshold: \"high\""));
        assertEquals("spec.nodes[3].configurations.confidence_threshold", percent.where());
        assertTrue(percent.getMessage().contains("node '4'") && percent.getMessage().contains("'high'"),
                percent.getMessage());

        KanFormatException bool = fails(good.replace("insights_overlay: \"true\"", "insights_overlay: \"maybe\""));
        assertEquals("spec.nodes[6].configurations.insights_overlay", bool.where());
        assertTrue(bool.getMessage().contains("node '7'") && bool.getMessage().contains("true or false"),
                bool.getMessage());

        KanFormatException labels = fails(good.replace("labels: '[\"person\",\"car\"]'", "labels: '[\"person\",'"));
        assertEquals("spec.nodes[3].configurations.labels", labels.where());
    }

    @Test
    void badBasicsAndStructure() {
        KanFormatException fps = fails(good.replace("fpsRetrieve: \"10\"", "fpsRetrieve: \"ten\""));
        assertEquals("spec.parameters.fpsRetrieve", fps.where());
        assertTrue(fps.getMessage().contains("'ten'"), fps.getMessage());

        KanFormatException noId = fails(good.replace("  - id: \"2\"\n    type: model", "  - type: model"));
        assertEquals("spec.nodes[1].id", noId.where());
        assertTrue(noId.getMessage().contains("'id' is missing"), noId.getMessage());

        KanFormatException twice = fails(good.replace("- id: \"3\"", "- id: \"2\""));
        assertTrue(twice.getMessage().contains("node id '2' is used by another node"), twice.getMessage());

        KanFormatException nodesNotAList = fails(good.replaceFirst("  nodes:\n", "  nodes: none\n  old:\n"));
        assertEquals("spec.nodes", nodesNotAList.where());
    }

    @Test
    void fileErrorsNameTheFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("broken.yaml");
        Files.writeString(file, good.replace("max_images: \"20\"", "max_images: \"twenty\""));
        KanFormatException e = assertThrows(KanFormatException.class, () -> reader.read(file));
        assertTrue(e.getMessage().startsWith(file + ": spec.nodes[2].configurations.max_images (line "),
                e.getMessage());
        assertTrue(e.getMessage().contains("node '3'"), e.getMessage());
    }

    private static int line(String text, String needle) {
        String before = text.substring(0, text.indexOf(needle));
        return (int) before.chars().filter(c -> c == '\n').count() + 1;
    }
}
