package io.skilldesigner.engine.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bytedeco.opencv.opencv_core.Mat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.ModelIo;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.model.OutputLayout;
import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;

/**
 * A loaded model ready to run on BGR images: the shared session plus this runner's own pre-processing buffers
 * and decoder. The full model path is {@link #detect} / {@link #classify}: pre-process, run, decode, map boxes
 * back to the image. One runner serves one thread at a time; make one per node.
 */
public final class ModelRunner implements AutoCloseable {
    private final String name;
    private final ModelSession session;
    private final ModelIo io;
    private final DecoderSettings settings;
    private final OutputLayout layout;
    private final List<String> labels;
    private final String inputName;
    private final Preprocessor pre;
    private final DetectionDecoder decoder;
    private final StageTimes times = new StageTimes();
    /** Output tensors ONNX Runtime writes into (static float outputs only), so no per-frame output copy. */
    private final Map<String, OnnxTensor> pinned;
    private final List<OutputTensor> pinnedViews;

    private ModelRunner(String name, ModelSession session, ModelIo io, DecoderSettings settings, List<String> labels,
                        Preprocessor pre) {
        this.name = name;
        this.session = session;
        this.io = io;
        this.settings = settings;
        this.layout = settings.layout();
        this.labels = labels;
        this.inputName = io.inputs().get(0).name();
        this.pre = pre;
        this.decoder = layout == OutputLayout.CLASSIFICATION ? null : DetectionDecoder.forLayout(layout);
        this.pinned = new LinkedHashMap<>();
        this.pinnedViews = new ArrayList<>();
        pinOutputs(session);
    }

    private void pinOutputs(ModelSession session) {
        for (io.skilldesigner.core.model.TensorInfo t : io.outputs()) {
            if (!t.elementType().equals("FLOAT") || t.shape().stream().anyMatch(d -> d <= 0)) {
                pinned.values().forEach(OnnxTensor::close);
                pinned.clear();
                pinnedViews.clear();
                return; // dynamic or non-float outputs: let ONNX Runtime allocate and copy them out per run
            }
            long n = t.shape().stream().reduce(1L, (a, b) -> a * b);
            FloatBuffer buf = ByteBuffer.allocateDirect((int) n * 4).order(ByteOrder.nativeOrder()).asFloatBuffer();
            long[] shape = t.shape().stream().mapToLong(Long::longValue).toArray();
            try {
                pinned.put(t.name(), OnnxTensor.createTensor(session.environment(), buf, shape));
            } catch (OrtException e) {
                throw ModelException.of(name, session.file(), "cannot allocate output " + t.name(), e);
            }
            pinnedViews.add(new OutputTensor(t.name(), shape, buf));
        }
    }

    /**
     * Opens (or reuses) the session, inspects the model, settles the decoder settings and checks that layout,
     * task, labels and input type fit.
     *
     * @throws ModelException naming the model and the file for every problem found
     */
    public static ModelRunner load(ModelSessions sessions, ModelSpec spec) {
        ModelSession session = sessions.open(spec.name(), spec.file(), spec.wantsCuda());
        ModelIo io = ModelInspector.inspect(spec.name(), session);
        DecoderSettings settings = settle(spec, session, io);
        OutputLayout layout = settings.layout();
        if (spec.task() != null && (spec.task() == ModelTask.CLASSIFICATION) != (layout == OutputLayout.CLASSIFICATION)) {
            throw ModelException.of(spec.name(), spec.file(), "the model is registered for " + spec.task()
                    + " but its output layout is " + layout);
        }
        List<String> labels = spec.labels() == null ? List.of() : readLabels(spec);
        Optional<String> mismatch = ClassCount.mismatch(io, layout, settings, labels);
        if (mismatch.isPresent()) {
            throw ModelException.of(spec.name(), spec.file(), mismatch.get() + " (" + spec.labels() + ")");
        }
        if (io.inputs().size() != 1) {
            throw ModelException.of(spec.name(), spec.file(), "expected one image input, the model has "
                    + io.inputs().size() + ": " + io.inputs());
        }
        Preprocessor.ElementType type;
        try {
            type = Preprocessor.ElementType.of(io.inputs().get(0).elementType());
        } catch (IllegalArgumentException e) {
            throw ModelException.of(spec.name(), spec.file(), e.getMessage(), e);
        }
        List<Long> shape = io.inputs().get(0).shape();
        long channels = shape.size() != 4 ? -1 : settings.nchw() ? shape.get(1) : shape.get(3);
        if (channels != 3 && channels != -1) {
            throw ModelException.of(spec.name(), spec.file(), "expected a 3-channel image input, got "
                    + io.inputs().get(0).name() + " " + shape + (settings.nchw() ? " read as NCHW" : " read as NHWC"));
        }
        try {
            return new ModelRunner(spec.name(), session, io, settings, labels,
                    new Preprocessor(settings, type, session.environment()));
        } catch (OrtException | IllegalArgumentException e) {
            throw ModelException.of(spec.name(), spec.file(), "cannot prepare the input: " + e.getMessage(), e);
        }
    }

