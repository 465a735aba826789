package io.skilldesigner.engine.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import org.bytedeco.opencv.opencv_core.Mat;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.Fit;
import io.skilldesigner.core.model.ModelIo;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.model.OutputLayout;
import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.ObjectAttribute;
import io.skilldesigner.engine.runtime.PipelinedRuntime;

/**
 * A loaded model ready to run on BGR images: the shared session plus this runner's own pre-processing buffers
 * and decoder. The full model path is {@link #detect} / {@link #classify}: pre-process, run, decode, map boxes
 * back to the image. One runner serves one node: one thread runs models while (at most) one other prepares the
 * next frame's input ({@link #prepare}), so pre-processing overlaps inference.
 */
public final class ModelRunner implements AutoCloseable {
    private final String name;
    private final ModelSession session;
    private final ModelIo io;
    private final DecoderSettings settings;
    private final OutputLayout layout;
    private final List<String> labels;
    private final String namesSource;
    private final String inputName;
    private final Preprocessor.ElementType inputType;
    /**
     * Input tensors: two, so the next frame is prepared while this one runs; one when the input follows the frame
     * size ({@link Fit#PAD} on a model of any input size), remade when that size changes.
     */
    private final InputBuffers buffers;
    private final DetectionDecoder decoder;
    private final StageTimes times = new StageTimes();
    private long droppedBoxes;
    /** Time spent waiting for a turn on the shared session (fairness between streams). */
    private long stageWaitNanos;
    private long clippedBoxes;
    /** The outputs the decoder reads, in the model's order: the only ones each run asks ONNX Runtime for. */
    private final Set<String> requested;
    /** Output tensors ONNX Runtime writes into (static float outputs only), so no per-frame output copy. */
    private final Map<String, OnnxTensor> pinned;
    private final List<OutputTensor> pinnedViews;
    /** Batches this runner's inputs with other streams' on the shared session; null when not batchable. */
    private final BatchedRuns batched;

    private ModelRunner(String name, ModelSession session, ModelIo io, DecoderSettings settings, ModelNames names,
                        Preprocessor.ElementType inputType) throws OrtException {
        this.name = name;
        this.session = session;
        this.io = io;
        this.settings = settings;
        this.layout = settings.layout();
        this.labels = names.names();
        this.namesSource = names.source();
        this.inputName = io.inputs().get(0).name();
        this.inputType = inputType;
        this.buffers = new InputBuffers(followsFrameSize() ? 1 : 2, settings, inputType, session.environment());
        this.decoder = layout == OutputLayout.CLASSIFICATION ? null : DetectionDecoder.forLayout(layout);
        List<String> outputNames = io.outputs().stream().map(t -> t.name()).toList();
        // a classifier reads its first output (ClassificationDecoder.topK), as single-head decoders do
        this.requested = new LinkedHashSet<>(decoder == null ? outputNames.subList(0, 1)
                : decoder.outputsRead(outputNames));
        this.pinned = new LinkedHashMap<>();
        this.pinnedViews = new ArrayList<>();
        this.batched = batchable() ? session.batchedRuns(inputName, settings.nchw()
                ? new long[] {3, settings.inputHeight(), settings.inputWidth()}
                : new long[] {settings.inputHeight(), settings.inputWidth(), 3}, requested) : null;
        if (batched == null) {
            pinOutputs(session);
        }
    }

    /**
     * Whether inputs can be batched across streams: several streams share the session, the model's batch
     * dimension is dynamic, the input is float32 and of one size for every frame.
     */
    private boolean batchable() {
        List<Long> shape = io.inputs().get(0).shape();
        return session.maxBatch() > 1 && inputType == Preprocessor.ElementType.FLOAT && shape.size() == 4
                && shape.get(0) <= 0 && !followsFrameSize();
    }

    /**
     * How inputs are batched across the streams sharing the session (average inputs per run, or why batching was
     * turned off), or empty when this runner does not batch.
     */
    public Optional<String> batching() {
        if (batched == null) {
            // a dynamic-batch model on a shared session whose measurement found single inputs faster says so
            String off = session.batchingOff();
            return off == null || io.inputs().get(0).shape().isEmpty() || io.inputs().get(0).shape().get(0) > 0
                    ? Optional.empty() : Optional.of("off: " + off);
        }
        String off = batched.disabledBecause();
        return Optional.of(off != null ? "off: " + off : String.format(Locale.ROOT,
                "%.2f inputs per run across streams", batched.averageBatch()));
    }

