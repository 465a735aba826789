package io.skilldesigner.engine.bench;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FILLED;
import static org.bytedeco.opencv.global.opencv_imgproc.circle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

import io.skilldesigner.engine.frame.FrameImage;
import io.skilldesigner.engine.source.SourceSpec;
import io.skilldesigner.engine.source.SourceStateListener;
import io.skilldesigner.engine.source.VideoFileSource;

/** The frames a benchmark runs on: the first frames of a video, or generated ones when there is no video. */
public record BenchmarkFrames(String source, List<Mat> frames) {
    public static BenchmarkFrames load(Path video, int count) throws Exception {
        if (video != null && Files.isRegularFile(video)) {
            List<Mat> out = new ArrayList<>();
            // The engine's own file source: frames decoded (and turned upright) exactly as a skill would get them.
            try (VideoFileSource s = new VideoFileSource(SourceSpec.file(video.toString(), false),
                    SourceStateListener.NONE)) {
                s.open();
                FrameImage img;
                while (out.size() < count && (img = s.read()) != null) {
                    out.add(img.mat().clone()); // pooled buffers go back to the source
                    img.release();
                }
            }
            if (!out.isEmpty()) {
                return new BenchmarkFrames(video.getFileName() + " (" + out.get(0).cols() + "x" + out.get(0).rows()
                        + ")", out);
            }
        }
        return generated(count);
    }

    /** 1280x720 grey frames with a coloured ball moving across. */
    public static BenchmarkFrames generated(int count) {
        List<Mat> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Mat m = new Mat(720, 1280, CV_8UC3, new Scalar(90, 100, 110, 0));
            circle(m, new Point(100 + (i * 37) % 1080, 200 + (i * 23) % 320), 60, new Scalar(0, 200, 255, 0), FILLED,
                    8, 0);
            out.add(m);
        }
        return new BenchmarkFrames("generated 1280x720", out);
    }
}
