package io.skilldesigner.app.skills;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.app.SecretScan;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.HttpExportNode;
import io.skilldesigner.core.catalog.nodes.MqttExportNode;
import io.skilldesigner.core.secrets.EncryptedFileSecretStore;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.workspace.Workspace;

/** Autosaved drafts hold references, never secret values; the values go with the draft. */
class SkillDraftsSecretsTest {
    static final String PASSWORD = "draft-Pa55-8c7d";
    static final String EDITED = "draft-Pa55-edited-1a2b";
    static final String HOOK = "https://hooks.example.com/T0K3N-draft-hook";

    private final NodeCatalog catalog = NodeCatalog.standard();

    private Skill skill(String password) {
        return Skill.empty("door", "Door").withNodes(List.of(
                catalog.get(MqttExportNode.ID).newNode("mqtt").withSetting(MqttExportNode.PASSWORD, password),
                catalog.get(HttpExportNode.ID).newNode("hook").withSetting(HttpExportNode.URL_KEY, HOOK)
                        .withSecretMark(HttpExportNode.URL_KEY, true)));
    }

    @Test
    void draftsKeepReferencesAndTheirValuesLeaveWithThem(@TempDir Path tmp) throws Exception {
        EncryptedFileSecretStore store = new EncryptedFileSecretStore(tmp.resolve("store"));
        Workspace w = Workspace.open(tmp.resolve("ws"), catalog, store);
        w.saveSkill(skill(PASSWORD));
        SkillDrafts drafts = new SkillDrafts(w, catalog);
        drafts.save(skill(EDITED));
        assertEquals(List.of(), SecretScan.holding(tmp.resolve("ws"), List.of(PASSWORD, EDITED, HOOK)),
                "no workspace file holds a secret");
        // a later session finds the draft with its values; the saved skill keeps its own
        assertEquals(Optional.of(skill(EDITED)), new SkillDrafts(w, catalog).find("door"));
        assertEquals(skill(PASSWORD), w.loadSkill("door"));
        assertEquals(Optional.of(EDITED), store.get(SkillDrafts.SCOPE + "door/mqtt/" + MqttExportNode.PASSWORD));

        // a draft without the node drops its value at once
        drafts.save(skill(EDITED).withNodes(List.of(skill(EDITED).node("hook").orElseThrow())));
        assertEquals(Optional.empty(), store.get(SkillDrafts.SCOPE + "door/mqtt/" + MqttExportNode.PASSWORD));

        drafts.discard("door");
        assertEquals(Optional.empty(), store.get(SkillDrafts.SCOPE + "door/hook/" + HttpExportNode.URL_KEY));
        assertEquals(Optional.empty(), drafts.find("door"));
        assertEquals(skill(PASSWORD), w.loadSkill("door"), "discarding the draft leaves the skill's secrets");
        w.deleteSkill("door");
        assertEquals(Optional.empty(), store.get("door/mqtt/" + MqttExportNode.PASSWORD));
    }
}
