package io.skilldesigner.engine.cli;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonObject;

import io.skilldesigner.engine.export.DesiredProperties;
import io.skilldesigner.engine.export.EdgeModuleConnection;
import io.skilldesigner.engine.export.EdgeModuleConnection.EdgeHubException;
import io.skilldesigner.engine.export.TwinSkill;
import io.skilldesigner.engine.export.TwinSkill.InvalidTwinSkillException;

/**
 * {@code SD_SKILL_SOURCE=twin}: the skill comes from the runtime module's twin (desired property {@code skill},
 * see {@link TwinSkill}) instead of the package's skill.json, through the same module client as the IoT exports.
 * Holds the desired properties as last seen (the whole document after each twin GET, patches merged in); the run
 * looks at the skill there now and then and checks a new one while the old one keeps running (see
 * {@link RunCommand}). Each outcome is reported
 * in the twin's reported property {@code skill} ({@code id}, {@code sha256}, {@code status} running|refused,
 * {@code error}), so the operator sees in IoT Hub what the device runs.
 */
final class TwinSkillSource implements AutoCloseable {
    static final String VARIABLE = "SD_SKILL_SOURCE";

    private final DesiredProperties desired = new DesiredProperties();
    private final EdgeModuleConnection edge;
    private final PrintStream err;
    private EdgeModuleConnection.TwinWatch watch;

    private TwinSkillSource(EdgeModuleConnection edge, PrintStream err) {
        this.edge = edge;
        this.err = err;
    }

    /**
     * Whether the skill comes from the twin: {@code --skill-source} or else {@value #VARIABLE}; {@code package}
     * (or unset) = the skill file.
     *
     * @throws UsageException for any other value
     */
    static boolean requested(String option, String variable) throws UsageException {
        String v = option != null ? option : variable;
        if (v == null || v.isBlank() || v.equals("package")) {
            return false;
        }
        if (v.equals("twin")) {
            return true;
        }
        throw new UsageException((option != null ? "--skill-source" : VARIABLE) + " is '" + v
                + "': expected 'package' (the skill file) or 'twin' (the module twin's desired property skill)");
    }

    /** Connects to edgeHub and reads the twin. */
    static TwinSkillSource open(EdgeModuleConnection edge, PrintStream err) throws EdgeHubException {
        TwinSkillSource source = new TwinSkillSource(edge, err);
        source.watch = edge.watchTwin(source::onDesired);
        return source;
    }

    private void onDesired(JsonObject properties, long version, boolean whole) {
        if (whole) {
            desired.replace(properties, version);
        } else {
            desired.patch(properties, version);
        }
    }

    /** The twin's skill as it stands now. */
    TwinSkill current() throws InvalidTwinSkillException {
        return TwinSkill.from(desired.snapshot());
    }

    void reportRunning(TwinSkill skill) {
        report(skill.id(), skill.sha256(), "running", "");
    }

    void reportRefused(String id, String sha256, String error) {
        report(id, sha256, "refused", error);
    }

    private void report(String id, String sha256, String status, String error) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("id", id);
        values.put("sha256", sha256);
        values.put("status", status);
        values.put("error", error);
        edge.report(TwinSkill.PROPERTY, values, problem -> err.println("warning: module twin: " + problem));
    }

    @Override
    public void close() {
        watch.close();
    }
}
