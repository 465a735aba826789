package io.skilldesigner.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import io.skilldesigner.app.ui.UiChecks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;

import io.skilldesigner.app.demo.DemoWorkspace;
import io.skilldesigner.app.packages.PackagesPage;
import io.skilldesigner.canvas.SkillEditor;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.catalog.nodes.GrpcCustomNode;
import io.skilldesigner.core.catalog.nodes.HttpExportNode;
import io.skilldesigner.core.io.SkillJson;
import io.skilldesigner.core.secrets.SecretStore;
import io.skilldesigner.core.secrets.Secrecy;
import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.workspace.Workspace;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;

/**
 * The "Secret" tick in the real app, headless: on a skill saved with a licence code in its custom container's
 * environment (a name no heuristic flags) and a false positive ({@code SESSION_TIMEOUT}), the user ticks the licence,
 * un-ticks the timeout, ticks the webhook URL and types it into the masked field. The autosaved draft, the saved
 * skill file, its backup and the exported package hold no secret value; the secret store holds them, and the
 * package names them for the operator while keeping the un-ticked entry as is.
 */
class SecretTickUiTest {
    static final String SKILL_ID = "secret-ticks";
    static final String LICENCE = "LICENCE";
    static final String LICENCE_VALUE = "LIC-ui-5e7a9c1d-plain-looking";
    static final String TIMEOUT = "SESSION_TIMEOUT";
    static final String HOOK = "https://ingest.example.com/hooks/T0K3N-ui-4b8d";

    @TempDir
    static Path tmp;
    static SkillDesignerApp app;
    static final FxRobot robot = new FxRobot();
    private final NodeCatalog catalog = NodeCatalog.standard();

    @BeforeAll
    static void startApp() throws Exception {
        app = TestApp.start(tmp.resolve("ws"));
    }

    @AfterAll
    static void stopApp() throws Exception {
        TestApp.stop(app);
    }

    /** The demo skill with a custom container (env: the licence, un-ticked, and a timeout) and a webhook. */
    private Skill savedBefore(Workspace ws) throws IOException {
        Map<String, Object> env = new LinkedHashMap<>();
        env.put(TIMEOUT, "30");
        env.put(LICENCE, LICENCE_VALUE);
        SkillNode custom = catalog.get(GrpcCustomNode.ID).newNode("custom").withDisplayName("Licensed check")
                .withPosition(new Position(420, 430))
                .withSetting(GrpcCustomNode.MODE, GrpcCustomNode.CONTAINER)
                .withSetting(GrpcCustomNode.CONTAINER_NAME, "licensedcheck")
                .withSetting(GrpcCustomNode.IMAGE, "registry.example.com/licensed-check:1.0")
                .withSetting(GrpcCustomNode.ENV, env);
        SkillNode hook = catalog.get(HttpExportNode.ID).newNode("hook").withDisplayName("Webhook")
                .withPosition(new Position(420, 560));
        Skill skill = ws.loadSkill(DemoWorkspace.SKILL_ID).withId(SKILL_ID).withName("Secret ticks")
                .withNode(custom).withNode(hook)
                .withEdge(SkillEdge.of("tracker", PortSpec.FRAME_PORT, "custom", PortSpec.FRAME_PORT))
                .withEdge(SkillEdge.of("midline", PortSpec.FRAME_PORT, "hook", PortSpec.FRAME_PORT));
        ws.saveSkill(skill);
        assertTrue(Files.readString(ws.skillFile(SKILL_ID)).contains(LICENCE_VALUE),
                "before the tick the licence is not secret (no heuristic flags it)");
        return skill;
    }

