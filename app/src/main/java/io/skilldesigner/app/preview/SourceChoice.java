package io.skilldesigner.app.preview;

import io.skilldesigner.engine.source.SourceSpec;

/** An entry of the preview's source picker; {@code spec} null means "the skill's own camera input". */
record SourceChoice(String label, SourceSpec spec) {
    static SourceChoice fromSkill() {
        return new SourceChoice("Skill's camera input", null);
    }

    @Override
    public String toString() {
        return label;
    }
}
