package io.skilldesigner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.catalog.nodes.TrackerNode;
import io.skilldesigner.engine.runtime.NodeRuntime;
import io.skilldesigner.engine.runtime.NodeRuntimeFactory;

/**
 * The contract every catalog node type keeps: exactly one runtime (a factory, or the engine's source runner for
 * source types), an icon, a KAN mapping or an explicit "not in KAN", and help text; secret-looking settings are
 * flagged secret. A type added to the catalog without all of these fails here, by name.
 */
class NodeTypeContractTest {
    /** The node icons live once at the repository root; the canvas copies them onto its classpath. */
    private static final Path ICONS = Path.of("..", "icons", "nodes");

    private final NodeCatalog catalog = NodeCatalog.standard();

    @Test
    void everyTypeHasExactlyOneRuntime() {
        try (NodeRuntimeRegistry registry = NodeRuntimeRegistry.standard()) {
            for (NodeType t : catalog.all()) {
                if (t.isSource()) {
                    assertTrue(registry.find(t.id()).isEmpty(), t.id() + ": sources are run by the engine itself");
                } else {
                    assertTrue(registry.find(t.id()).isPresent(), t.id() + " has no runtime factory");
                    assertEquals(t.id(), registry.find(t.id()).orElseThrow().typeId(), t.id());
                }
            }
            assertTrue(catalog.all().stream().map(NodeType::id).toList().containsAll(registry.typeIds()),
                    "every factory's type is in the catalog: " + registry.typeIds());
        }
    }

    @Test
    void everyTypeHasAnIcon() {
        for (NodeType t : catalog.all()) {
            assertFalse(t.iconName().isBlank(), t.id() + " names no icon");
            for (String ext : List.of(".svg", ".png")) {
                Path icon = ICONS.resolve(t.iconName() + ext);
                assertTrue(Files.isRegularFile(icon), t.id() + ": icon " + icon.toAbsolutePath() + " is missing");
            }
        }
    }

    @Test
    void everyTypeMapsToKanOrSaysWhyNot() {
        for (NodeType t : catalog.all()) {
            assertNotEquals(t.kan().isPresent(), t.notInKan().isPresent(),
                    t.id() + ": exactly one of a KAN mapping and a 'not in KAN' reason");
            t.notInKan().ifPresent(why -> assertFalse(why.isBlank(), t.id() + ": empty 'not in KAN' reason"));
        }
    }

    @Test
    void everyTypeHasHelpText() {
        for (NodeType t : catalog.all()) {
            assertFalse(t.displayName().isBlank(), t.id() + " has no display name");
            assertFalse(t.description().isBlank(), t.id() + " has no description (the palette's help text)");
        }
    }

    @Test
    void settingsWithSecretNamesAreFlaggedSecret() {
        List<String> unflagged = new ArrayList<>();
        for (NodeType t : catalog.all()) {
            for (SettingSpec s : t.settings()) {
                if (SettingSpec.nameLooksSecret(s.key()) && !s.isSecret()) {
                    unflagged.add(t.id() + "." + s.key());
                }
            }
        }
        assertEquals(List.of(), unflagged, "settings whose names look secret but are not flagged secret");
    }

    @Test
    void registryRefusesHalfRegisteredTypes() {
        NodeRuntimeFactory stray = new NodeRuntimeFactory() {
            @Override
            public String typeId() {
                return "not-in-catalog";
            }

            @Override
            public NodeRuntime create(io.skilldesigner.core.skill.SkillNode node, EffectiveSettings settings,
                                      io.skilldesigner.engine.runtime.RuntimeContext context) {
                return f -> f;
            }
        };
        try (NodeRuntimeRegistry withStray = NodeRuntimeRegistry.standard().with(stray)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> withStray.requireComplete(catalog));
            assertTrue(e.getMessage().contains("'not-in-catalog'"), e.getMessage());
        }
        List<NodeType> withoutTracker = new ArrayList<>(catalog.all());
        NodeRuntimeRegistry standard = NodeRuntimeRegistry.standard();
        NodeCatalog smaller = new NodeCatalog(withoutTracker.stream().filter(t -> !t.id().equals(TrackerNode.ID))
                .toList());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> standard.requireComplete(smaller));
        assertTrue(e.getMessage().contains("'" + TrackerNode.ID + "', which the catalog lacks"), e.getMessage());
        standard.close();
    }
}
