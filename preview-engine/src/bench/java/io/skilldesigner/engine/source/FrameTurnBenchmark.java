package io.skilldesigner.engine.source;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.randu;

import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

import io.skilldesigner.engine.frame.FrameImage;
import io.skilldesigner.engine.frame.FramePool;

/**
 * What turning costs a source per decoded frame: {@link FrameRotation#uprightCopy} into the pool (the one copy
 * every frame gets) with no turn, a half turn and a quarter turn, side by side on the same 1080p BGR frame.
 * {@code java -cp <test classpath> io.skilldesigner.engine.source.FrameTurnBenchmark [frames]}
 */
public final class FrameTurnBenchmark {
    private FrameTurnBenchmark() {
    }

    public static void main(String[] args) {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        try (Mat decoded = new Mat(1080, 1920, CV_8UC3); FramePool pool = new FramePool(FrameSource.POOL_IDLE)) {
            randu(decoded, new Mat(1, 1, org.bytedeco.opencv.global.opencv_core.CV_64F, new Scalar(0)),
                    new Mat(1, 1, org.bytedeco.opencv.global.opencv_core.CV_64F, new Scalar(255)));
            for (int round = 1; round <= 3; round++) {
                StringBuilder line = new StringBuilder("round " + round + ", 1920x1080 BGR, ms per frame:");
                for (FrameRotation r : new FrameRotation[] {FrameRotation.NONE, FrameRotation.HALF_TURN,
                        FrameRotation.CLOCKWISE_90}) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < frames; i++) {
                        FrameImage img = r.uprightCopy(decoded, pool);
                        img.release();
                    }
                    line.append(String.format(java.util.Locale.ROOT, "  %s %.2f", r, (System.nanoTime() - t0) / 1e6
                            / frames));
                }
                System.out.println(line);
            }
        }
    }
}