    private void pinOutputs(ModelSession session) {
        for (io.skilldesigner.core.model.TensorInfo t : io.outputs()) {
            if (!requested.contains(t.name())) {
                continue;
            }
            if (!t.elementType().equals("FLOAT") || t.shape().stream().anyMatch(d -> d <= 0)
                    || settings.fit() == Fit.PAD) {
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
        Map<String, String> metadata = ModelInspector.metadata(spec.name(), session);
        DecoderSettings settings = settle(spec, io, metadata);
        OutputLayout layout = settings.layout();
        if (spec.task() != null && (spec.task() == ModelTask.CLASSIFICATION) != (layout == OutputLayout.CLASSIFICATION)) {
            throw ModelException.of(spec.name(), spec.file(), "the model is registered for " + spec.task()
                    + " but its output layout is " + layout + ", a "
                    + (layout == OutputLayout.CLASSIFICATION ? "classifier" : "detector") + " (" + io.layoutEvidence()
                    + ")");
        }
        ModelNames names = names(spec, metadata);
        Optional<String> mismatch = ClassCount.mismatch(io, layout, settings, names.names());
        if (mismatch.isPresent()) {
            String m = spec.labels() != null ? mismatch.get()
                    : mismatch.get().replace("the label file has", "the model's metadata names");
            throw ModelException.of(spec.name(), spec.file(), m + " (" + names.source() + ")");
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
            return new ModelRunner(spec.name(), session, io, settings, names, type);
        } catch (OrtException | IllegalArgumentException e) {
            throw ModelException.of(spec.name(), spec.file(), "cannot prepare the input: " + e.getMessage(), e);
        }
    }

    /**
     * The settings to run with: the user's (a partial setting filled from the defaults of its layout) or the
     * proposed ones. Refuses a model whose outputs no layout decodes, with the reason and what is supported.
     */
    static DecoderSettings settle(ModelSpec spec, ModelIo io, Map<String, String> metadata) {
        DecoderSettings given = spec.decoder();
        OutputLayout layout = given != null && given.layout() != null ? given.layout() : io.detectedLayout();
        if (layout == null) {
            throw ModelException.of(spec.name(), spec.file(), "not supported: " + io.layoutEvidence()
                    + "; supported layouts: " + LayoutDetector.SUPPORTED);
        }
        DecoderSettings defaults = DecoderDefaults.propose(io, layout, metadata);
        DecoderSettings d = given == null ? defaults : given.over(defaults);
        Optional<String> misfit = LayoutFit.check(io, layout, d);
        if (misfit.isPresent()) {
            throw ModelException.of(spec.name(), spec.file(), misfit.get());
        }
        return d.layout() == layout ? d : d.withLayout(layout);
    }

    /** The label file's names (it overrides), else the model's metadata names, else none. */
    private static ModelNames names(ModelSpec spec, Map<String, String> metadata) {
        try {
            return ModelNames.of(spec.labels(), metadata);
        } catch (ModelException e) {
            throw ModelException.of(spec.name(), spec.file(), e.getMessage(), e);
        }
    }

    /**
     * Another runner on the same session, settings and labels, with its own buffers: a node that keeps several
     * frames in flight runs one per frame.
     */
    public ModelRunner sibling() {
        try {
            return new ModelRunner(name, session, io, settings, new ModelNames(labels, namesSource), inputType);
        } catch (OrtException | IllegalArgumentException e) {
            throw ModelException.of(name, session.file(), "cannot prepare the input: " + e.getMessage(), e);
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

    /** Where the class names came from ("label file x", "model metadata 'names'", or none). */
    public String namesSource() {
        return namesSource;
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

    /**
     * The label of a class index: from the names (a list without the background of a background-first layout is
     * shifted by one), else "face" for face detectors, else "class N".
     */
    public String label(int index) {
        OptionalInt classes = ClassCount.of(io, layout, settings);
        boolean noBackground = ClassCount.backgroundFirst(layout) && classes.isPresent()
                && labels.size() == classes.getAsInt() - 1;
        int i = noBackground ? index - 1 : index;
        if (i >= 0 && i < labels.size()) {
            return labels.get(i);
        }
        boolean faces = layout == OutputLayout.YUNET || (ClassCount.backgroundFirst(layout)
                && classes.orElse(2) == 2 && index == UltraFaceDecoder.FACE);
        return faces ? "face" : "class " + index;
    }

    /** Detections in the image at the decoder's threshold, boxes normalised to it, best first. */
    public List<DetectedObject> detect(Mat bgr) {
        return detect(bgr, settings.scoreThreshold());
    }

    /**
     * Detections in the image with a score of at least {@code threshold} (the node's one threshold; it may be
     * below the decoder's default), boxes normalised to it, best first. Landmarks (RetinaFace, YuNet) come as
     * attributes {@code landmark1..5} with value "x,y" normalised to the image.
     */
    public List<DetectedObject> detect(Mat bgr, double threshold) {
        if (decoder == null) {
            throw ModelException.of(name, session.file(), "is a classifier; it cannot detect objects");
        }
        return detect(prepareNow(bgr), threshold);
    }

    /**
     * As {@link #detect(Mat, double)} for an input prepared ahead by {@link #prepare}; gives the input's buffer
     * back.
     */
    public List<DetectedObject> detect(Input input, double threshold) {
        try (input) {
            if (decoder == null) {
                throw ModelException.of(name, session.file(), "is a classifier; it cannot detect objects");
            }
            long t1 = System.nanoTime();
            List<OutputTensor> outs = run(input.buffer.pre());
            long t2 = System.nanoTime();
            List<DetectedObject> out = boxes(input, outs, threshold);
            times.add(input.preNanos, t2 - t1, System.nanoTime() - t2);
            return out;
        }
    }

    private List<DetectedObject> boxes(Input input, List<OutputTensor> outs, double threshold) {
        InputTransform tr = input.transform;
        BoxCheck checked;
        try {
            checked = decoder.decodeChecked(outs, input.buffer.settings().withScoreThreshold(threshold));
        } catch (IllegalArgumentException e) {
            throw ModelException.of(name, session.file(), e.getMessage(), e);
        }
        droppedBoxes += checked.dropped();
        clippedBoxes += checked.clipped();
        List<DetectedObject> out = new ArrayList<>(checked.kept().size());
        for (Detection d : checked.kept()) {
            BBox box = tr.toSource(d.x1(), d.y1(), d.x2(), d.y2());
            if (box.w() <= 0 || box.h() <= 0) {
                droppedBoxes++; // wholly in the letterbox padding: outside the frame
                continue;
            }
            DetectedObject o = DetectedObject.of(label(d.classIndex()), d.score(), box);
            float[] p = d.points();
            for (int k = 0; k + 1 < p.length; k += 2) {
                double x = Math.max(0, Math.min(1, (p[k] - tr.padX()) / tr.scaleX() / tr.srcWidth()));
                double y = Math.max(0, Math.min(1, (p[k + 1] - tr.padY()) / tr.scaleY() / tr.srcHeight()));
                o = o.withAttribute(new ObjectAttribute("landmark" + (k / 2 + 1),
                        String.format(Locale.ROOT, "%.4f,%.4f", x, y), d.score(), ""));
            }
            out.add(o);
        }
        return out;
    }

    /**
     * The outputs each run asks ONNX Runtime for (those its decoder reads), in the model's order, batched across
     * streams or not.
     */
    public Set<String> outputsRequested() {
        return Collections.unmodifiableSet(requested);
    }

    /** Nanoseconds this runner waited for its turns on the shared session so far. */
    public long stageWaitNanos() {
        return stageWaitNanos;
    }

    /** The session it runs on (shared with every runner of the same model file and provider). */
    public ModelSession session() {
        return session;
    }

    /** Boxes dropped so far (no area after clipping, or not finite) and boxes clipped to the frame. */
    public long droppedBoxes() {
        return droppedBoxes;
    }

    public long clippedBoxes() {
        return clippedBoxes;
    }

    /** The top k classes of the image (probabilities; softmax applied to logits). */
    public List<ClassScore> classify(Mat bgr, int k) {
        if (decoder != null) {
            throw ModelException.of(name, session.file(), "is a " + layout + " detector; it cannot classify");
        }
        return classify(prepareNow(bgr), k);
    }

    /** As {@link #classify(Mat, int)} for an input prepared ahead by {@link #prepare}; gives its buffer back. */
    public List<ClassScore> classify(Input input, int k) {
        try (input) {
            if (decoder != null) {
                throw ModelException.of(name, session.file(), "is a " + layout + " detector; it cannot classify");
            }
            long t1 = System.nanoTime();
            List<OutputTensor> outs = run(input.buffer.pre());
            long t2 = System.nanoTime();
            List<ClassScore> top = ClassificationDecoder.topK(outs.get(0), k, this::label);
            times.add(input.preNanos, t2 - t1, System.nanoTime() - t2);
            return top;
        }
    }

    /**
     * Pre-processes the image into a free input buffer, waiting for one when both are in use: called for the
     * next frame while {@link #detect(Input, double)} or {@link #classify(Input, int)} runs this one, on another
     * thread, in frame order. The image is only read here; it may be released once this returns.
     *
     * @throws InterruptedException when stopped while waiting for a buffer
     */
    public Input prepare(Mat bgr) throws InterruptedException {
        long t0 = System.nanoTime();
        InputBuffers.Buffer b;
        try {
            b = buffers.take(settings);
        } catch (OrtException e) {
            throw ModelException.of(name, session.file(), "cannot allocate the input: " + e.getMessage(), e);
        }
        try {
            if (followsFrameSize()) {
                b = fitToFrame(b, LayoutProbe.pad32(bgr.cols()), LayoutProbe.pad32(bgr.rows()));
            }
            InputTransform tr = b.pre().prepare(bgr);
            return new Input(b, tr, System.nanoTime() - t0);
        } catch (OrtException | RuntimeException e) {
            buffers.give(b);
            throw ModelException.of(name, session.file(), "pre-processing failed: " + e.getMessage(), e);
        }
    }

    /** Whether inputs can be prepared ahead on another thread (false while the input follows the frame size). */
    public boolean preparesAhead() {
        return !followsFrameSize();
    }

    /** {@link #prepare} for a caller that runs the input at once (a free buffer is always there for it). */
    private Input prepareNow(Mat bgr) {
        try {
            return prepare(bgr);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ModelException.of(name, session.file(), "interrupted while waiting for an input buffer", e);
        }
    }

    /** A model with any input size and no resize: the input follows the frame (padded to a multiple of 32). */
    private boolean followsFrameSize() {
        return settings.fit() == Fit.PAD && LayoutDetector.inputSize(io.inputs()) == null;
    }

    private InputBuffers.Buffer fitToFrame(InputBuffers.Buffer b, int w, int h) throws OrtException {
        if (b.settings().inputWidth() == w && b.settings().inputHeight() == h) {
            return b;
        }
        return buffers.resize(b, settings.withInputSize(w, h));
    }

    /** Inference on the shared session's stages, first come first served across the streams sharing it. */
    private List<OutputTensor> run(Preprocessor pre) {
        if (batched != null) {
            long[] waited = {0};
            try {
                return batched.run(pre.floats(), waited);
            } catch (OrtException e) {
                throw ModelException.of(name, session.file(), "inference failed: " + ModelSessions.firstLine(e), e);
            } finally {
                stageWaitNanos += waited[0];
            }
        }
        InferencePool.Timed<List<OutputTensor>> done;
        try {
            done = session.runOnStage(() -> runNow(pre));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            throw ModelException.of(name, session.file(), "the model's session is closed", e);
        }
        stageWaitNanos += done.waitedNanos();
        return done.value();
    }

    private List<OutputTensor> runNow(Preprocessor pre) {
        if (!pinned.isEmpty()) {
            try (OrtSession.Result r = session.session().run(Map.of(inputName, pre.tensor()), pinned)) {
                return pinnedViews; // filled in place; valid until the next run
            } catch (OrtException e) {
                throw ModelException.of(name, session.file(), "inference failed: " + ModelSessions.firstLine(e), e);
            }
        }
        try (OrtSession.Result r = session.session().run(Map.of(inputName, pre.tensor()), requested)) {
            return OutputTensor.all(r);
        } catch (OrtException e) {
            throw ModelException.of(name, session.file(), "inference failed: " + ModelSessions.firstLine(e), e);
        }
    }

    /** Releases this runner's buffers; the session stays open in its cache. */
    @Override
    public void close() {
        buffers.close();
        pinned.values().forEach(OnnxTensor::close);
    }

    /** An input prepared ahead in one of the runner's buffers; closing it gives the buffer back (once). */
    public final class Input implements PipelinedRuntime.Prepared {
        private final InputBuffers.Buffer buffer;
        private final InputTransform transform;
        private final long preNanos;
        private boolean givenBack;

        private Input(InputBuffers.Buffer buffer, InputTransform transform, long preNanos) {
            this.buffer = buffer;
            this.transform = transform;
            this.preNanos = preNanos;
        }

        @Override
        public void close() {
            if (!givenBack) {
                givenBack = true;
                buffers.give(buffer);
            }
        }
    }
}