    @Test
    void tickedValuesLiveInTheSecretStoreOnlyThroughDraftSaveAndExport() throws Exception {
        Workspace ws = app.context().workspace();
        SecretStore store = ws.secretStore().orElseThrow();
        savedBefore(ws);
        robot.clickOn("#nav-models");
        robot.clickOn("#nav-skills");
        robot.clickOn("#skill-edit-" + SKILL_ID);
        robot.clickOn("#skill-wizard-next");
        SkillEditor editor = (SkillEditor) app.shell().lookup("#skill-editor");
        robot.interact(() -> editor.select(List.of("custom")));

        TableView<?> envTable = robot.lookup("#setting-" + GrpcCustomNode.ENV).queryAs(TableView.class);
        reveal(editor, envTable);
        assertEquals(false, tickOf(envTable, LICENCE).isSelected(), "nothing pre-ticks the licence");
        assertEquals(true, tickOf(envTable, TIMEOUT).isSelected(), "the heuristic pre-ticks SESSION_TIMEOUT");
        // cells are re-made as the table lays out: find each tick right before clicking it
        robot.clickOn(tickOf(envTable, LICENCE));
        robot.clickOn(tickOf(envTable, TIMEOUT));
        assertTrue(tickOf(envTable, LICENCE).isSelected() && !tickOf(envTable, TIMEOUT).isSelected(),
                "the clicks changed the ticks");
        assertTrue(envCellTexts(envTable).contains("••••••"), "the ticked value is masked: " + envCellTexts(envTable));
        assertTrue(!envCellTexts(envTable).contains(LICENCE_VALUE), envCellTexts(envTable).toString());
        lookAt("secret-tick-env");
        List<String> cut = UiChecks.truncated(envTable).stream()
                .filter(t -> t.contains("'Secret'")).toList();
        assertEquals(List.of(), cut, "the tick column's header is shown whole");

        robot.interact(() -> editor.select(List.of("hook")));
        CheckBox urlTick = robot.lookup("#secret-" + HttpExportNode.URL_KEY).queryAs(CheckBox.class);
        reveal(editor, urlTick);
        robot.clickOn(urlTick);
        PasswordField masked = robot.from(urlTick.getParent()).lookup(".password-field").queryAs(PasswordField.class);
        assertTrue(masked.isVisible(), "ticked, the URL field is masked");
        robot.clickOn(masked).write(HOOK);
        lookAt("secret-tick-properties");
        SkillNode edited = editor.getSkill().node("hook").orElseThrow();
        assertEquals(HOOK, edited.setting(HttpExportNode.URL_KEY), "typed into the masked field");
        assertEquals(Optional.of(true), edited.secretMark(HttpExportNode.URL_KEY));

        // the autosaved draft keeps ticks and references; the values are in the store under the draft's scope
        Path draft = ws.root().resolve(Workspace.SKILLS_DIR).resolve(".drafts")
                .resolve(SKILL_ID + ".draft" + SkillJson.EXTENSION);
        // autosave runs every few seconds: wait for the one after the last key typed
        TestApp.waitUntil("the draft has the URL, ticked", 30, () -> draftHasUrlTick(draft)
                && Optional.of(HOOK).equals(stored(store, ".draft/" + SKILL_ID + "/hook/" + HttpExportNode.URL_KEY)));
        Skill drafted = new SkillJson(catalog).read(draft);
        SkillNode draftCustom = drafted.node("custom").orElseThrow();
        assertEquals(Optional.of(true), draftCustom.secretMark(Secrecy.path(GrpcCustomNode.ENV, LICENCE)));
        assertEquals(Optional.of(false), draftCustom.secretMark(Secrecy.path(GrpcCustomNode.ENV, TIMEOUT)));
        assertEquals(Optional.of(HOOK), store.get(".draft/" + SKILL_ID + "/hook/" + HttpExportNode.URL_KEY));
        assertEquals(Optional.of(LICENCE_VALUE), store.get(".draft/" + SKILL_ID + "/custom/env/" + LICENCE));
        assertEquals(List.of(), SecretScan.holding(draft.getParent(), List.of(LICENCE_VALUE, HOOK)),
                "no draft holds a secret (the saved file keeps the licence un-ticked until saved)");

        robot.clickOn("#skill-wizard-next");
        robot.clickOn("#skill-wizard-next");
        robot.clickOn("#skill-wizard-create");
        TestApp.waitUntil("the wizard closes on save", 10, () -> robot.lookup("#skills-cards").tryQuery().isPresent());
        String file = Files.readString(ws.skillFile(SKILL_ID));
        assertTrue(file.contains("\"" + TIMEOUT + "\": \"30\""), "the un-ticked entry is written as is: " + file);
        assertEquals(Optional.of(HOOK), store.get(SKILL_ID + "/hook/" + HttpExportNode.URL_KEY));
        assertEquals(Optional.of(LICENCE_VALUE), store.get(SKILL_ID + "/custom/env/" + LICENCE));
        assertEquals(Optional.empty(), store.get(".draft/" + SKILL_ID + "/hook/" + HttpExportNode.URL_KEY),
                "the draft's values left with the draft");
        assertTrue(!Files.exists(draft), "the draft is gone once saved");
        Skill loaded = ws.loadSkill(SKILL_ID);
        assertEquals(HOOK, loaded.node("hook").orElseThrow().setting(HttpExportNode.URL_KEY), "loads with its values");

        Path out = tmp.resolve("out");
        TextArea summary = export(loaded, out);
        assertTrue(summary.getText().startsWith("Written"), summary.getText());
        Path folder = out.resolve(PackagesPage.packageName(loaded));
        String all = allText(folder);
        assertTrue(all.contains("SD_SECRET_CUSTOM_ENV_LICENCE") && all.contains("SD_SECRET_HOOK_URL"),
                "the package names the ticked values for the operator");
        assertTrue(all.contains(TIMEOUT), "the un-ticked entry is in the package");
        assertEquals(List.of(), zipEntriesHolding(out.resolve(folder.getFileName() + ".zip"),
                List.of(LICENCE_VALUE, HOOK)), "no zip entry holds a secret");
        assertTrue(!summary.getText().contains(LICENCE_VALUE) && !summary.getText().contains(HOOK),
                summary.getText());
        // skill file, its backup, drafts, package folder and zip, the (encrypted) store: none in plain text
        assertEquals(List.of(), SecretScan.holding(tmp, List.of(LICENCE_VALUE, HOOK)));
    }

