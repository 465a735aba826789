package io.skilldesigner.engine.frame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.Test;

/** Pooled frame buffers with real OpenCV Mats: reuse, holds, release, size changes, close. */
class FramePoolTest {
    private static Mat frame(int w, int h, int value) {
        return new Mat(h, w, opencv_core.CV_8UC3, new Scalar(value, value, value, 0));
    }

    private static int pixel(FrameImage img) {
        return img.mat().ptr(0, 0).get() & 0xff;
    }

    @Test
    void aReleasedBufferIsReusedForTheNextFrameWithItsPixelsReplaced() {
        try (FramePool pool = new FramePool(4); Mat a = frame(64, 48, 10); Mat b = frame(64, 48, 20)) {
            FrameImage first = pool.copyOf(a);
            long address = first.mat().data().address();
            assertEquals(10, pixel(first));
            first.release();
            FrameImage second = pool.copyOf(b);
            assertEquals(address, second.mat().data().address(), "same native buffer");
            assertEquals(20, pixel(second));
            assertEquals(new FramePool.Counters(1, 1, 0, 1, 0), pool.counters());
            second.release();
            assertEquals(new FramePool.Counters(1, 1, 0, 0, 1), pool.counters());
        }
    }

    @Test
    void aHeldBufferIsNeverHandedOutAgainUntilItsLastRelease() {
        try (FramePool pool = new FramePool(4); Mat a = frame(32, 32, 1)) {
            FrameImage held = pool.copyOf(a).retain(); // two holders
            held.release();
            FrameImage other = pool.copyOf(a);
            assertNotEquals(held.mat().data().address(), other.mat().data().address());
            assertEquals(2, pool.counters().inUse());
            held.release();
            other.release();
            assertEquals(0, pool.counters().inUse());
            assertEquals(2, pool.counters().allocated());
        }
    }

    @Test
    void manyFramesThroughABoundedPipelineNeedOnlyAFewBuffers() {
        try (FramePool pool = new FramePool(8); Mat a = frame(320, 240, 7)) {
            FrameImage inFlight = null;
            for (int i = 0; i < 500; i++) {
                FrameImage next = pool.copyOf(a); // at most two alive at once, as in a one-slot handoff
                if (inFlight != null) {
                    inFlight.release();
                }
                inFlight = next;
            }
            inFlight.release();
            FramePool.Counters c = pool.counters();
            assertEquals(2, c.allocated());
            assertEquals(498, c.reused());
            assertEquals(0, c.inUse());
        }
    }

    @Test
    void aFrameOfAnotherSizeFreesTheIdleBuffersThatNoLongerFit() {
        try (FramePool pool = new FramePool(4); Mat small = frame(32, 32, 1); Mat big = frame(64, 32, 2)) {
            pool.copyOf(small).release();
            FrameImage b = pool.copyOf(big);
            assertEquals(64, b.width());
            assertEquals(2, pixel(b));
            assertEquals(new FramePool.Counters(2, 0, 1, 1, 0), pool.counters());
            b.release();
        }
    }

    @Test
    void idleBuffersBeyondTheLimitAreFreedAtOnce() {
        try (FramePool pool = new FramePool(1); Mat a = frame(16, 16, 3)) {
            FrameImage x = pool.copyOf(a);
            FrameImage y = pool.copyOf(a);
            x.release();
            y.release();
            assertEquals(new FramePool.Counters(2, 0, 1, 0, 1), pool.counters());
        }
    }

    @Test
    void closingFreesIdleBuffersNowAndHeldOnesWhenReleased() {
        FramePool pool = new FramePool(4);
        try (Mat a = frame(16, 16, 3)) {
            FrameImage held = pool.copyOf(a);
            pool.copyOf(a).release();
            pool.close();
            assertEquals(new FramePool.Counters(2, 0, 1, 1, 0), pool.counters());
            assertEquals(3, pixel(held), "a held image stays readable after the pool closed");
            held.release();
            assertEquals(new FramePool.Counters(2, 0, 2, 0, 0), pool.counters());
            assertThrows(IllegalStateException.class, () -> pool.copyOf(a));
        }
    }

    @Test
    void aReleasedImageCannotBeReadOrRetainedAgain() {
        try (FramePool pool = new FramePool(4); Mat a = frame(16, 16, 3)) {
            FrameImage img = pool.copyOf(a);
            img.release();
            assertThrows(IllegalStateException.class, img::mat);
            assertFalse(img.tryRetain());
            assertThrows(IllegalStateException.class, img::retain);
            assertThrows(IllegalStateException.class, img::release, "released more often than held");
            assertEquals(16, img.width(), "the size stays known for metadata");
        }
    }

    @Test
    void anImageMadeFromAPlainMatIsNotCounted() {
        try (Mat a = frame(16, 16, 3)) {
            FrameImage img = new FrameImage(a);
            img.release();
            img.release();
            assertTrue(img.tryRetain());
            assertSame(a, img.mat(), "still usable: its Mat belongs to whoever made it");
            assertFalse(img.pooled());
        }
    }

    @Test
    void latestFrameHoldsOnlyTheNewestAndAReaderCanHoldItPastAReplacement() {
        try (FramePool pool = new FramePool(4); Mat a = frame(16, 16, 5)) {
            LatestFrame latest = new LatestFrame();
            assertNull(latest.acquire());
            FrameImage first = pool.copyOf(a);
            latest.set(Frame.of(0, 0, first));
            first.release(); // the producer's own hold
            assertEquals(1, pool.counters().inUse());
            Frame shown = latest.acquire();
            FrameImage second = pool.copyOf(a);
            latest.set(Frame.of(1, 0, second));
            second.release();
            assertEquals(5, pixel(shown.image()), "the reader's hold keeps the replaced frame readable");
            assertEquals(2, pool.counters().inUse());
            shown.image().release();
            assertEquals(1, pool.counters().inUse());
            latest.clear();
            assertEquals(0, pool.counters().inUse());
        }
    }
}
