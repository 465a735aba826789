package io.skilldesigner.core.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.GrpcCustomNode;
import io.skilldesigner.core.catalog.nodes.HttpExportNode;
import io.skilldesigner.core.diff.SkillChange;
import io.skilldesigner.core.diff.SkillDiff;
import io.skilldesigner.core.diff.SkillDiffer;
import io.skilldesigner.core.io.SkillJson;
import io.skilldesigner.core.kan.KanExport;
import io.skilldesigner.core.kan.KanSkillWriter;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.workspace.Workspace;

/**
 * The user's explicit "secret" tick: a value whose name does not look secret can be marked, a false positive of
 * the name heuristic can be un-marked; the store, the file format, KAN export and diff honour it.
 */
class SecretMarksTest {
    /** A webhook URL with its token in the path: nothing in its name or form says "secret". */
    static final String HOOK = "https://hooks.example.com/services/T0K3N-hook-8h2k1x";
    /** Named like a secret by the heuristic ("session"), but only a timeout. */
    static final String FALSE_POSITIVE = "SESSION_TIMEOUT";
    /** Not named like a secret, but the user knows it is one. */
    static final String LICENCE = "LICENCE_CODE";
    static final String LICENCE_VALUE = "LIC-9f8e7d6c5b4a-plain-looking";

    private final NodeCatalog catalog = NodeCatalog.standard();

    private Skill skill() {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put(FALSE_POSITIVE, "30");
        env.put(LICENCE, LICENCE_VALUE);
        env.put("DB_PASS", "db-Pa55-77q");
        return Skill.empty("door", "Door").withNodes(List.of(
                catalog.get(HttpExportNode.ID).newNode("hook").withSetting(HttpExportNode.URL_KEY, HOOK)
                        .withSecretMark(HttpExportNode.URL_KEY, true),
                catalog.get(GrpcCustomNode.ID).newNode("custom").withSetting(GrpcCustomNode.ENV, env)
                        .withSecretMark(Secrecy.path(GrpcCustomNode.ENV, FALSE_POSITIVE), false)
                        .withSecretMark(Secrecy.path(GrpcCustomNode.ENV, LICENCE), true)));
    }

    @Test
    void marksRoundTripThroughTheFileFormat() throws Exception {
        SkillJson json = new SkillJson(catalog);
        Skill back = json.read(json.write(skill()), "door.skill.json");
        assertEquals(skill(), back);
        assertEquals(Optional.of(true), back.node("hook").orElseThrow().secretMark(HttpExportNode.URL_KEY));
        assertTrue(json.write(skill()).contains("\"secretMarks\""));
        // a node without ticks writes no secretMarks: files from before stay byte for byte the same
        assertFalse(json.write(Skill.empty("x", "X").withNodes(List.of(catalog.get(HttpExportNode.ID)
                .newNode("h")))).contains("secretMarks"));
    }

    @Test
    void theStoreTakesTickedValuesAndLeavesUnTickedOnes(@TempDir Path tmp) throws Exception {
        EncryptedFileSecretStore store = new EncryptedFileSecretStore(tmp.resolve("store"));
        Workspace w = Workspace.open(tmp.resolve("ws"), catalog, store);
        Path f = w.saveSkill(skill());
        String text = Files.readString(f);
        assertFalse(text.contains(HOOK), "the ticked URL is not in the file");
        assertFalse(text.contains(LICENCE_VALUE), "the ticked entry is not in the file");
        assertFalse(text.contains("db-Pa55-77q"), "the entry named like a secret is not in the file");
        assertTrue(text.contains("\"" + FALSE_POSITIVE + "\": \"30\""), "the un-ticked entry stays: " + text);
        assertEquals(Optional.of(HOOK), store.get("door/hook/" + HttpExportNode.URL_KEY));
        assertEquals(Optional.of(LICENCE_VALUE), store.get("door/custom/env/" + LICENCE));
        assertEquals(Optional.empty(), store.get("door/custom/env/" + FALSE_POSITIVE));
        assertEquals(skill(), w.loadSkill("door"), "loads back with its values and ticks");
    }