    private static boolean draftHasUrlTick(Path draft) {
        try {
            return Files.isRegularFile(draft) && Files.readString(draft).contains("\"" + HttpExportNode.URL_KEY
                    + "\": true");
        } catch (IOException e) {
            return false; // being replaced right now: the next look sees it
        }
    }

    private static Optional<String> stored(SecretStore store, String key) {
        try {
            return store.get(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The "Secret" check box of the env row with that name, as rendered. */
    private static CheckBox tickOf(TableView<?> table, String name) {
        TableRow<?> row = robot.from(table).lookup(".table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> r.getScene() != null && r.isVisible() && robot.from(r).lookup(".table-cell").queryAllAs(TableCell.class).stream()
                        .anyMatch(c -> name.equals(c.getText())))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + name + " in the env table"));
        return robot.from(row).lookup(".check-box").queryAs(CheckBox.class);
    }

    private static List<String> envCellTexts(TableView<?> table) {
        return robot.from(table).lookup(".table-cell").queryAllAs(TableCell.class).stream()
                .map(c -> String.valueOf(c.getText())).toList();
    }

    /** Scrolls the properties panel so that the node is in view, as a user would before clicking it. */
    private static void reveal(SkillEditor editor, Node node) {
        robot.interact(() -> {
            ScrollPane pane = editor.properties();
            Node content = pane.getContent();
            Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
            double room = content.getBoundsInLocal().getHeight() - pane.getViewportBounds().getHeight();
            pane.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (b.getMinY() - 40) / room)));
            pane.layout();
        });
    }

    private static TextArea export(Skill skill, Path into) throws Exception {
        robot.clickOn("#nav-packages");
        PackagesPage page = (PackagesPage) app.shell().page("packages");
        @SuppressWarnings("unchecked")
        ComboBox<Skill> box = robot.lookup("#packages-skill").queryAs(ComboBox.class);
        TextArea summary = robot.lookup("#packages-summary").queryAs(TextArea.class);
        robot.interact(() -> {
            page.onShow();
            box.getItems().stream().filter(s -> s.id().equals(skill.id())).findFirst().ifPresent(box::setValue);
            robot.lookup("#packages-require-tests").queryAs(CheckBox.class).setSelected(false);
            summary.clear();
            page.export(into);
        });
        TestApp.waitUntil("the export ends", 240, () -> summary.getText().startsWith("Written")
                || summary.getText().startsWith("Export") || summary.getText().startsWith("The skill has"));
        return summary;
    }

    private static String allText(Path folder) throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                sb.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        return sb.toString();
    }

    private static List<String> zipEntriesHolding(Path zip, List<String> values) throws IOException {
        List<String> out = new ArrayList<>();
        int entries = 0;
        try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
            for (ZipEntry e = z.getNextEntry(); e != null; e = z.getNextEntry()) {
                entries++;
                String text = new String(z.readAllBytes(), StandardCharsets.ISO_8859_1);
                String name = e.getName();
                values.stream().filter(text::contains).forEach(v -> out.add(name + " holds " + v));
            }
        }
        assertTrue(entries > 3, "the zip has the package's files: " + entries);
        return out;
    }

    /** A PNG under target/screenshots for a person to look at; not part of any assertion. */
    private static void lookAt(String name) {
        robot.interact(() -> {
            try {
                Screenshots.save(app.shell().getScene(), Path.of("target/screenshots/" + name + ".png"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
