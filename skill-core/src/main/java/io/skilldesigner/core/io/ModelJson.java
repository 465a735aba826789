package io.skilldesigner.core.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.Fit;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelIo;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.model.OutputLayout;
import io.skilldesigner.core.model.TensorInfo;

/**
 * A model library entry ({@code .model.json}): same layout rules as {@link SkillJson} (fixed key order,
 * {@code formatVersion} first, pretty printed); unset parts ({@code labels}, {@code io}, {@code decoder}) are
 * left out. Errors name file, line, column and field.
 */
public final class ModelJson {
    public static final String EXTENSION = ".model.json";
    public static final int CURRENT_FORMAT_VERSION = 1;

    public ModelDescriptor read(Path file) throws IOException {
        return read(TextFiles.readUtf8(file, file.toString()), file.toString());
    }

    public ModelDescriptor read(String text, String source) throws FileFormatException {
        LocatedJson doc = LocatedJson.parse(text, source);
        JsonField root = JsonField.root(doc, doc.root());
        root.object();
        int version = SkillJson.formatVersion(root, CURRENT_FORMAT_VERSION);
        if (version < 1) {
            throw root.required("formatVersion").error("model files start at format version 1, got " + version);
        }
        String id = root.required("id").nonEmptyString();
        ModelTask task = root.required("task").enumValue(ModelTask.class);
        Optional<JsonField> model = root.optional("model");
        Optional<JsonField> labels = root.optional("labels");
        Optional<JsonField> io = root.optional("io");
        Optional<JsonField> decoder = root.optional("decoder");
        return new ModelDescriptor(id, root.string("name", id), task,
                root.string("format", ModelDescriptor.FORMAT_ONNX),
                model.isPresent() ? location(model.get()) : null,
                labels.isPresent() ? location(labels.get()) : null,
                root.string("description", ""), SkillJson.tags(root),
                io.isPresent() ? io(io.get()) : null,
                decoder.isPresent() ? decoder(decoder.get()) : null,
                root.string("sha256", ""));
    }

    private static FileLocation location(JsonField f) throws FileFormatException {
        return new FileLocation(f.required("kind").enumValue(FileLocation.Kind.class), f.string("path", ""),
                f.string("accountUrl", ""), f.string("container", ""), f.string("blobName", ""));
    }

    private static ModelIo io(JsonField f) throws FileFormatException {
        Optional<JsonField> layout = f.optional("detectedLayout");
        Optional<JsonField> confidence = f.optional("layoutConfidence");
        return new ModelIo(tensors(f.optional("inputs")), tensors(f.optional("outputs")),
                layout.isPresent() ? layout.get().enumValue(OutputLayout.class) : null,
                confidence.isPresent() ? confidence.get().number() : 0.0, f.string("layoutEvidence", ""));
    }

    private static List<TensorInfo> tensors(Optional<JsonField> f) throws FileFormatException {
        List<TensorInfo> out = new ArrayList<>();
        if (f.isPresent()) {
            for (JsonField t : f.get().items()) {
                List<Long> shape = new ArrayList<>();
                for (JsonField d : t.required("shape").items()) {
                    shape.add(d.wholeNumber());
                }
                out.add(new TensorInfo(t.required("name").string(), t.string("elementType", ""), shape));
            }
        }
        return out;
    }

    /** A decoder object; fields left out are marked unset and filled from the recognised defaults when loaded. */
    private static DecoderSettings decoder(JsonField f) throws FileFormatException {
        Set<String> unset = new HashSet<>();
        Optional<JsonField> layout = f.optional("layout");
        Optional<JsonField> fit = f.optional("fit");
        Optional<JsonField> letterbox = f.optional("letterbox");
        Fit fitValue = fit.isPresent() ? fit.get().enumValue(Fit.class)
                : letterbox.isPresent() ? (letterbox.get().bool() ? Fit.LETTERBOX : Fit.STRETCH) : null;
        if (fitValue == null) {
            unset.add("fit");
        }
        return new DecoderSettings(layout.isPresent() ? layout.get().enumValue(OutputLayout.class) : null,
                (int) num(f, "inputWidth", unset), (int) num(f, "inputHeight", unset), fitValue,
                bool(f, "rgb", unset), bool(f, "nchw", unset), num(f, "scale", unset),
                list(f, "mean", unset), list(f, "std", unset), num(f, "scoreThreshold", unset),
                num(f, "iouThreshold", unset), (int) num(f, "maxDetections", unset), list(f, "anchors", unset),
                f.optional("cropRatio").isPresent() ? num(f, "cropRatio", unset) : 0, unset);
    }

    private static double num(JsonField f, String key, Set<String> unset) throws FileFormatException {
        Optional<JsonField> v = f.optional(key);
        if (v.isEmpty()) {
            unset.add(key);
            return 0;
        }
        return key.equals("inputWidth") || key.equals("inputHeight") || key.equals("maxDetections")
                ? v.get().intValue() : v.get().number();
    }

