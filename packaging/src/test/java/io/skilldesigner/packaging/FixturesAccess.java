package io.skilldesigner.packaging;

import java.io.IOException;
import java.nio.file.Path;

import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Skill;

/** {@link Fixtures} for tests in sub-packages. */
public final class FixturesAccess {
    public static final String RTSP_PASSWORD = Fixtures.RTSP_PASSWORD;

    private FixturesAccess() {
    }

    public static ModelLibrary models(Path tmp) throws IOException {
        return Fixtures.models(tmp);
    }

    public static Path shared() {
        return Fixtures.shared();
    }

    public static Skill secretSkill() {
        return Fixtures.secretSkill();
    }
}