    @Test
    void tickingAValueSavedInPlainTextLeavesNoCopyInTheBackup(@TempDir Path tmp) throws Exception {
        EncryptedFileSecretStore store = new EncryptedFileSecretStore(tmp.resolve("store"));
        Workspace w = Workspace.open(tmp.resolve("ws"), catalog, store);
        Skill unTicked = skill().updateNode("custom", n -> n.withSecretMark(Secrecy.path(GrpcCustomNode.ENV, LICENCE),
                false));
        Path f = w.saveSkill(unTicked);
        assertTrue(Files.readString(f).contains(LICENCE_VALUE), "un-ticked, the value was written as is");
        w.saveSkill(unTicked.withName("Door 2")); // the backup now holds the plain value too
        Path bak = io.skilldesigner.core.io.AtomicFileWriter.backupOf(f);
        assertTrue(Files.readString(bak).contains(LICENCE_VALUE));

        w.saveSkill(skill());
        assertFalse(Files.readString(f).contains(LICENCE_VALUE), "ticked, the value left the file");
        assertFalse(Files.exists(bak) && Files.readString(bak).contains(LICENCE_VALUE),
                "nor does the backup keep it");
        assertEquals(Optional.of(LICENCE_VALUE), store.get("door/custom/env/" + LICENCE));
        w.saveSkill(skill().withName("Door 3"));
        assertTrue(Files.isRegularFile(bak), "the next save keeps a backup again");
        assertFalse(Files.readString(bak).contains(LICENCE_VALUE));
    }

    @Test
    void createOptionsWithASecretEnvEntryAreKeptInTheStore(@TempDir Path tmp) throws Exception {
        EncryptedFileSecretStore store = new EncryptedFileSecretStore(tmp.resolve("store"));
        Workspace w = Workspace.open(tmp.resolve("ws"), catalog, store);
        String plainOptions = "{\"Env\":[\"LOG_LEVEL=debug\"],\"HostConfig\":{\"Privileged\":false}}";
        String secretOptions = "{\"Env\":[\"LOG_LEVEL=debug\",\"LICENCE_CODE=" + LICENCE_VALUE
                + "\",\"STRIPE_KEY=sk_live_51Hx\"]}";
        Skill plain = skill().updateNode("custom", n -> n.withSetting(GrpcCustomNode.CREATE_OPTIONS, plainOptions));
        String text = Files.readString(w.saveSkill(plain));
        assertTrue(text.contains("LOG_LEVEL=debug"), "no secret entry: the create options stay in the file");

        Skill ticked = skill().updateNode("custom", n -> n.withSetting(GrpcCustomNode.CREATE_OPTIONS, secretOptions)
                .withSecretMark(Secrecy.path(GrpcCustomNode.CREATE_OPTIONS, "LICENCE_CODE"), true));
        Path f = w.saveSkill(ticked);
        text = Files.readString(f);
        assertFalse(text.contains(LICENCE_VALUE), "the ticked Env entry is not in the file: " + text);
        assertFalse(text.contains("sk_live_51Hx"), "nor the entry named like a secret");
        assertEquals(Optional.of(secretOptions), store.get("door/custom/" + GrpcCustomNode.CREATE_OPTIONS));
        assertEquals(ticked, w.loadSkill("door"));

        Skill unTicked = ticked.updateNode("custom", n -> n.withSetting(GrpcCustomNode.CREATE_OPTIONS,
                "{\"Env\":[\"LOG_LEVEL=debug\",\"LICENCE_CODE=" + LICENCE_VALUE + "\"]}")
                .withSecretMark(Secrecy.path(GrpcCustomNode.CREATE_OPTIONS, "LICENCE_CODE"), false));
        assertTrue(Files.readString(w.saveSkill(unTicked)).contains(LICENCE_VALUE), "un-ticked, back in the file");
        assertEquals(Optional.empty(), store.get("door/custom/" + GrpcCustomNode.CREATE_OPTIONS));
    }

    @Test
    void kanExportLeavesTickedValuesOut() {
        KanExport export = new KanSkillWriter(catalog).write(skill());
        String messages = export.omissions().toString();
        for (String secret : List.of(HOOK, LICENCE_VALUE, "db-Pa55-77q")) {
            assertFalse(export.toYaml().contains(secret), "yaml holds " + secret);
            assertFalse(export.toJson().contains(secret), "json holds " + secret);
            assertFalse(messages.contains(secret), "messages hold " + secret);
        }
        assertTrue(messages.contains("'URL' is marked secret"), messages);
    }

