package io.skilldesigner.engine.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

import io.skilldesigner.core.catalog.FrameShape;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameImage;

class InsightsOverlayTest {
    private static final int W = 320;
    private static final int H = 240;

    /** Pixels off black in the column x, rows from..to (inclusive). */
    private static int painted(Mat m, int x, int from, int to) {
        int n = 0;
        try (UByteIndexer px = m.createIndexer()) {
            for (int y = from; y <= to; y++) {
                if (px.get(y, x, 0) + px.get(y, x, 1) + px.get(y, x, 2) > 0) {
                    n++;
                }
            }
        }
        return n;
    }

    private static Mat drawLine(int inSide) {
        Frame f = Frame.of(0, 0, new FrameImage(new Mat(H, W, opencv_core.CV_8UC3, new Scalar(0, 0, 0, 0))));
        // a horizontal line drawn left to right across the middle
        FrameShape line = new FrameShape("door", List.of(List.of(0.1, 0.5), List.of(0.9, 0.5)), inSide);
        return InsightsOverlay.draw(f, true, List.of(line));
    }

    @Test
    void theLinesArrowPointsToItsInSide() {
        Mat up = drawLine(-1);
        Mat down = drawLine(1);
        int mid = W / 2;
        // the line itself at y 120, the arrow 20 px (240 / 12) from its middle
        assertTrue(painted(up, 60, 115, 125) > 0, "the line is drawn");
        assertTrue(painted(up, mid, 100, 116) > 0, "left of A→B: the arrow points up");
        assertEquals(0, painted(up, mid, 124, 140), "nothing below the line");
        assertTrue(painted(down, mid, 124, 140) > 0, "right of A→B: the arrow points down");
        assertEquals(0, painted(down, mid, 100, 116), "nothing above the line");
        assertEquals(0, painted(drawLine(0), mid, 100, 116) + painted(drawLine(0), mid, 124, 140),
                "a shape without a direction has no arrow");
    }
}
