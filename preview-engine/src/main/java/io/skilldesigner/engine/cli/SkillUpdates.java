package io.skilldesigner.engine.cli;

import io.skilldesigner.core.skill.Skill;

/**
 * Skills that replace the running one while it runs ({@code SD_SKILL_SOURCE=twin}); none for a skill file. The
 * run asks {@link #take()} now and then while it waits for its end.
 */
interface SkillUpdates {
    SkillUpdates NONE = () -> null;

    /** A checked new skill to run instead of the current one, or null: none, or refused (and said so). */
    Skill take();
}
