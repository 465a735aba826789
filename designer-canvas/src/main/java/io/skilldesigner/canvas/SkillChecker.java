package io.skilldesigner.canvas;

import java.util.List;

import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.validation.Problem;

/** Finds a skill's problems; the editor shows them in the validation view, on badges and beside fields. */
@FunctionalInterface
public interface SkillChecker {
    List<Problem> check(Skill skill);
}
