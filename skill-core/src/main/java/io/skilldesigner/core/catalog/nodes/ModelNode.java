package io.skilldesigner.core.catalog.nodes;

import static io.skilldesigner.core.catalog.SettingType.CHOICE;
import static io.skilldesigner.core.catalog.SettingType.DECIMAL;
import static io.skilldesigner.core.catalog.SettingType.INTEGER;
import static io.skilldesigner.core.catalog.SettingType.MODEL_REF;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.skilldesigner.core.catalog.GraphContext;
import io.skilldesigner.core.catalog.KanKey;
import io.skilldesigner.core.catalog.KanMapping;
import io.skilldesigner.core.catalog.NodeCategory;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.ParamRef;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.catalog.SettingType;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.validation.Problem;

/**
 * Runs a model from the model library. A classifier after a detector classifies each object's crop (unlike
 * KAN, which classified the whole frame); with nothing upstream but a source it classifies the frame.
 */
public final class ModelNode extends NodeType {
    public static final String ID = "model";
    public static final String MODEL = "modelId";
    public static final String TASK = "task";
    public static final String DETECTION = "detection";
    public static final String CLASSIFICATION = "classification";
    public static final String CONFIDENCE = "confidence";
    public static final String CONFIDENCE_UPPER = "confidenceUpper";
    public static final String MAX_IMAGES = "maxImages";
    public static final String CLASSIFY_ON = "classifyOn";
    public static final String ON_OBJECTS = "objects";
    public static final String ON_FRAME = "frame";
    public static final String CROP_PADDING = "cropPadding";
    public static final String MIN_CROP_SIZE = "minCropSize";
    public static final String TOP_K = "topK";

    private static final List<KanKey> KAN_KEYS = List.of(
            KanKey.percent(CONFIDENCE, "confidence_lower"),
            KanKey.percent(CONFIDENCE_UPPER, "confidence_upper"),
            KanKey.same(MAX_IMAGES, "max_images", SettingType.INTEGER));

    public ModelNode() {
        super(ID, NodeCategory.PROCESS, "Run ML model",
                "Runs an ONNX detection or classification model from the model library.", "model",
                List.of(PortSpec.frameIn()), List.of(PortSpec.frameOut()), List.of(
                        SettingSpec.builder(MODEL, MODEL_REF).label("Model").required()
                                .help("A model registered in the model library.").build(),
                        SettingSpec.builder(TASK, CHOICE).label("Task").choices(DETECTION, CLASSIFICATION)
                                .defaultValue(DETECTION).required()
                                .help("Taken from the model; shown so the skill reads on its own.").build(),
                        SettingSpec.builder(CONFIDENCE, DECIMAL).label("Confidence threshold").range(0, 1)
                                .help("Results below this confidence (0..1) are dropped. Empty: the model's usual"
                                        + " threshold (YOLO 0.25, UltraFace 0.7, YuNet 0.9; classifiers keep the top"
                                        + " classes). It may go below the decoder's own threshold.").build(),
                        SettingSpec.builder(CONFIDENCE_UPPER, DECIMAL).label("Confidence upper bound").range(0, 1)
                                .defaultValue(1.0).help("Results above this confidence are dropped (KAN's"
                                        + " confidence_upper; 1 keeps everything).").build(),
                        SettingSpec.builder(MAX_IMAGES, INTEGER).label("Capture images for retraining").min(0)
                                .defaultValue(0).help("KAN's retraining capture; 0 = off. Not used in preview.")
                                .build(),
                        SettingSpec.builder(CLASSIFY_ON, CHOICE).label("Classify").choices(ON_OBJECTS, ON_FRAME)
                                .defaultValue(ON_OBJECTS).enabledWhen(TASK, CLASSIFICATION)
                                .help("objects: each detected object's crop (needs a detector upstream);"
                                        + " frame: the whole frame.").build(),
                        SettingSpec.builder(CROP_PADDING, DECIMAL).label("Crop padding").range(0, 1)
                                .defaultValue(0.1).enabledWhen(TASK, CLASSIFICATION)
                                .help("Fraction of the box size added around each crop.").build(),
                        SettingSpec.builder(MIN_CROP_SIZE, INTEGER).label("Minimum crop size").range(1, 4096)
                                .defaultValue(16).unit("px").enabledWhen(TASK, CLASSIFICATION)
                                .help("Objects smaller than this (either side) are not classified.").build(),
                        SettingSpec.builder(TOP_K, INTEGER).label("Top classes").range(1, 20).defaultValue(1)
                                .enabledWhen(TASK, CLASSIFICATION)
                                .help("How many classes a classification result keeps.").build()));
    }

    @Override
    public Optional<KanMapping> kan() {
        return Optional.of(new Kan(settings()));
    }

