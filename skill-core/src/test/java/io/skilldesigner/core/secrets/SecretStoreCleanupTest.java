package io.skilldesigner.core.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.GrpcCustomNode;
import io.skilldesigner.core.catalog.nodes.MqttExportNode;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.workspace.Workspace;

/**
 * No orphans: the secret store holds what the skill files refer to, nothing else. Removing a node, an entry or a
 * tick, or deleting the skill, removes the values from the store. Run on the encrypted file here and on a real
 * Secret Service in {@link SecretServiceStoreTest}.
 */
class SecretStoreCleanupTest {
    static final String MQTT_REF = "door/mqtt/" + MqttExportNode.PASSWORD;
    static final String ENV_REF = "door/custom/env/API_TOKEN";
    static final String TICK_REF = "door/custom/env/PLAIN_NAME";

    static Skill skill(NodeCatalog catalog) {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("API_TOKEN", "tok-123-secret");
        env.put("PLAIN_NAME", "ticked-value-55");
        return Skill.empty("door", "Door").withNodes(List.of(
                catalog.get(MqttExportNode.ID).newNode("mqtt").withSetting(MqttExportNode.PASSWORD, "mq-Pa55"),
                catalog.get(GrpcCustomNode.ID).newNode("custom").withSetting(GrpcCustomNode.ENV, env)
                        .withSecretMark(Secrecy.path(GrpcCustomNode.ENV, "PLAIN_NAME"), true)));
    }

    /** Saves, removes piece by piece, deletes; after each step the store holds exactly what is referred to. */
    static void removalsLeaveNoOrphans(Workspace w, SecretStore store, NodeCatalog catalog) throws Exception {
        Skill s = skill(catalog);
        w.saveSkill(s);
        // a second skill whose keys must survive the first one's cleanup
        w.saveSkill(s.withId("doorway"));
        assertEquals(Optional.of("mq-Pa55"), store.get(MQTT_REF));
        assertEquals(Optional.of("tok-123-secret"), store.get(ENV_REF));
        assertEquals(Optional.of("ticked-value-55"), store.get(TICK_REF));

        s = s.updateNode("custom", n -> n.withSecretMark(Secrecy.path(GrpcCustomNode.ENV, "PLAIN_NAME"), null));
        w.saveSkill(s);
        assertEquals(Optional.empty(), store.get(TICK_REF), "un-ticked: its value left the store");
        assertEquals(Optional.of("tok-123-secret"), store.get(ENV_REF));

        Map<String, Object> env = new LinkedHashMap<>();
        env.put("PLAIN_NAME", "ticked-value-55");
        s = s.updateNode("custom", n -> n.withSetting(GrpcCustomNode.ENV, env));
        w.saveSkill(s);
        assertEquals(Optional.empty(), store.get(ENV_REF), "entry removed: its value left the store");

        s = s.withNodes(List.of(s.node("custom").orElseThrow()));
        w.saveSkill(s);
        assertEquals(Optional.empty(), store.get(MQTT_REF), "node removed: its value left the store");

        s = skill(catalog);
        w.saveSkill(s);
        assertEquals(Optional.of("mq-Pa55"), store.get(MQTT_REF));
        w.deleteSkill("door");
        for (String ref : List.of(MQTT_REF, ENV_REF, TICK_REF)) {
            assertEquals(Optional.empty(), store.get(ref), "skill deleted: " + ref + " left the store");
        }
        assertEquals(Optional.of("mq-Pa55"), store.get("doorway/mqtt/" + MqttExportNode.PASSWORD),
                "another skill's secrets stay");
        w.deleteSkill("doorway");
        assertEquals(Optional.empty(), store.get("doorway/mqtt/" + MqttExportNode.PASSWORD));
    }

    @Test
    void encryptedFileKeepsNoOrphans(@TempDir Path tmp) throws Exception {
        NodeCatalog catalog = NodeCatalog.standard();
        EncryptedFileSecretStore store = new EncryptedFileSecretStore(tmp.resolve("store"));
        removalsLeaveNoOrphans(Workspace.open(tmp.resolve("ws"), catalog, store), store, catalog);
        assertEquals(Map.of(), store.all(), "nothing at all is left in the file");
    }
}
