package io.skilldesigner.canvas.tools;

import java.io.File;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;

import io.skilldesigner.canvas.NodeStatus;
import io.skilldesigner.canvas.SkillEditor;
import io.skilldesigner.canvas.TestSkills;

/**
 * Shows the editor with a realistic skill and saves a snapshot of the window: {@code CanvasDemo OUT.png}.
 * Run under Xvfb (xvfb-run) or any display; used for docs/screenshots/canvas.png.
 */
public final class CanvasDemo {
    private CanvasDemo() {
    }

    public static void main(String[] args) throws Exception {
        File out = new File(args.length > 0 ? args[0] : "canvas.png");
        CountDownLatch done = new CountDownLatch(1);
        Throwable[] failure = new Throwable[1];
        Platform.startup(() -> {
            SkillEditor editor = new SkillEditor(TestSkills.CATALOG, TestSkills.library());
            editor.setLabelsOfModel(TestSkills::labelsOf);
            Stage stage = new Stage();
            stage.setScene(new Scene(editor, 1500, 950));
            stage.setTitle("Skill Designer - canvas demo");
            stage.show();
            editor.setSkill(TestSkills.realistic());
            editor.select(List.of("filter-1"));
            editor.setNodeStatus("camera-1", NodeStatus.RUNNING, "15 fps");
            PauseTransition wait = new PauseTransition(Duration.seconds(1.5));
            wait.setOnFinished(e -> {
                try {
                    WritableImage img = stage.getScene().snapshot(null);
                    ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", out);
                } catch (Exception ex) {
                    failure[0] = ex;
                } finally {
                    done.countDown();
                }
            });
            wait.play();
        });
        boolean finished = done.await(60, TimeUnit.SECONDS);
        Platform.exit();
        if (!finished || failure[0] != null) {
            throw new IllegalStateException("snapshot failed" + (finished ? "" : " (timed out)"), failure[0]);
        }
        System.out.println("wrote " + out.getAbsolutePath());
    }
}
