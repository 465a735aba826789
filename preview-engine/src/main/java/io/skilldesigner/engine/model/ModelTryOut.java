package io.skilldesigner.engine.model;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;

import io.skilldesigner.core.model.ModelDescriptor;

/** Runs a model on one image file, as the app's "try on an image" does. */
public final class ModelTryOut {
    private final ModelSessions sessions;

    public ModelTryOut(ModelSessions sessions) {
        this.sessions = sessions;
    }

    /** A library model (relative paths against the workspace), on the CPU. */
    public TryOutResult run(ModelDescriptor model, Path workspaceDir, Path image, int topK) {
        return run(ModelSpec.of(model, workspaceDir, false), image, topK);
    }

    public TryOutResult run(ModelSpec spec, Path image, int topK) {
        try (Mat bgr = read(image); ModelRunner runner = ModelRunner.load(sessions, spec)) {
            long t0 = System.nanoTime();
            TryOutResult r = runner.isClassifier()
                    ? new TryOutResult(spec.name(), bgr.cols(), bgr.rows(), List.of(), runner.classify(bgr, topK),
                    runner.provider(), 0)
                    : new TryOutResult(spec.name(), bgr.cols(), bgr.rows(), runner.detect(bgr), List.of(),
                    runner.provider(), 0);
            double ms = (System.nanoTime() - t0) / 1e6;
            return new TryOutResult(r.modelName(), r.imageWidth(), r.imageHeight(), r.detections(), r.classes(),
                    r.provider(), ms);
        }
    }

    /** Reads an image file as 8-bit BGR (alpha dropped, greyscale expanded). */
    public static Mat read(Path image) {
        if (!Files.isRegularFile(image)) {
            throw new ModelException("image not found: " + image);
        }
        Mat m = imread(image.toString(), IMREAD_COLOR);
        if (m == null || m.empty()) {
            throw new ModelException("cannot read image " + image + " (not an image format OpenCV reads?)");
        }
        return m;
    }
}
