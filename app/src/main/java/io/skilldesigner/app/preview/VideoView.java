package io.skilldesigner.app.preview;

import java.util.Locale;
import java.util.function.Consumer;

import io.skilldesigner.app.ui.FxFrames;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameImage;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;

/**
 * The video with its overlay. Each paint takes the session's newest frame ({@code acquireLatestFrame()}), copies
 * it into an FX image and releases it at once, so the frame's pooled buffer goes back to its source; the overlay is
 * redrawn only for a new frame or a resized view. Counts the frames shown and reports the shown fps once a second.
 */
final class VideoView {
    private final ImageView video = new ImageView();
    private final Canvas overlayCanvas = new Canvas();
    private final StackPane videoPane = new StackPane();
    private final FxFrames fxFrames = new FxFrames();
    private final Consumer<String> fpsText;
    private Overlay overlay;
    private Frame shownFrame;
    private double overlayWidth;
    private double overlayHeight;
    private long displayedFrames;
    private long lastFpsNanos;
    private long lastFpsFrames;

    /** @param fpsText where the "n fps shown · m processed" line goes, once a second while painting */
    VideoView(Consumer<String> fpsText) {
        this.fpsText = fpsText;
        video.setPreserveRatio(true);
        video.setSmooth(true);
        video.setId("preview-video");
        overlayCanvas.setId("preview-overlay");
        overlayCanvas.setMouseTransparent(true);
        Pane canvasHolder = new Pane(overlayCanvas);
        canvasHolder.setMouseTransparent(true);
        videoPane.getChildren().addAll(video, canvasHolder);
        videoPane.setStyle("-fx-background-color: #101317;");
        videoPane.setMinSize(320, 200);
        video.fitWidthProperty().bind(videoPane.widthProperty());
        video.fitHeightProperty().bind(videoPane.heightProperty());
        overlayCanvas.widthProperty().bind(videoPane.widthProperty());
        overlayCanvas.heightProperty().bind(videoPane.heightProperty());
    }

    Node view() {
        return videoPane;
    }

    /** Nothing of an earlier run stays: no frame, no overlay, no count. */
    void clear() {
        shownFrame = null;
        overlay = null;
        video.setImage(null);
        overlayCanvas.getGraphicsContext2D().clearRect(0, 0, overlayCanvas.getWidth(), overlayCanvas.getHeight());
        displayedFrames = 0;
        fpsText.accept("");
    }

    /** The overlay drawn over each frame of the next run. */
    void setOverlay(Overlay overlay) {
        this.overlay = overlay;
    }

    /** Starts counting shown frames for the fps line (a session has started). */
    void startCounting() {
        displayedFrames = 0;
        lastFpsNanos = System.nanoTime();
        lastFpsFrames = 0;
    }

    /** Shows the session's newest frame, if it is new; {@code now} is the animation pulse's time. */
    void paint(long now, PreviewSession s) {
        Frame f = s.acquireLatestFrame();
        boolean newFrame = f != null && f != shownFrame && f.image() != null;
        try {
            if (newFrame) {
                shownFrame = f;
                video.setImage(fxFrames.toImage(f.image().mat(), (int) Math.ceil(videoPane.getWidth()),
                        (int) Math.ceil(videoPane.getHeight())));
                displayedFrames++;
            }
        } finally {
            if (f != null) {
                FrameImage.release(f.image()); // the FX image is a copy: the frame's buffer may be reused now
            }
        }
        // the overlay is redrawn only when there is something new to show: a frame or a resized view
        boolean resized = videoPane.getWidth() != overlayWidth || videoPane.getHeight() != overlayHeight;
        if (shownFrame != null && overlay != null && (newFrame || resized)) {
            overlayWidth = videoPane.getWidth();
            overlayHeight = videoPane.getHeight();
            double[] r = imageRect();
            overlay.draw(overlayCanvas, shownFrame, r[0], r[1], r[2], r[3]);
        }
        if (now - lastFpsNanos > 1_000_000_000L) {
            double fps = (displayedFrames - lastFpsFrames) * 1e9 / (now - lastFpsNanos);
            fpsText.accept(String.format(Locale.ROOT, "%.1f fps shown · %d processed", fps, s.outputFrames()));
            lastFpsNanos = now;
            lastFpsFrames = displayedFrames;
        }
    }

    /** The video and overlay as they are on screen. */
    WritableImage snapshot() {
        return videoPane.snapshot(null, null);
    }

    long displayedFrames() {
        return displayedFrames;
    }

    /** Where the image actually sits inside the video pane (letterboxed by preserveRatio). */
    private double[] imageRect() {
        double pw = videoPane.getWidth();
        double ph = videoPane.getHeight();
        if (video.getImage() == null) {
            return new double[]{0, 0, pw, ph};
        }
        double iw = video.getImage().getWidth();
        double ih = video.getImage().getHeight();
        double scale = Math.min(pw / iw, ph / ih);
        double w = iw * scale;
        double h = ih * scale;
        return new double[]{(pw - w) / 2, (ph - h) / 2, w, h};
    }
}
