package io.skilldesigner.core.skill;

import java.util.Objects;

/** The skill's runtime basics: desired frame rate (1..120 fps) and device acceleration. */
public record SkillBasics(int desiredFps, Acceleration acceleration) {
    public static final int MIN_FPS = 1;
    public static final int MAX_FPS = 120;

    public SkillBasics {
        Objects.requireNonNull(acceleration, "acceleration");
    }

    public static SkillBasics defaults() {
        return new SkillBasics(15, Acceleration.CPU);
    }

    public SkillBasics withDesiredFps(int fps) {
        return new SkillBasics(fps, acceleration);
    }

    public SkillBasics withAcceleration(Acceleration a) {
        return new SkillBasics(desiredFps, a);
    }
}
