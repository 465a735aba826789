package io.skilldesigner.app.preview;

import java.util.Locale;
import java.util.Map;

import io.skilldesigner.engine.frame.FrameEvent;

/** An event as a short sentence for the video banner: "Line crossing · line midline · in count 1". */
final class EventText {
    private EventText() {
    }

    static String of(FrameEvent e) {
        StringBuilder sb = new StringBuilder(words(e.type()));
        if (!sb.isEmpty()) {
            sb.setCharAt(0, Character.toUpperCase(sb.charAt(0)));
        }
        for (Map.Entry<String, ?> p : e.properties().entrySet()) {
            sb.append(" · ").append(words(p.getKey())).append(' ').append(p.getValue());
        }
        return sb.toString();
    }

    /** "line-crossing" → "line crossing", "inCount" → "in count", "tracking_id" → "tracking id". */
    static String words(String key) {
        return key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('-', ' ').replace('_', ' ')
                .toLowerCase(Locale.ROOT).trim();
    }
}
