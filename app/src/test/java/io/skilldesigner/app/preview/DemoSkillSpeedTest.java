package io.skilldesigner.app.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.skilldesigner.app.demo.DemoWorkspace;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.engine.cli.Main;

/**
 * The demo ball rolls as fast whatever the skill's frame rate: the tracker's speed comes from the video's own
 * clock. Before, a file gave one frame per tick of the desired fps stamped with the wall clock, so the 15 fps demo
 * video in a 30 fps skill played twice as fast and its ball's speed doubled (0.37 → 0.74 of the frame a second).
 */
class DemoSkillSpeedTest {
    @Test
    void theTrackedSpeedOfTheDemoBallDoesNotDependOnTheSkillsFps(@TempDir Path dir) throws Exception {
        DemoWorkspace.openOrCreate(dir, NodeCatalog.standard());
        Path skill = dir.resolve("skills/" + DemoWorkspace.SKILL_ID + ".skill.json");
        double at15 = medianSpeed(dir, skill, "--fps", "15");
        double at30 = medianSpeed(dir, skill, "--fps", "30");
        double unpaced = medianSpeed(dir, skill, "--fps", "30", "--no-pacing");
        assertTrue(at15 > 0, "the ball is tracked and moves: " + at15);
        assertEquals(at15, at30, at15 * 0.03, "15 fps vs 30 fps");
        assertEquals(at15, unpaced, at15 * 0.03, "paced vs as fast as the machine goes");
    }

    private static double medianSpeed(Path workspace, Path skill, String... options) throws Exception {
        Path out = Files.createTempFile(workspace, "insights", ".jsonl");
        List<String> args = new ArrayList<>(List.of("run", skill.toString(), "--workspace", workspace.toString(),
                "--frames", "30", "--out", out.toString()));
        args.addAll(List.of(options));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Main(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args.toArray(String[]::new));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        List<Double> speeds = new ArrayList<>();
        for (String line : Files.readAllLines(out)) {
            for (JsonElement o : JsonParser.parseString(line).getAsJsonObject().getAsJsonObject("insights_meta")
                    .getAsJsonArray("objects_meta")) {
                JsonObject tracking = o.getAsJsonObject().getAsJsonObject("tracking");
                if (tracking != null && tracking.has("speed")) {
                    speeds.add(tracking.get("speed").getAsDouble());
                }
            }
        }
        assertTrue(speeds.size() >= 10, "tracked speeds " + String.join(" ", options) + ": " + speeds);
        Collections.sort(speeds);
        return speeds.get(speeds.size() / 2);
    }
}
