package io.skilldesigner.core.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.catalog.nodes.FilterNode;
import io.skilldesigner.core.io.AtomicFileWriter;
import io.skilldesigner.core.io.FileFormatException;
import io.skilldesigner.core.io.UnsupportedFormatVersionException;
import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;

class WorkspaceTest {
    @TempDir
    Path dir;

    private Workspace open() throws Exception {
        return Workspace.open(dir, NodeCatalog.standard());
    }

    private static Skill skill(String id, double minConfidence) {
        return Skill.empty(id, "Skill " + id)
                .withNode(new SkillNode("cam", CameraInputNode.ID, "", Map.of(), null))
                .withNode(new SkillNode("flt", FilterNode.ID, "", Map.of(FilterNode.MIN_CONFIDENCE, minConfidence),
                        null))
                .withEdge(SkillEdge.of("cam", "f", "flt", "f"));
    }

    private static ModelDescriptor model(String id, ModelTask task) {
        return new ModelDescriptor(id, id, task, null, FileLocation.local("/m/" + id + ".onnx"), null, null, null,
                null, null, null);
    }

    @Test
    void savesLoadsListsAndDeletesSkillsByIdBasedFileNames() throws Exception {
        Workspace ws = open();
        assertTrue(Files.isDirectory(dir.resolve("skills")) && Files.isDirectory(dir.resolve("models")));
        Path f = ws.saveSkill(skill("door", 0.5));
        assertEquals(dir.resolve("skills/door.skill.json").toAbsolutePath().normalize(), f);
        ws.saveSkill(skill("yard", 0.25));
        assertEquals(skill("door", 0.5), ws.loadSkill("door"));
        Listing<Skill> all = ws.listSkills();
        assertEquals(List.of("door", "yard"), all.items().stream().map(Skill::id).toList());
        assertEquals(List.of(), all.errors());

        ws.saveSkill(skill("door", 0.75));
        assertEquals(0.75, ws.loadSkill("door").nodes().get(1).setting(FilterNode.MIN_CONFIDENCE));
        assertTrue(Files.readString(AtomicFileWriter.backupOf(f)).contains("\"minConfidence\": 0.5"), "backup");
        assertEquals(1, ws.listSkills().items().stream().filter(s -> s.id().equals("door")).count(),
                "the backup is not listed");

        assertTrue(ws.deleteSkill("door"));
        assertFalse(Files.exists(f));
        assertFalse(Files.exists(AtomicFileWriter.backupOf(f)));
        assertFalse(ws.deleteSkill("door"));
        assertThrows(NoSuchFileException.class, () -> ws.loadSkill("door"));
        assertEquals(List.of("yard"), ws.listSkills().items().stream().map(Skill::id).toList());
    }

    @Test
    void aCorruptSkillIsReportedAndTheOthersStillLoad() throws Exception {
        Workspace ws = open();
        ws.saveSkill(skill("a-good", 0.5));
        ws.saveSkill(skill("c-good", 0.5));
        String text = Files.readString(ws.skillFile("a-good")).replace("\"a-good\"", "\"b-broken\"")
                .replace("\"minConfidence\": 0.5", "\"minConfidence\": \"abc\"");
        Files.writeString(dir.resolve("skills/b-broken.skill.json"), text);
        Files.writeString(dir.resolve("skills/d-truncated.skill.json"), text.substring(0, text.length() / 2));
        Files.writeString(dir.resolve("skills/e-renamed.skill.json"), Files.readString(ws.skillFile("c-good")));
        Files.writeString(dir.resolve("skills/.c-good.skill.json.0b7a8a1e-1c0c-4d7e-8f57-9f2a8f3a1b2c.tmp"), "{");
        Files.writeString(dir.resolve("skills/notes.txt"), "not a skill");

        Listing<Skill> listing = ws.listSkills();
        assertEquals(List.of("a-good", "c-good"), listing.items().stream().map(Skill::id).toList());
        assertEquals(3, listing.errors().size(), listing.errors().toString());

        LoadError broken = listing.errors().get(0);
        assertEquals(dir.resolve("skills/b-broken.skill.json").toAbsolutePath().normalize(), broken.file());
        int line = (int) text.substring(0, text.indexOf("\"abc\"")).chars().filter(c -> c == '\n').count() + 1;
        int column = text.indexOf("\"abc\"") - text.lastIndexOf('\n', text.indexOf("\"abc\""));
        assertEquals("skills/b-broken.skill.json line " + line + ", column " + column
                + ": nodes[1].settings.minConfidence: expected a number, got 'abc'", broken.message());

        assertTrue(listing.errors().get(1).message().startsWith("skills/d-truncated.skill.json line "),
                listing.errors().get(1).message());
        assertEquals("skills/e-renamed.skill.json: id: id 'c-good' does not match the file name; expected"
                + " 'e-renamed'", listing.errors().get(2).message());

        FileFormatException e = assertThrows(FileFormatException.class, () -> ws.loadSkill("b-broken"));
        assertEquals(broken.message(), e.getMessage());
    }

