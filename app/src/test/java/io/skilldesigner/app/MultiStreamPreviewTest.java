package io.skilldesigner.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import io.skilldesigner.app.demo.DemoVideo;
import io.skilldesigner.app.demo.DemoWorkspace;
import io.skilldesigner.app.preview.PreviewPage;
import io.skilldesigner.app.preview.StreamStatus;
import io.skilldesigner.engine.RunState;
import io.skilldesigner.engine.frame.Frame;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;

/**
 * Live Preview on several sources at once, in the real application (headless): the demo skill on its own demo
 * video plus the shared real street video runs as two streams of one {@code StreamGroup}; the streams tab shows
 * both streams' figures advancing, the toggle above the video switches the video shown; a source that cannot be
 * opened fails alone, named with why, while the first stream keeps going.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultiStreamPreviewTest {
    @TempDir
    static Path tmp;
    static SkillDesignerApp app;
    static final FxRobot robot = new FxRobot();

    @BeforeAll
    static void startApp() throws Exception {
        app = TestApp.start(tmp.resolve("ws"));
    }

    @AfterAll
    static void stopApp() throws Exception {
        TestApp.stop(app);
    }

    private static PreviewPage openPreview() {
        robot.clickOn("#nav-skills");
        robot.clickOn("#skill-preview-" + DemoWorkspace.SKILL_ID);
        return (PreviewPage) app.shell().page("preview");
    }

    /** "+ Source", then the menu's entry (the file dialog is replaced by the page's chooser). */
    private static void addSource(String entry) {
        robot.clickOn("#preview-add-source");
        MenuButton add = robot.lookup("#preview-add-source").queryAs(MenuButton.class);
        MenuItem item = add.getItems().stream().filter(i -> i.getText().startsWith(entry)).findFirst().orElseThrow();
        robot.interact(() -> {
            item.fire();
            add.hide();
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    private static List<StreamStatus> streams() {
        TableView<StreamStatus> table = robot.lookup("#preview-streams").queryAs(TableView.class);
        return List.copyOf(table.getItems());
    }

    private static long frames(int stream) {
        List<StreamStatus> s = streams();
        return s.size() > stream ? s.get(stream).figures().frames() : -1;
    }

    private static String text(String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static int widthOf(Path video) throws IOException {
        try (FFmpegFrameGrabber g = new FFmpegFrameGrabber(video.toFile())) {
            g.start();
            return g.getImageWidth();
        }
    }

    @Test
    @Order(1)
    void twoVideosRunAsTwoStreamsWithTheirFiguresAdvancing() throws Exception {
        PreviewPage page = openPreview();
        Path street = SharedFiles.shared().resolve("media/video/one-by-one-person-detection.mp4");
        int streetWidth = widthOf(street);
        assertTrue(streetWidth != DemoVideo.WIDTH, "the two videos tell apart by their width: " + streetWidth);
        robot.interact(() -> page.setVideoFileChooser(owner -> street.toFile()));
        addSource("Video file");
        assertTrue(text("#preview-source-stream2 .label").contains(street.getFileName().toString()),
                "the added source is listed as stream2");
        robot.clickOn("#preview-start");

        TestApp.waitUntil("both streams have output frames", 120, () -> frames(0) >= 5 && frames(1) >= 5);
        long first = frames(0);
        long second = frames(1);
        TestApp.waitUntil("both streams' figures advance", 120, () -> frames(0) >= first + 10 && frames(1) >= second + 10);
        List<StreamStatus> now = streams();
        assertEquals(2, now.size());
        for (StreamStatus s : now) {
            assertEquals(RunState.RUNNING, s.state(), s.streamId() + ": " + s.message());
            assertTrue(s.figures().fps() > 0, "fps of " + s);
            assertTrue(s.figures().p50Millis() > 0 && s.figures().p95Millis() >= s.figures().p50Millis(),
                    "capture-to-output latency of " + s);
        }
        assertTrue(now.get(0).figures().source().contains(Path.of(DemoWorkspace.VIDEO).getFileName().toString()),
                now.get(0).figures().source());
        assertTrue(now.get(1).figures().source().contains(street.getFileName().toString()),
                now.get(1).figures().source());
        String total = text("#preview-streams-total");
        assertTrue(total.contains("over 2 running streams") && total.contains("fairness"), total);

        // stream1 is shown first; its toggle above the video switches to stream2's video
        TestApp.waitUntil("stream1's video is shown", 30, () -> shownWidth(page) == DemoVideo.WIDTH);
        robot.clickOn("#preview-show-stream2");
        TestApp.waitUntil("stream2's video is shown", 30, () -> shownWidth(page) == streetWidth);
        long painted = page.displayedFrames();
        TestApp.waitUntil("stream2's frames are painted", 30, () -> page.displayedFrames() > painted + 5);
        TestApp.waitUntil("the state line speaks of stream2", 10,
                () -> text("#preview-state").startsWith("stream2: RUNNING"));
        shot("preview-two-streams");
        // a row of the streams table shows its stream too
        // The table's row cells are recycled on each refresh (and one spare sits under a hidden parent), so the
        // click goes to where row 0 is, read on the FX thread, not to a cell object that may move meanwhile.
        Point2D[] row1 = new Point2D[1];
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            TableRow<StreamStatus> r = robot.lookup("#preview-streams .table-row-cell").queryAllAs(TableRow.class)
                    .stream().filter(x -> x.getIndex() == 0 && shown(x) && x.getItem() != null).findFirst()
                    .orElseThrow();
            Bounds b = r.localToScreen(r.getBoundsInLocal());
            row1[0] = new Point2D(b.getMinX() + 40, b.getCenterY());
        });
        robot.clickOn(row1[0]);
        TestApp.waitUntil("stream1's video is shown again", 30, () -> shownWidth(page) == DemoVideo.WIDTH);
        assertTrue(robot.lookup("#preview-show-stream1").queryAs(ToggleButton.class)
                .isSelected(), "the toggle follows the table");
        robot.clickOn("#preview-stop");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, page.session());
    }

    @Test
    @Order(2)
    void aFailingSecondSourceIsNamedWithWhyWhileTheFirstKeepsGoing() throws Exception {
        PreviewPage page = openPreview();
        Path broken = tmp.resolve("broken.mp4");
        Files.writeString(broken, "this is not a video");
        if (robot.lookup("#preview-remove-stream2").tryQuery().isPresent()) {
            robot.clickOn("#preview-remove-stream2");
        }
        robot.interact(() -> page.setVideoFileChooser(owner -> broken.toFile()));
        addSource("Video file");
        robot.clickOn("#preview-start");

        TestApp.waitUntil("stream2 fails", 60, () -> streams().size() == 2 && streams().get(1).failed());
        StreamStatus failed = streams().get(1);
        assertTrue(failed.message().contains("broken.mp4"), "says which source failed: " + failed.message());
        long first = frames(0);
        TestApp.waitUntil("stream1 keeps going after stream2 failed", 60, () -> frames(0) >= first + 10);
        assertEquals(RunState.RUNNING, streams().get(0).state(), streams().get(0).message());
        assertTrue(text("#preview-state").contains("stream2 failed: ") && text("#preview-state").contains("broken.mp4"),
                "the state line names the failed stream and why: " + text("#preview-state"));
        String total = text("#preview-streams-total");
        assertTrue(total.contains("over 1 running stream") && total.contains("stream2 failed: "), total);
        long painted = page.displayedFrames();
        TestApp.waitUntil("stream1's frames are still painted", 30, () -> page.displayedFrames() > painted + 5);
        shot("preview-failed-stream");
        robot.clickOn("#preview-stop");
    }

    /** Visible with every parent (the table keeps a spare row cell under a hidden parent). */
    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static int shownWidth(PreviewPage page) {
        Frame f = page.session() == null ? null : page.session().latestFrame();
        return f == null ? -1 : f.width();
    }

    private static void shot(String name) {
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            try {
                Screenshots.save(robot.lookup("#preview-page").query().getScene(),
                        Path.of("target", "multi-stream", name + ".png"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
