package io.skilldesigner.engine.cli;

import java.io.PrintStream;
import java.util.List;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.io.FileFormatException;
import io.skilldesigner.core.io.SkillJson;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.validation.Problem;
import io.skilldesigner.core.validation.SkillValidator;
import io.skilldesigner.engine.export.TwinSkill;
import io.skilldesigner.engine.export.TwinSkill.InvalidTwinSkillException;

/**
 * The module twin's skill as {@link SkillUpdates}: each skill the twin offers is read and validated against the
 * package's models before the running skill is stopped, so a bad update is refused (on stderr and in the twin's
 * reported properties) while the old skill keeps running.
 */
final class TwinSkillUpdates implements SkillUpdates {
    private static final String ORIGIN = "module twin desired property skill";

    private final TwinSkillSource twin;
    private final NodeCatalog catalog;
    private final ModelLibrary models;
    private final PrintStream err;
    private String running = "";
    private String refused = "";
    private String refusedError = "";
    private TwinSkill pending;

    TwinSkillUpdates(TwinSkillSource twin, NodeCatalog catalog, ModelLibrary models, PrintStream err) {
        this.twin = twin;
        this.catalog = catalog;
        this.models = models;
        this.err = err;
    }

    /**
     * The skill to start with.
     *
     * @throws InvalidTwinSkillException when the twin has none or an unusable one (also reported to the twin)
     */
    Skill first() throws InvalidTwinSkillException {
        TwinSkill t;
        try {
            t = twin.current();
        } catch (InvalidTwinSkillException e) {
            twin.reportRefused("", "", e.getMessage());
            throw e;
        }
        Skill skill = check(t);
        if (skill == null) {
            throw new InvalidTwinSkillException("the skill " + t.id() + " of the module twin is not valid (problems"
                    + " above)");
        }
        return skill;
    }

    /** The skill from {@link #first()} or {@link #take()} is running now. */
    void started() {
        running = pending.sha256();
        twin.reportRunning(pending);
        err.println("skill " + pending.id() + " from the module twin (sha256 " + pending.sha256() + ") running");
    }

    @Override
    public synchronized Skill take() {
        TwinSkill t;
        try {
            t = twin.current();
        } catch (InvalidTwinSkillException e) {
            if (!e.getMessage().equals(refusedError)) {
                refusedError = e.getMessage();
                err.println("error: module twin: update refused, the running skill goes on: " + e.getMessage());
                twin.reportRefused("", "", e.getMessage());
            }
            return null;
        }
        if (t.sha256().equals(running) || t.sha256().equals(refused)) {
            return null;
        }
        Skill skill = check(t);
        if (skill != null) {
            err.println("module twin: skill " + t.id() + " (sha256 " + t.sha256() + ") replaces the running one");
        }
        return skill;
    }

    private Skill check(TwinSkill t) {
        Skill skill;
        try {
            skill = new SkillJson(catalog).read(t.json(), ORIGIN);
        } catch (FileFormatException e) {
            return refuse(t, List.of("the skill JSON cannot be read: " + e.getMessage()));
        }
        List<String> errors = new SkillValidator(catalog, models).validate(skill).stream().filter(Problem::isError)
                .map(Problem::toString).toList();
        if (!errors.isEmpty()) {
            return refuse(t, errors);
        }
        pending = t;
        return skill;
    }

    private Skill refuse(TwinSkill t, List<String> problems) {
        refused = t.sha256();
        err.println("error: module twin: skill " + t.id() + " (sha256 " + t.sha256() + ") refused"
                + (running.isEmpty() ? "" : ", the running skill goes on") + ":");
        problems.forEach(p -> err.println("  " + p));
        twin.reportRefused(t.id(), t.sha256(), String.join("; ", problems));
        return null;
    }
}