    private static boolean bool(JsonField f, String key, Set<String> unset) throws FileFormatException {
        Optional<JsonField> v = f.optional(key);
        if (v.isEmpty()) {
            unset.add(key);
            return false;
        }
        return v.get().bool();
    }

    private static List<Double> list(JsonField f, String key, Set<String> unset) throws FileFormatException {
        Optional<JsonField> v = f.optional(key);
        if (v.isEmpty()) {
            unset.add(key);
        }
        return numbers(v);
    }

    private static List<Double> numbers(Optional<JsonField> f) throws FileFormatException {
        if (f.isEmpty()) {
            return null;
        }
        List<Double> out = new ArrayList<>();
        for (JsonField d : f.get().items()) {
            out.add(d.number());
        }
        return out;
    }

    public String write(ModelDescriptor m) {
        return JsonText.write(toJson(m));
    }

    public byte[] toBytes(ModelDescriptor m) {
        return write(m).getBytes(StandardCharsets.UTF_8);
    }

    public JsonObject toJson(ModelDescriptor m) {
        JsonObject o = new JsonObject();
        o.addProperty("formatVersion", CURRENT_FORMAT_VERSION);
        o.addProperty("id", m.id());
        o.addProperty("name", m.name());
        o.addProperty("task", JsonField.enumText(m.task()));
        o.addProperty("format", m.format());
        o.addProperty("description", m.description());
        if (m.model() != null) {
            o.add("model", locationJson(m.model()));
        }
        if (m.labels() != null) {
            o.add("labels", locationJson(m.labels()));
        }
        o.add("tags", SkillJson.tagsJson(m.tags()));
        o.addProperty("sha256", m.sha256());
        if (m.io() != null) {
            o.add("io", ioJson(m.io()));
        }
        if (m.decoder() != null) {
            o.add("decoder", decoderJson(m.decoder()));
        }
        return o;
    }

    private static JsonObject locationJson(FileLocation l) {
        JsonObject o = new JsonObject();
        o.addProperty("kind", JsonField.enumText(l.kind()));
        putIfSet(o, "path", l.path());
        putIfSet(o, "accountUrl", l.accountUrl());
        putIfSet(o, "container", l.container());
        putIfSet(o, "blobName", l.blobName());
        return o;
    }

    private static void putIfSet(JsonObject o, String key, String value) {
        if (!value.isEmpty()) {
            o.addProperty(key, value);
        }
    }

    private static JsonObject ioJson(ModelIo io) {
        JsonObject o = new JsonObject();
        o.add("inputs", tensorsJson(io.inputs()));
        o.add("outputs", tensorsJson(io.outputs()));
        if (io.detectedLayout() != null) {
            o.addProperty("detectedLayout", JsonField.enumText(io.detectedLayout()));
        }
        o.addProperty("layoutConfidence", io.layoutConfidence());
        o.addProperty("layoutEvidence", io.layoutEvidence());
        return o;
    }

    private static JsonArray tensorsJson(List<TensorInfo> tensors) {
        JsonArray a = new JsonArray();
        for (TensorInfo t : tensors) {
            JsonObject o = new JsonObject();
            o.addProperty("name", t.name());
            o.addProperty("elementType", t.elementType());
            JsonArray shape = new JsonArray();
            t.shape().forEach(shape::add);
            o.add("shape", shape);
            a.add(o);
        }
        return a;
    }

    /** Every given field (fields a partial setting left unset stay out, so they keep following the model). */
    private static JsonObject decoderJson(DecoderSettings d) {
        JsonObject o = new JsonObject();
        if (d.layout() != null) {
            o.addProperty("layout", JsonField.enumText(d.layout()));
        }
        put(o, d, "inputWidth", d.inputWidth());
        put(o, d, "inputHeight", d.inputHeight());
        if (d.isSet("fit")) {
            o.addProperty("fit", JsonField.enumText(d.fit()));
            o.addProperty("letterbox", d.letterbox());
        }
        if (d.isSet("rgb")) {
            o.addProperty("rgb", d.rgb());
        }
        if (d.isSet("nchw")) {
            o.addProperty("nchw", d.nchw());
        }
        put(o, d, "scale", d.scale());
        putList(o, d, "mean", d.mean());
        putList(o, d, "std", d.std());
        put(o, d, "scoreThreshold", d.scoreThreshold());
        put(o, d, "iouThreshold", d.iouThreshold());
        put(o, d, "maxDetections", d.maxDetections());
        putList(o, d, "anchors", d.anchors());
        put(o, d, "cropRatio", d.cropRatio());
        return o;
    }

    private static void put(JsonObject o, DecoderSettings d, String key, Number v) {
        if (d.isSet(key)) {
            o.addProperty(key, v);
        }
    }

    private static void putList(JsonObject o, DecoderSettings d, String key, List<Double> v) {
        if (d.isSet(key)) {
            o.add(key, doubles(v));
        }
    }

    private static JsonArray doubles(List<Double> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
