package io.skilldesigner.app.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.catalog.nodes.IotHubExportNode;
import io.skilldesigner.core.catalog.nodes.LineCrossingNode;
import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.catalog.nodes.TrackerNode;
import io.skilldesigner.app.models.ModelImporter;
import io.skilldesigner.engine.model.ModelSessions;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.secrets.SecretStore;
import io.skilldesigner.core.skill.Acceleration;
import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillBasics;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.skill.Tag;
import io.skilldesigner.core.workspace.Workspace;
import io.skilldesigner.core.workspace.WorkspaceSettings;

/**
 * The workspace a newcomer starts on: a generated demo video, the project's own demo detector and colour
 * classifier, and a skill that chains them (detect ball → classify its colour → track → count line crossings
 * → insights to IoT Hub). Everything is made locally; nothing is downloaded.
 */
public final class DemoWorkspace {
    public static final String SKILL_ID = "demo-ball-colours";
    public static final String DETECTOR_ID = "demo-ball-detector";
    public static final String CLASSIFIER_ID = "demo-colour-classifier";
    public static final String VIDEO = "media/demo-ball.mp4";
    /** Set in settings.json once the demo was created, so a user who deletes it doesn't get it back. */
    public static final String CREATED_KEY = "demo.created";
    private static final String RESOURCES = "/io/skilldesigner/app/demo/models/";

    private DemoWorkspace() {
    }

    /**
     * The opened workspace and what is wrong with its settings file.
     *
     * @param settingsProblem why {@code settings.json} does not load (file, line, field), or null when it does;
     *                        the file is then left as it is until {@link #repairSettings} is asked for
     */
    public record Opened(Workspace workspace, String settingsProblem) {
    }

    /** Opens the workspace, adding the demo content the first time; fails when settings.json does not load. */
    public static Workspace openOrCreate(Path root, NodeCatalog catalog) throws IOException {
        Opened o = open(root, catalog);
        if (o.settingsProblem() != null) {
            throw new IOException(o.settingsProblem());
        }
        return o.workspace();
    }

    /**
     * Opens the workspace for the app: a corrupt settings.json is reported, not fatal (nothing is added or
     * overwritten then); a missing one on a workspace that has the demo already only adds what is missing.
     */
    public static Opened open(Path root, NodeCatalog catalog) throws IOException {
        return open(root, catalog, null);
    }

    /** As {@link #open(Path, NodeCatalog)}, with secret settings kept in {@code secrets} (null: in the files). */
    public static Opened open(Path root, NodeCatalog catalog, SecretStore secrets) throws IOException {
        Workspace ws = Workspace.open(root, catalog, secrets);
        String problem = settingsProblem(ws);
        if (problem != null) {
            return new Opened(ws, problem);
        }
        if (needsDemo(ws)) {
            addDemo(ws, catalog);
        }
        return new Opened(ws, null);
    }

    /**
     * Keeps the unreadable settings file as {@code settings.json.corrupt} (replacing an older one) and writes
     * fresh settings, with the demo marked as created so it is not added again. Returns where the old file went.
     */
    public static Path repairSettings(Workspace ws) throws IOException {
        Path f = ws.root().resolve(Workspace.SETTINGS_FILE);
        Path kept = f.resolveSibling(Workspace.SETTINGS_FILE + ".corrupt");
        if (Files.exists(f)) {
            Files.move(f, kept, StandardCopyOption.REPLACE_EXISTING);
        }
        ws.saveSettings(WorkspaceSettings.empty().with(CREATED_KEY, "true"));
        return kept;
    }

