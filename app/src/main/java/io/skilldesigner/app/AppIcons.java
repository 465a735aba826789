package io.skilldesigner.app;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javafx.scene.image.Image;

/** The window icons, in the sizes window managers pick from (rendered from icons/app/skill-designer.svg). */
final class AppIcons {
    private static final int[] SIZES = {16, 24, 32, 48, 64, 128, 256};

    private AppIcons() {
    }

    static List<Image> load() {
        List<Image> out = new ArrayList<>();
        for (int size : SIZES) {
            InputStream in = AppIcons.class.getResourceAsStream("icons/skill-designer-" + size + ".png");
            if (in != null) {
                out.add(new Image(in));
            }
        }
        return out;
    }
}