    private static DecoderSettings settle(ModelSpec spec, ModelSession session, ModelIo io) {
        DecoderSettings d = spec.decoder() != null ? spec.decoder()
                : DecoderDefaults.propose(io, null, ModelInspector.metadata(spec.name(), session));
        OutputLayout layout = d.layout() != null ? d.layout() : io.detectedLayout();
        if (layout == null) {
            throw ModelException.of(spec.name(), spec.file(), "unsupported layout: " + io.layoutEvidence()
                    + "; choose a layout in the decoder settings");
        }
        Optional<String> misfit = LayoutFit.check(io, layout, d);
        if (misfit.isPresent()) {
            throw ModelException.of(spec.name(), spec.file(), misfit.get());
        }
        return d.layout() == layout ? d : new DecoderSettings(layout, d.inputWidth(), d.inputHeight(), d.letterbox(),
                d.rgb(), d.nchw(), d.scale(), d.mean(), d.std(), d.scoreThreshold(), d.iouThreshold(),
                d.maxDetections(), d.anchors());
    }

    private static List<String> readLabels(ModelSpec spec) {
        try {
            return LabelFile.read(spec.labels());
        } catch (ModelException e) {
            throw ModelException.of(spec.name(), spec.file(), e.getMessage(), e);
        }
    }

    public String name() {
        return name;
    }

    public Path file() {
        return session.file();
    }

    public ModelIo io() {
        return io;
    }

    public DecoderSettings settings() {
        return settings;
    }

    public OutputLayout layout() {
        return layout;
    }

    public List<String> labels() {
        return labels;
    }

    public ProviderChoice provider() {
        return session.provider();
    }

    public boolean isClassifier() {
        return layout == OutputLayout.CLASSIFICATION;
    }

    /** Average stage times of the runs so far. */
    public StageTimes times() {
        return times;
    }

    /** The label of a class index: from the label file, else "class N" (UltraFace's class 1: "face"). */
    public String label(int index) {
        if (layout == OutputLayout.ULTRAFACE && labels.size() == 1 && index == UltraFaceDecoder.FACE) {
            return labels.get(0);
        }
        if (index >= 0 && index < labels.size()) {
            return labels.get(index);
        }
        return layout == OutputLayout.ULTRAFACE && index == UltraFaceDecoder.FACE ? "face" : "class " + index;
    }

    /** Detections in the image, boxes normalised to it, best first. */
    public List<DetectedObject> detect(Mat bgr) {
        if (decoder == null) {
            throw ModelException.of(name, session.file(), "is a classifier; it cannot detect objects");
        }
        long t0 = System.nanoTime();
        InputTransform tr = prepare(bgr);
        long t1 = System.nanoTime();
        List<OutputTensor> outs = run();
        long t2 = System.nanoTime();
        List<Detection> dets;
        try {
            dets = decoder.decode(outs, settings);
        } catch (IllegalArgumentException e) {
            throw ModelException.of(name, session.file(), e.getMessage(), e);
        }
        List<DetectedObject> out = new ArrayList<>(dets.size());
        for (Detection d : dets) {
            BBox box = tr.toSource(d.x1(), d.y1(), d.x2(), d.y2());
            out.add(DetectedObject.of(label(d.classIndex()), d.score(), box));
        }
        times.add(t1 - t0, t2 - t1, System.nanoTime() - t2);
        return out;
    }

    /** The top k classes of the image (probabilities; softmax applied to logits). */
    public List<ClassScore> classify(Mat bgr, int k) {
        if (decoder != null) {
            throw ModelException.of(name, session.file(), "is a " + layout + " detector; it cannot classify");
        }
        long t0 = System.nanoTime();
        prepare(bgr);
        long t1 = System.nanoTime();
        List<OutputTensor> outs = run();
        long t2 = System.nanoTime();
        List<ClassScore> top = ClassificationDecoder.topK(outs.get(0), k, this::label);
        times.add(t1 - t0, t2 - t1, System.nanoTime() - t2);
        return top;
    }

    private InputTransform prepare(Mat bgr) {
        try {
            return pre.prepare(bgr);
        } catch (RuntimeException e) {
            throw ModelException.of(name, session.file(), "pre-processing failed: " + e.getMessage(), e);
        }
    }

    private List<OutputTensor> run() {
        if (!pinned.isEmpty()) {
            try (OrtSession.Result r = session.session().run(Map.of(inputName, pre.tensor()), pinned)) {
                return pinnedViews; // filled in place; valid until the next run
            } catch (OrtException e) {
                throw ModelException.of(name, session.file(), "inference failed: " + ModelSessions.firstLine(e), e);
            }
        }
        try (OrtSession.Result r = session.session().run(Map.of(inputName, pre.tensor()))) {
            return OutputTensor.all(r);
        } catch (OrtException e) {
            throw ModelException.of(name, session.file(), "inference failed: " + ModelSessions.firstLine(e), e);
        }
    }

    /** Releases this runner's buffers; the session stays open in its cache. */
    @Override
    public void close() {
        pre.close();
        pinned.values().forEach(OnnxTensor::close);
    }
}
