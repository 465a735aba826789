package io.skilldesigner.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.bytedeco.opencv.opencv_core.Mat;

import io.skilldesigner.engine.frame.DetectedObject;

/** The four COCO photos of ../shared/media/coco, for comparing two runners of a COCO detector. */
final class CocoPhotos {
    private static final Path DIR = TestModels.shared().resolve("media/coco");
    private static final List<String> PHOTOS = List.of("dog.jpg", "horses.jpg", "kite.jpg", "person.jpg");

    private CocoPhotos() {
    }

    /** Asserts that {@code actual} detects exactly what {@code expected} does on each photo (and something). */
    static void assertSameDetections(ModelRunner expected, ModelRunner actual) {
        int found = 0;
        for (String photo : PHOTOS) {
            try (Mat bgr = ModelTryOut.read(DIR.resolve(photo))) {
                List<DetectedObject> want = expected.detect(bgr);
                assertEquals(want, actual.detect(bgr), photo);
                found += want.size();
            }
        }
        assertTrue(found >= PHOTOS.size(), "the photos have objects to compare: " + found);
    }
}