    @Test
    void kanExportAndDiffLeaveATickedEnvEntryOfTheCreateOptionsOut() {
        Skill skill = skill().updateNode("custom", n -> n.withSetting(GrpcCustomNode.MODE, GrpcCustomNode.CONTAINER)
                .withSetting(GrpcCustomNode.CONTAINER_NAME, "lic").withSetting(GrpcCustomNode.IMAGE, "r/lic:1")
                .withSetting(GrpcCustomNode.CREATE_OPTIONS, "{\"Env\":[\"LOG_LEVEL=debug\",\"LICENCE_CODE="
                        + LICENCE_VALUE + "-opt\"]}")
                .withSecretMark(Secrecy.path(GrpcCustomNode.CREATE_OPTIONS, "LICENCE_CODE"), true));
        KanExport export = new KanSkillWriter(catalog).write(skill);
        assertFalse(export.toYaml().contains(LICENCE_VALUE + "-opt"), export.toYaml());
        assertFalse(export.toJson().contains(LICENCE_VALUE + "-opt"));
        assertFalse(export.omissions().toString().contains(LICENCE_VALUE + "-opt"));
        assertTrue(export.toJson().contains("LOG_LEVEL=debug") && export.toJson().contains("LICENCE_CODE="),
                "the create options are written, the secret entry empty: " + export.toJson());
        assertTrue(export.omissions().toString().contains("Env entry LICENCE_CODE holds a secret"),
                export.omissions().toString());

        Skill rotated = skill.updateNode("custom", n -> n.withSetting(GrpcCustomNode.CREATE_OPTIONS,
                "{\"Env\":[\"LOG_LEVEL=debug\",\"LICENCE_CODE=LIC-rotated-0001\"]}"));
        String diff = new SkillDiffer(catalog).diff(skill, rotated).changes().stream()
                .map(c -> c.oldValue() + " | " + c.newValue()).toList().toString();
        assertTrue(diff.contains("(hidden)") && !diff.contains(LICENCE_VALUE) && !diff.contains("LIC-rotated-0001"),
                "the diff says the create options changed, not the licence: " + diff);
    }

    @Test
    void diffShowsThatATickedValueChangedButNotTheValue() {
        Skill before = skill();
        Map<String, Object> env = new LinkedHashMap<>(castMap(before.node("custom").orElseThrow()
                .setting(GrpcCustomNode.ENV)));
        env.put(LICENCE, "LIC-new-value-0000");
        env.put(FALSE_POSITIVE, "60");
        Skill after = before.updateNode("hook", n -> n.withSetting(HttpExportNode.URL_KEY, HOOK + "-rotated"))
                .updateNode("custom", n -> n.withSetting(GrpcCustomNode.ENV, env)
                        .withSecretMark(Secrecy.path(GrpcCustomNode.ENV, "DB_PASS"), false));
        SkillDiff d = new SkillDiffer(catalog).diff(before, after);
        String all = d.changes().stream().map(c -> c.oldValue() + " | " + c.newValue() + " | " + c.describe()).toList().toString();
        for (String secret : List.of(HOOK, LICENCE_VALUE, "LIC-new-value-0000")) {
            assertFalse(all.contains(secret), "diff shows " + secret + ": " + all);
        }
        SkillChange url = d.changes().stream().filter(c -> c.key().equals(HttpExportNode.URL_KEY)).findFirst()
                .orElseThrow();
        assertEquals("(hidden)", url.oldValue());
        SkillChange envChange = d.changes().stream().filter(c -> c.key().equals(GrpcCustomNode.ENV)).findFirst()
                .orElseThrow();
        assertTrue(envChange.newValue().contains("\"" + LICENCE + "\":\"(hidden, changed)\""), envChange.newValue());
        assertTrue(envChange.newValue().contains("\"" + FALSE_POSITIVE + "\":\"60\""), "un-ticked entry shown");
        assertTrue(d.changes().stream().anyMatch(c -> c.key().equals("env/DB_PASS") && c.newValue().equals("not secret")),
                "a changed tick is a change: " + all);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return (Map<String, Object>) o;
    }
}