    @Override
    public List<Problem> checkSettings(SkillNode node, Map<String, Object> settings) {
        List<Problem> out = new ArrayList<>();
        if (settings.get(CONFIDENCE) instanceof Double lo && settings.get(CONFIDENCE_UPPER) instanceof Double hi
                && lo > hi) {
            out.add(Problem.error(node.id(), CONFIDENCE_UPPER,
                    "Confidence upper bound " + hi + " is below the threshold " + lo));
        }
        return out;
    }

    /** The task is the chosen model's (its help says so): picking a model sets it. */
    @Override
    public Map<String, Object> settingsFollowing(String key, Object value, ModelLibrary models) {
        if (!MODEL.equals(key) || !(value instanceof String id)) {
            return Map.of();
        }
        return models.find(id).<Map<String, Object>>map(m -> Map.of(TASK,
                m.task() == ModelTask.CLASSIFICATION ? CLASSIFICATION : DETECTION)).orElse(Map.of());
    }

    /** The model must be in the library; a task that disagrees with the model's is worth a warning. */
    @Override
    public List<Problem> checkReferences(SkillNode node, Map<String, Object> settings, ModelLibrary models) {
        if (!(settings.get(MODEL) instanceof String modelId) || modelId.isBlank()
                || !ParamRef.namesIn(modelId).isEmpty()) {
            return List.of();
        }
        Optional<ModelDescriptor> model = models.find(modelId);
        if (model.isEmpty()) {
            return List.of(Problem.error(node.id(), MODEL, "Model '" + modelId + "' is not in the model library"));
        }
        String modelTask = taskName(model.get().task());
        if (settings.get(TASK) instanceof String task && !task.equals(modelTask) && ParamRef.namesIn(task).isEmpty()) {
            return List.of(Problem.warning(node.id(), TASK, "Task is set to " + task + " but model '" + modelId
                    + "' is a " + modelTask + " model"));
        }
        return List.of();
    }

    /** A classifier of objects needs a detector upstream. */
    @Override
    public List<Problem> checkInGraph(SkillNode node, GraphContext graph) {
        Map<String, Object> s = graph.settings(node.id());
        if (isTask(s, ModelTask.CLASSIFICATION, graph.models()) && ON_OBJECTS.equals(s.get(CLASSIFY_ON))
                && graph.upstreamOf(node.id()).stream().noneMatch(up -> isDetector(up, graph))) {
            return List.of(Problem.error(node.id(), CLASSIFY_ON, "Classifying objects needs a detection model"
                    + " upstream: connect one before this node, or classify the whole frame"));
        }
        return List.of();
    }

    private static boolean isDetector(String nodeId, GraphContext graph) {
        return graph.node(nodeId).filter(n -> ID.equals(n.typeId())).isPresent()
                && isTask(graph.settings(nodeId), ModelTask.DETECTION, graph.models());
    }

    /** The model's own task when the library has it, else the node's task setting. */
    private static boolean isTask(Map<String, Object> settings, ModelTask task, ModelLibrary models) {
        if (settings.get(MODEL) instanceof String id) {
            Optional<ModelDescriptor> m = models.find(id);
            if (m.isPresent()) {
                return m.get().task() == task;
            }
        }
        return taskName(task).equals(settings.get(TASK));
    }

    /** The task setting's value for a model task. */
    public static String taskName(ModelTask task) {
        return task == ModelTask.DETECTION ? DETECTION : CLASSIFICATION;
    }

    /** KAN names a model node after the model; configurations carry the confidence window. */
    private static final class Kan extends io.skilldesigner.core.catalog.FixedKanMapping {
        Kan(List<SettingSpec> specs) {
            super("model", "", specs, KAN_KEYS, Map.of());
        }

        @Override
        public boolean matches(String type, String name) {
            return "model".equals(type);
        }

        @Override
        public String kanName(SkillNode node) {
            Object id = node.setting(MODEL);
            return id == null ? "" : String.valueOf(id);
        }

        @Override
        public Map<String, Object> fromKan(String name, Map<String, String> configurations) {
            Map<String, Object> out = new LinkedHashMap<>(super.fromKan(name, configurations));
            out.put(MODEL, name);
            return out;
        }

        /** KAN names the node after the model: match a library model by id, else by name; take its task. */
        @Override
        public Map<String, Object> fromKan(String name, Map<String, String> configurations, ModelLibrary models) {
            Map<String, Object> out = fromKan(name, configurations);
            Optional<ModelDescriptor> model = models.find(name);
            if (model.isEmpty()) {
                List<ModelDescriptor> byName = models.all().stream()
                        .filter(m -> m.name().equalsIgnoreCase(name.trim())).toList();
                // Two models with that name: leave the reference as is rather than pick one at random.
                model = byName.size() == 1 ? Optional.of(byName.get(0)) : Optional.empty();
            }
            model.ifPresent(m -> {
                out.put(MODEL, m.id());
                out.put(TASK, m.task() == ModelTask.CLASSIFICATION ? CLASSIFICATION : DETECTION);
            });
            return out;
        }
    }
}
