package io.skilldesigner.canvas.edit;

import java.util.Set;

/** Fresh node ids: the type id plus the smallest free number, e.g. {@code model-3}. */
public final class NodeIds {
    private NodeIds() {
    }

    public static String next(String typeId, Set<String> taken) {
        String base = typeId.replaceAll("[^A-Za-z0-9_-]", "-");
        for (int n = 1; ; n++) {
            String id = base + "-" + n;
            if (!taken.contains(id)) {
                return id;
            }
        }
    }
}