    @Test
    void aFileFromANewerVersionIsReportedAndNeverOverwritten() throws Exception {
        Workspace ws = open();
        ws.saveSkill(skill("future", 0.5));
        Path f = ws.skillFile("future");
        String newer = Files.readString(f).replace("\"formatVersion\": 2", "\"formatVersion\": 3")
                .replace("\"nodes\"", "\"holograms\": [1, 2],\n  \"nodes\"");
        Files.writeString(f, newer);
        byte[] before = Files.readAllBytes(f);

        Listing<Skill> listing = ws.listSkills();
        assertEquals(List.of(), listing.items());
        assertEquals("skills/future.skill.json line 2, column 20: formatVersion: format version 3 is newer than this"
                + " Skill Designer supports (2); open it with a newer version. The file was left unchanged",
                listing.errors().get(0).message());

        UnsupportedFormatVersionException e = assertThrows(UnsupportedFormatVersionException.class,
                () -> ws.saveSkill(skill("future", 0.9)));
        assertTrue(e.getMessage().startsWith("skills/future.skill.json: formatVersion: format version 3 is newer"),
                e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(f), "nothing overwritten");
    }

    @Test
    void savingOverACorruptFileKeepsTheLastGoodBackup() throws Exception {
        Workspace ws = open();
        ws.saveSkill(skill("s", 0.1));
        ws.saveSkill(skill("s", 0.2));
        Files.writeString(ws.skillFile("s"), "{ half a fi");
        ws.saveSkill(skill("s", 0.3));
        assertEquals(skill("s", 0.3), ws.loadSkill("s"));
        assertTrue(Files.readString(AtomicFileWriter.backupOf(ws.skillFile("s"))).contains("\"minConfidence\": 0.1"),
                "the corrupt file did not replace the good backup");
    }

    @Test
    void modelsAndTheirLibraryView() throws Exception {
        Workspace ws = open();
        ws.saveModel(model("det", ModelTask.DETECTION));
        ws.saveModel(model("cls", ModelTask.CLASSIFICATION));
        Files.writeString(dir.resolve("models/bad.model.json"), "{\"formatVersion\": 1, \"id\": \"bad\"}");
        var library = ws.modelLibrary();
        assertEquals(model("det", ModelTask.DETECTION), library.find("det").orElseThrow());
        assertEquals(List.of("cls", "det"), library.all().stream().map(ModelDescriptor::id).toList());
        assertTrue(library.find("bad").isEmpty(), "a corrupt model is not offered");
        assertTrue(library.find("../skills/x").isEmpty());
        Listing<ModelDescriptor> listing = ws.listModels();
        assertEquals("models/bad.model.json line 1, column 1: task: missing", listing.errors().get(0).message());

        ws.deleteModel("det");
        assertTrue(library.find("det").isEmpty(), "the view follows the folder");
        ws.saveModel(model("new", ModelTask.DETECTION));
        assertTrue(library.find("new").isPresent());
        assertEquals(model("cls", ModelTask.CLASSIFICATION), ws.loadModel("cls"));
    }

    @Test
    void settings() throws Exception {
        Workspace ws = open();
        assertEquals(WorkspaceSettings.empty(), ws.loadSettings());
        WorkspaceSettings s = WorkspaceSettings.empty().with("lastSkill", "door").with("theme", "dark");
        ws.saveSettings(s);
        assertEquals(s, ws.loadSettings());
        assertEquals(s, Workspace.open(dir, NodeCatalog.standard()).loadSettings());
        Files.writeString(dir.resolve("settings.json"), "{\"formatVersion\": 1, \"values\": {\"a\": [1]}}");
        assertEquals("settings.json line 1, column 38: values.a: expected text, got a list",
                assertThrows(FileFormatException.class, ws::loadSettings).getMessage());
    }

    @Test
    void idsMustBeSafeFileNames() throws Exception {
        Workspace ws = open();
        for (String bad : List.of("../escape", "a/b", ".hidden", "", "a\\b")) {
            assertThrows(IllegalArgumentException.class, () -> ws.saveSkill(skill("x", 0.5).withId(bad)), bad);
        }
        assertTrue(ws.listSkills().items().isEmpty());
        assertFalse(Files.exists(dir.resolve("escape.skill.json")));
    }
}