    /** Adds the demo video, models and skill, each only when missing (settings.json may have been lost). */
    /** Why settings.json does not load (file, line, field), or null when it does. */
    public static String settingsProblem(Workspace ws) {
        try {
            ws.loadSettings();
            return null;
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    /** True until the demo content has been added once (a user may delete it afterwards; it is not re-added). */
    public static boolean needsDemo(Workspace ws) throws IOException {
        return ws.loadSettings().get(CREATED_KEY).isEmpty();
    }

    /**
     * Adds the demo video, models and skill (about a second: the app does it after its window is shown). Safe to
     * repeat after an interrupted run: the mark is written last.
     */
    public static void addDemo(Workspace ws, NodeCatalog catalog) throws IOException {
        create(ws, catalog);
        WorkspaceSettings settings = ws.loadSettings();
        ws.saveSettings(settings.with(CREATED_KEY, "true"));
    }

    static void create(Workspace ws, NodeCatalog catalog) throws IOException {
        Path root = ws.root();
        Path video = root.resolve(VIDEO);
        if (!Files.isRegularFile(video)) {
            DemoVideo.write(video);
        }
        try (ModelSessions sessions = new ModelSessions()) {
            ModelImporter importer = new ModelImporter(ws, sessions);
            if (ws.modelLibrary().find(DETECTOR_ID).isEmpty()) {
                importModel(importer, root, DETECTOR_ID, "Demo ball detector", ModelTask.DETECTION,
                        "demo_ball_detector.onnx", "ball_labels.txt",
                        "Finds the one brightly coloured object in a frame (label 'ball'). Generated by the project.");
            }
            if (ws.modelLibrary().find(CLASSIFIER_ID).isEmpty()) {
                importModel(importer, root, CLASSIFIER_ID, "Demo colour classifier", ModelTask.CLASSIFICATION,
                        "demo_colour_classifier.onnx", "colour_labels.txt",
                        "Tells red, green, blue and yellow apart. Generated by the project.");
            }
        }
        if (!Files.exists(ws.skillFile(SKILL_ID))) {
            ws.saveSkill(skill(catalog));
        }
    }

    /** Through the same importer as user models, so the demo models are opened and inspected the same way. */
    private static void importModel(ModelImporter importer, Path root, String id, String name, ModelTask task,
                                    String onnx, String labels, String description) throws IOException {
        Path dir = root.resolve(Workspace.MODELS_DIR).resolve(id);
        copyResource(onnx, dir.resolve(onnx));
        copyResource(labels, dir.resolve(labels));
        importer.importModel(new ModelImporter.Request(id, name, task, dir.resolve(onnx), dir.resolve(labels),
                description, List.of(new Tag("source", "demo")), null));
    }

    private static void copyResource(String name, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try (InputStream in = DemoWorkspace.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException("demo resource " + RESOURCES + name + " is missing from the app build");
            }
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The demo skill, laid out top to bottom. */
    public static Skill skill(NodeCatalog catalog) {
        SkillNode camera = node(catalog, CameraInputNode.ID, "camera", "Demo video", 0, Map.of(
                CameraInputNode.SOURCE_KIND, CameraInputNode.FILE,
                CameraInputNode.FILE_PATH_KEY, VIDEO,
                CameraInputNode.LOOP, true));
        SkillNode detector = node(catalog, ModelNode.ID, "detector", "Ball detector", 1, Map.of(
                ModelNode.MODEL, DETECTOR_ID, ModelNode.TASK, ModelNode.DETECTION, ModelNode.CONFIDENCE, 0.5));
        SkillNode classifier = node(catalog, ModelNode.ID, "classifier", "Colour classifier", 2, Map.of(
                ModelNode.MODEL, CLASSIFIER_ID, ModelNode.TASK, ModelNode.CLASSIFICATION,
                ModelNode.CONFIDENCE, 0.3, ModelNode.CLASSIFY_ON, ModelNode.ON_OBJECTS));
        SkillNode tracker = node(catalog, TrackerNode.ID, "tracker", "Tracker", 3, Map.of());
        SkillNode line = node(catalog, LineCrossingNode.ID, "midline", "Mid line", 4, Map.of(
                LineCrossingNode.LINE_NAME, "midline",
                LineCrossingNode.LINE, List.of(List.of(0.5, 0.05), List.of(0.5, 0.95)),
                LineCrossingNode.ANCHOR, LineCrossingNode.ANCHOR_CENTER));
        SkillNode hub = node(catalog, IotHubExportNode.ID, "iothub", "Insights to IoT Hub", 5, Map.of(
                IotHubExportNode.DELAY_SECONDS, 5L));
        List<SkillNode> nodes = List.of(camera, detector, classifier, tracker, line, hub);
        List<SkillEdge> edges = List.of(
                edge(camera, detector), edge(detector, classifier), edge(classifier, tracker),
                edge(tracker, line), edge(line, hub));
        return new Skill(Skill.CURRENT_FORMAT_VERSION, SKILL_ID, "Demo: ball colours",
                "Detects a bouncing ball, tells its colour, tracks it and counts how often it crosses the middle"
                        + " line. Press Preview to see it run.",
                new SkillBasics(15, Acceleration.CPU), List.of(new Tag("demo", "true")), Map.of(), nodes, edges);
    }

    private static SkillNode node(NodeCatalog catalog, String typeId, String id, String name, int row,
                                  Map<String, Object> settings) {
        NodeType type = catalog.get(typeId);
        // the catalog's one settings pipeline: defaults merged, values in their stored types (a bad demo value throws)
        return type.newNode(id).withDisplayName(name).withPosition(new Position(80, 40 + row * 130))
                .withSettings(EffectiveSettings.of(type, id, settings).values());
    }

    private static SkillEdge edge(SkillNode from, SkillNode to) {
        return SkillEdge.of(from.id(), PortSpec.FRAME_PORT, to.id(), PortSpec.FRAME_PORT);
    }
}
