package io.skilldesigner.engine;

import java.util.List;
import java.util.stream.Collectors;

import io.skilldesigner.core.validation.Problem;

/** The skill cannot run: the problems say which node and setting. */
public final class SkillBuildException extends Exception {
    private final transient List<Problem> problems;

    public SkillBuildException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public SkillBuildException(Problem problem, Throwable cause) {
        super(problem.toString(), cause);
        this.problems = List.of(problem);
    }

    public List<Problem> problems() {
        return problems;
    }
}
