package io.skilldesigner.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

/** Saves a PNG of a scene, for the README's screenshots and visual checks. */
public final class Screenshots {
    private Screenshots() {
    }

    public static Path save(Scene scene, Path file) throws IOException {
        return saveImage(scene.snapshot(null), file);
    }

    public static Path saveImage(WritableImage image, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        return file;
    }
}
