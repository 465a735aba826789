package io.skilldesigner.engine.frame;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An event in KAN's shape: type, id, related object ids, string properties. */
public record FrameEvent(String type, String eventId, List<String> relatedIds, Map<String, String> properties,
                         long timestampMillis) {
    public FrameEvent {
        relatedIds = List.copyOf(relatedIds == null ? List.of() : relatedIds);
        properties = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(properties == null ? Map.of() : properties));
    }
}
