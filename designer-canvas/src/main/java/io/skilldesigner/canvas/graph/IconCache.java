package io.skilldesigner.canvas.graph;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import javafx.scene.image.Image;

/** Node icons by {@code NodeType.iconName()}, loaded once per editor from the canvas module's resources. */
public final class IconCache {
    private static final String ROOT = "/io/skilldesigner/canvas/icons/";
    private final Map<String, Optional<Image>> images = new HashMap<>();

    public Optional<Image> icon(String iconName) {
        return images.computeIfAbsent(iconName, IconCache::load);
    }

    private static Optional<Image> load(String name) {
        InputStream in = IconCache.class.getResourceAsStream(ROOT + name + ".png");
        if (in == null) {
            // a type without an icon still works; the node just shows no picture
            return Optional.empty();
        }
        return Optional.of(new Image(in));
    }
}
