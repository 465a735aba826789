package io.skilldesigner.canvas.properties;

import java.util.List;
import java.util.function.Supplier;

import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.model.ModelLibrary;

/** Picks the editor for a setting's type and flags (secret, label picker, directory). */
final class SettingEditors {
    private SettingEditors() {
    }

    static SettingEditor create(SettingSpec spec, Supplier<ModelLibrary> models, Supplier<List<String>> labels) {
        return switch (spec.type()) {
            case TEXT, URL, SECRET -> new TextSettingEditor(spec);
            case INTEGER, DECIMAL -> new NumberSettingEditor(spec);
            case BOOLEAN -> new BooleanSettingEditor();
            case CHOICE -> new ChoiceSettingEditor(spec);
            case STRING_LIST -> new StringListSettingEditor(spec.picksLabels() ? labels : List::of);
            case KEY_VALUE_LIST -> new KeyValueSettingEditor(spec);
            case FILE_PATH -> new FileSettingEditor(spec.label(), spec.directory());
            case JSON -> new JsonSettingEditor(spec);
            case MODEL_REF -> new ModelRefSettingEditor(models);
            case POINT_LIST -> new PointListSettingEditor(spec.label());
        };
    }
}
