package io.skilldesigner.core.model;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Read access to the models a skill can reference, by id. */
public interface ModelLibrary {
    Optional<ModelDescriptor> find(String modelId);

    List<ModelDescriptor> all();

    static ModelLibrary of(Collection<ModelDescriptor> models) {
        Map<String, ModelDescriptor> byId = new LinkedHashMap<>();
        models.forEach(m -> byId.put(m.id(), m));
        return new ModelLibrary() {
            @Override
            public Optional<ModelDescriptor> find(String modelId) {
                return Optional.ofNullable(byId.get(modelId));
            }

            @Override
            public List<ModelDescriptor> all() {
                return List.copyOf(byId.values());
            }
        };
    }

    static ModelLibrary empty() {
        return of(List.of());
    }
}
