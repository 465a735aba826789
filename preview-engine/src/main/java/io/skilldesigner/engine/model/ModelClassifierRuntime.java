package io.skilldesigner.engine.model;

import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.ObjectAttribute;
import io.skilldesigner.engine.runtime.PipelinedRuntime;

/**
 * A classifier node. After a detector it classifies each object's crop (padded by cropPadding, skipped below
 * minCropSize pixels) and adds the top classes inside the confidence window as attributes named after the
 * model. With classifyOn = frame it classifies the whole frame and adds a whole-frame object; the next frame is then
 * pre-processed while the model runs on this one.
 */
public final class ModelClassifierRuntime extends ModelNodeRuntime {
    private final String nodeId;
    private final ModelNodeSettings settings;

    public ModelClassifierRuntime(String nodeId, ModelRunner runner, ModelNodeSettings settings) {
        this(nodeId, List.of(runner), settings);
    }

    /** @param runners one per frame in flight, on the same session */
    public ModelClassifierRuntime(String nodeId, List<ModelRunner> runners, ModelNodeSettings settings) {
        super(runners);
        this.nodeId = nodeId;
        this.settings = settings;
    }

    @Override
    public Prepared prepare(Frame frame) throws InterruptedException {
        if (frame.image() == null || !settings.classifyOnFrame() || !runner().preparesAhead()) {
            return null; // crops are known only once the frame's objects are: they are prepared in finish
        }
        return runner().prepare(frame.image().mat());
    }

    @Override
    Frame finish(Frame frame, Prepared prepared, ModelRunner runner) {
        if (frame.image() == null) {
            return frame;
        }
        Mat image = frame.image().mat();
        if (settings.classifyOnFrame()) {
            return classifyFrame(frame, prepared instanceof ModelRunner.Input in ? runner.classify(in, settings.topK())
                    : runner.classify(image, settings.topK()));
        }
        if (frame.objects().isEmpty()) {
            return frame;
        }
        List<DetectedObject> out = new ArrayList<>(frame.objects().size());
        int n = 0;
        for (DetectedObject o : frame.objects()) {
            Rect r = cropRect(o.bbox(), image.cols(), image.rows());
            if (r == null) {
                out.add(o);
                continue;
            }
            DetectedObject withAttrs = o;
            try (Mat crop = new Mat(image, r)) { // a view: shares the frame's pixels, which are only read
                for (ClassScore c : runner.classify(crop, settings.topK())) {
                    if (settings.inWindow(c.score(), 0)) {
                        withAttrs = withAttrs.withAttribute(new ObjectAttribute(runner.name(), c.label(), c.score(),
                                nodeId + ":" + frame.frameId() + ":" + n++));
                    }
                }
            } finally {
                r.close();
            }
            out.add(withAttrs);
        }
        return frame.withObjects(out);
    }

    private Frame classifyFrame(Frame frame, List<ClassScore> top) {
        if (top.isEmpty() || !settings.inWindow(top.get(0).score(), 0)) {
            return frame;
        }
        String id = nodeId + ":" + frame.frameId();
        List<ObjectAttribute> attrs = new ArrayList<>();
        for (ClassScore c : top) {
            if (settings.inWindow(c.score(), 0)) {
                attrs.add(new ObjectAttribute(runner().name(), c.label(), c.score(), id));
            }
        }
        ClassScore best = top.get(0);
        return frame.plusObjects(List.of(new DetectedObject(best.label(), best.score(), new BBox(0, 0, 1, 1), id,
                attrs, null)));
    }

    /** The padded pixel crop of a box, or null when it is smaller than minCropSize either way. */
    Rect cropRect(BBox box, int width, int height) {
        double padX = box.w() * settings.cropPadding();
        double padY = box.h() * settings.cropPadding();
        int x1 = (int) Math.floor(Math.max(0, box.l() - padX) * width);
        int y1 = (int) Math.floor(Math.max(0, box.t() - padY) * height);
        int x2 = (int) Math.ceil(Math.min(1, box.right() + padX) * width);
        int y2 = (int) Math.ceil(Math.min(1, box.bottom() + padY) * height);
        x2 = Math.min(width, x2);
        y2 = Math.min(height, y2);
        if (x2 - x1 < settings.minCropSize() || y2 - y1 < settings.minCropSize()) {
            return null;
        }
        return new Rect(x1, y1, x2 - x1, y2 - y1);
    }
}
