package io.skilldesigner.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.catalog.nodes.FilterNode;
import io.skilldesigner.core.catalog.nodes.LineCrossingNode;
import io.skilldesigner.core.skill.Acceleration;
import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillBasics;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;

class SkillMigrationsTest {
    private final SkillJson json = new SkillJson(NodeCatalog.standard());

    private static final String V0 = """
            {
              "id": "legacy",
              "name": "Legacy",
              "fps": 10,
              "acceleration": "nvidia-dgpu",
              "nodes": [
                {"id": "cam", "type": "camera-input", "position": {"x": 1, "y": 2},
                 "settings": {"sourceKind": "file", "filePath": "door.mp4"}},
                {"id": "flt", "type": "filter", "settings": {"minConfidence": "0.3"}},
                {"id": "flt2", "type": "filter"}
              ],
              "edges": [
                {"source": "cam", "target": "flt"},
                {"source": {"node": "flt", "route": "f"}, "target": {"node": "flt2", "route": "f"}}
              ]
            }
            """;

    @Test
    void versionZeroIsUpgradedToTheCurrentLayout() throws Exception {
        Skill skill = json.read(V0, "legacy.skill.json");
        Skill expected = new Skill(0, "legacy", "Legacy", "", new SkillBasics(10, Acceleration.NVIDIA_DGPU),
                List.of(), Map.of(), List.of(
                new SkillNode("cam", CameraInputNode.ID, "", Map.of(CameraInputNode.SOURCE_KIND, "file",
                        CameraInputNode.FILE_PATH_KEY, "door.mp4"), new Position(1, 2)),
                new SkillNode("flt", FilterNode.ID, "", Map.of(FilterNode.MIN_CONFIDENCE, 0.3), null),
                new SkillNode("flt2", FilterNode.ID, "", Map.of(), null)),
                List.of(SkillEdge.of("cam", "f", "flt", "f"), SkillEdge.of("flt", "f", "flt2", "f")));
        assertEquals(expected, skill, "read from version 0: the value says so");
        // saved again it is a current file
        String saved = json.write(skill);
        assertEquals(expected.withFormatVersion(Skill.CURRENT_FORMAT_VERSION), json.read(saved, "x.skill.json"));
        assertEquals(saved, json.write(json.read(saved, "x.skill.json")));
    }

    @Test
    void explicitVersionZeroIsTheSame() throws Exception {
        Skill implicit = json.read(V0, "a.skill.json");
        Skill explicit = json.read(V0.replaceFirst("\\{", "{\"formatVersion\": 0,"), "a.skill.json");
        assertEquals(implicit, explicit);
    }

    @Test
    void errorsInMigratedValuesStillNameTheirLine() {
        String bad = V0.replace("\"fps\": 10", "\"fps\": \"ten\"");
        FileFormatException e = assertThrows(FileFormatException.class, () -> json.read(bad, "l.skill.json"));
        assertEquals("l.skill.json line 4, column 10: basics.desiredFps: expected a number, got 'ten'",
                e.getMessage());
        String noTarget = V0.replace("\"target\": \"flt\"", "\"to_\": \"flt\"");
        FileFormatException e2 = assertThrows(FileFormatException.class, () -> json.read(noTarget, "l.skill.json"));
        assertEquals("edges[0].to", e2.field());
        assertEquals("missing", e2.detail());
        assertEquals(13, e2.line());
    }

    @Test
    void aChainMustCoverEveryVersion() {
        SkillMigrations.Migration step = new SkillMigrations.Migration() {
            @Override
            public int from() {
                return 1;
            }

            @Override
            public JsonObject apply(JsonObject document) {
                return document;
            }
        };
        assertThrows(IllegalArgumentException.class, () -> new SkillMigrations(1, List.of(step)));
        assertThrows(IllegalArgumentException.class, () -> new SkillMigrations(2, List.of(step)));
    }

    @Test
    void aCustomChainRunsEveryStepInOrder() throws Exception {
        SkillMigrations.Migration v1to2 = new SkillMigrations.Migration() {
            @Override
            public int from() {
                return 1;
            }

            @Override
            public JsonObject apply(JsonObject document) {
                document.addProperty("name", document.get("name").getAsString() + " (v2)");
                return document;
            }
        };
        SkillMigrations chain = new SkillMigrations(2, List.of(SkillMigrations.standard().steps().get(0), v1to2));
        Skill skill = new SkillJson(NodeCatalog.standard(), chain).read(V0, "a.skill.json");
        assertEquals("Legacy (v2)", skill.name());
        assertEquals(new SkillBasics(10, Acceleration.NVIDIA_DGPU), skill.basics());
    }

    private static final String V1_LINES = """
            {
              "formatVersion": 1,
              "id": "lines",
              "nodes": [
                {"id": "old", "type": "line-crossing", "settings": {"lineName": "door"}},
                {"id": "bare", "type": "line-crossing"},
                {"id": "chosen", "type": "line-crossing", "settings": {"inSide": "left"}},
                {"id": "flt", "type": "filter", "settings": {"minConfidence": 0.3}}
              ],
              "edges": []
            }
            """;

    @Test
    void versionOneLinesKeepTheirInSideWhichWasTheRightOfAToB() throws Exception {
        Skill skill = json.read(V1_LINES, "lines.skill.json");
        assertEquals("right", skill.node("old").orElseThrow().setting(LineCrossingNode.IN_SIDE));
        assertEquals("door", skill.node("old").orElseThrow().setting(LineCrossingNode.LINE_NAME));
        assertEquals("right", skill.node("bare").orElseThrow().setting(LineCrossingNode.IN_SIDE));
        assertEquals("left", skill.node("chosen").orElseThrow().setting(LineCrossingNode.IN_SIDE),
                "an explicit value is kept");
        assertEquals(Map.of(FilterNode.MIN_CONFIDENCE, 0.3), skill.node("flt").orElseThrow().settings(),
                "other node types are untouched");
        // a current file without the setting means the catalog default (supervision's side): no migration runs
        String current = V1_LINES.replace("\"formatVersion\": 1", "\"formatVersion\": " + Skill.CURRENT_FORMAT_VERSION);
        assertEquals(null, json.read(current, "lines.skill.json").node("old").orElseThrow()
                .setting(LineCrossingNode.IN_SIDE));
        assertEquals(-1, new LineCrossingNode().inSide(Map.of()), "default: left of A to B");
        assertEquals(1, new LineCrossingNode().inSide(skill.node("old").orElseThrow().settings()));
    }
}
