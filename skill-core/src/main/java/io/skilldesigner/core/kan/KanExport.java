package io.skilldesigner.core.kan;

import java.util.List;
import java.util.Map;

/**
 * A skill as a KAN document plus what the document could not carry.
 *
 * @param document  the KAN skill object (ordered maps, lists and strings only); serialise with {@link KanText}
 * @param omissions nodes, edges and settings left out or changed, in skill order
 */
public record KanExport(Map<String, Object> document, List<KanOmission> omissions) {
    public KanExport {
        omissions = List.copyOf(omissions);
    }

    public String toYaml() {
        return KanText.toYaml(document);
    }

    public String toJson() {
        return KanText.toJson(document);
    }

    /** True when the document carries the whole skill. */
    public boolean isComplete() {
        return omissions.isEmpty();
    }
}
