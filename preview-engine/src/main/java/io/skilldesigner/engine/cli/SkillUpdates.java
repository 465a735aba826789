package io.skilldesigner.engine.cli;

import io.skilldesigner.core.skill.Skill;

/**
 * Skills that replace the running one while it runs ({@code SD_SKILL_SOURCE=twin}); none for a skill file. The
 * run waits for its end or for {@code wake}, then asks {@link #take()}.
 */
interface SkillUpdates {
    SkillUpdates NONE = new SkillUpdates() {
        @Override
        public void onOffer(Runnable wake) {
        }

        @Override
        public Skill take() {
            return null;
        }
    };

    /** {@code wake} is called (from any thread, must not block) when a new skill may be there. */
    void onOffer(Runnable wake);

    /** A checked new skill to run instead of the current one, or null: none, or refused (and said so). */
    Skill take();
}
