package io.skilldesigner.engine.source;

import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

import io.skilldesigner.engine.frame.FrameImage;

/** A still image source gives OpenCV's pixels (not FFmpeg's JPEG decoding), once or looped. */
class StillImageSourceTest {
    private static final Path PHOTO = Path.of(System.getProperty("sd.shared.dir", "../shared"))
            .resolve("media/coco/dog.jpg").toAbsolutePath();

    @Test
    void jpegPixelsAreOpenCvs() throws Exception {
        List<SourceState> states = new ArrayList<>();
        FrameSource s = SourceFactory.standard().create(SourceSpec.file(PHOTO.toString(), false),
                (state, detail) -> states.add(state));
        assertTrue(s instanceof StillImageSource, "a .jpg is read as a still image: " + s);
        s.open();
        FrameImage img = s.read();
        try (Mat expected = imread(PHOTO.toString()); Mat diff = new Mat(); Mat grey = new Mat()) {
            assertEquals(expected.cols(), img.width());
            assertEquals(expected.rows(), img.height());
            absdiff(expected, img.mat(), diff);
            org.bytedeco.opencv.global.opencv_imgproc.cvtColor(diff, grey,
                    org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY);
            assertEquals(0, countNonZero(grey), "identical to imread");
        }
        assertNull(s.read(), "one frame without loop");
        s.close();
        assertTrue(states.contains(SourceState.LIVE) && states.contains(SourceState.ENDED), states.toString());
    }

    @Test
    void loopedStillRepeatsTheFrame() throws Exception {
        try (FrameSource s = new StillImageSource(SourceSpec.file(PHOTO.toString(), true), (a, b) -> { })) {
            s.open();
            FrameImage first = s.read();
            assertSame(first, s.read());
        }
    }

    @Test
    void missingImageFailsWithThePath() {
        StillImageSource s = new StillImageSource(SourceSpec.file("/nowhere/x.png", false), (a, b) -> { });
        SourceException e = org.junit.jupiter.api.Assertions.assertThrows(SourceException.class, s::open);
        assertTrue(e.getMessage().contains("/nowhere/x.png"), e.getMessage());
    }
}
