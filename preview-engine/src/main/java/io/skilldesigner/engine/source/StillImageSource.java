package io.skilldesigner.engine.source;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.bytedeco.opencv.opencv_core.Mat;

import io.skilldesigner.engine.frame.FrameImage;

/**
 * A still image file (JPEG, PNG, BMP, WebP, TIFF) read with OpenCV's {@code imread}, so the model sees the same
 * pixels as OpenCV and numpy pipelines (FFmpeg's JPEG decoding differs by a grey level or more, which moved
 * confidences by up to 0.1). One frame; with loop, the same frame again on every read.
 */
public final class StillImageSource implements FrameSource {
    private static final Set<String> EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "webp", "tif", "tiff");

    private final SourceSpec spec;
    private final SourceStateListener listener;
    private volatile FrameImage image;
    private volatile boolean delivered;
    private volatile boolean closed;
    private volatile boolean cancelled;

    public StillImageSource(SourceSpec spec, SourceStateListener listener) {
        this.spec = spec;
        this.listener = listener;
    }

    /** True for file names with a still image extension. */
    public static boolean isStillImage(String location) {
        int dot = location.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(location.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    @Override
    public void open() throws SourceException {
        Path path = Path.of(spec.location());
        if (!Files.isRegularFile(path)) {
            fail("image file not found: " + path.toAbsolutePath());
        }
        listener.onState(SourceState.CONNECTING, "opening " + spec.describe());
        Mat m = imread(path.toString(), IMREAD_COLOR);
        if (m == null || m.empty()) {
            fail("cannot decode image " + path + " (not an image format OpenCV reads?)");
        }
        // OpenCV turns a photo as its EXIF orientation says; the camera input's turn comes on top
        Mat turned = spec.turnOrNone().applied(m);
        if (turned != m) {
            m.close();
        }
        image = new FrameImage(turned);
        listener.onState(SourceState.LIVE, spec.describe() + FrameRotation.note(FrameRotation.NONE,
                spec.turnOrNone()));
    }

    private void fail(String message) throws SourceException {
        listener.onState(SourceState.FAILED, message);
        throw new SourceException(message);
    }

    @Override
    public FrameImage read() {
        if (closed || cancelled || image == null) {
            return null;
        }
        if (delivered && !spec.loop()) {
            listener.onState(SourceState.ENDED, "end of " + spec.describe());
            return null;
        }
        delivered = true;
        return image;
    }

    @Override
    public boolean isLive() {
        return false;
    }

    @Override
    public void cancel() {
        // nothing native is in flight for a still image: the next read() just ends
        cancelled = true;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        listener.onState(SourceState.CLOSED, spec.describe());
    }
}
