package io.skilldesigner.engine.analytics;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.CounterNode;
import io.skilldesigner.core.catalog.nodes.LineCrossingNode;
import io.skilldesigner.core.catalog.nodes.TrackerNode;
import io.skilldesigner.core.catalog.nodes.ZoneNode;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.validation.SettingsResolver;
import io.skilldesigner.engine.NodeRuntimeRegistry;
import io.skilldesigner.engine.frame.BBox;
import io.skilldesigner.engine.frame.DetectedObject;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.frame.FrameEvent;
import io.skilldesigner.engine.runtime.NodeRuntime;
import io.skilldesigner.engine.runtime.RuntimeContext;

/**
 * The analytics chain of a real skill, tracker → line crossing → zone → counter, built as the engine builds it
 * (catalog settings resolved with their defaults, the standard runtime registry, a runtime context holding the
 * skill, so the nodes find their upstream tracker) and fed frame by frame with untracked detections at 10 fps.
 * Events are recorded as compact lines: {@code "<frame> line <in|out> #<id>"}, {@code "<frame> enter #<id>"},
 * {@code "<frame> exit #<id> <left|lost>"}.
 *
 * <p>Geometry: the line runs from A (0.2, 0.5) to B (0.8, 0.5), drawn left to right; the zone is the rectangle
 * x 0.55..0.95, y 0.6..0.95, below the line's right half. People are 0.1 × 0.2 boxes placed by their anchor
 * (bottom centre).
 */
final class AnalyticsChain implements AutoCloseable {
    static final List<List<Double>> LINE = List.of(List.of(0.2, 0.5), List.of(0.8, 0.5));
    static final List<List<Double>> ZONE = List.of(List.of(0.55, 0.6), List.of(0.95, 0.6), List.of(0.95, 0.95),
            List.of(0.55, 0.95));

    private final NodeRuntimeRegistry registry = NodeRuntimeRegistry.standard();
    private final List<NodeRuntime> chain = new ArrayList<>();
    private final CounterRuntime counter;
    private final ZoneRuntime zone;
    private final List<String> events = new ArrayList<>();
    private long sequence;
    private Frame last;

    /** The chain with every setting at its catalog default except the line's and zone's geometry. */
    AnalyticsChain() throws Exception {
        this(Map.of(), Map.of(), Map.of());
    }

    AnalyticsChain(Map<String, Object> tracker, Map<String, Object> line, Map<String, Object> zoneSettings)
            throws Exception {
        Map<String, Object> lineSettings = new HashMap<>(Map.of(LineCrossingNode.LINE, LINE));
        lineSettings.putAll(line);
        Map<String, Object> zoneAll = new HashMap<>(Map.of(ZoneNode.POLYGON, ZONE));
        zoneAll.putAll(zoneSettings);
        Skill skill = Skill.empty("scenario", "Scenario")
                .withNode(new SkillNode("tracker", TrackerNode.ID, "", tracker, null))
                .withNode(new SkillNode("line", LineCrossingNode.ID, "", lineSettings, null))
                .withNode(new SkillNode("zone", ZoneNode.ID, "", zoneAll, null))
                .withNode(new SkillNode("counter", CounterNode.ID, "", Map.of(), null))
                .withEdge(SkillEdge.of("tracker", "f", "line", "f"))
                .withEdge(SkillEdge.of("line", "f", "zone", "f"))
                .withEdge(SkillEdge.of("zone", "f", "counter", "f"));
        RuntimeContext context = new RuntimeContext(skill, null, Path.of("."), null, null, null, false);
        SettingsResolver resolver = new SettingsResolver(NodeCatalog.standard());
        for (SkillNode n : skill.nodes()) {
            var resolved = resolver.resolve(skill, n);
            if (!resolved.isUsable()) {
                throw new IllegalArgumentException(n.id() + ": " + resolved.problems());
            }
            chain.add(registry.find(n.typeId()).orElseThrow().create(n,
                    EffectiveSettings.of(NodeCatalog.standard().get(n.typeId()), n.id(), resolved.values()), context));
        }
        this.zone = (ZoneRuntime) chain.get(2);
        this.counter = (CounterRuntime) chain.get(3);
    }

    /** A person whose box's bottom centre is at (x, bottom). */
    static DetectedObject person(double x, double bottom) {
        return DetectedObject.of("person", 0.9f, new BBox((float) (x - 0.05), (float) (bottom - 0.2), 0.1f, 0.2f));
    }

    /** A person whose bottom centre lies exactly on the line (y 0.5 in float arithmetic, as the tracker sees it). */
    static DetectedObject personOnLine(double x) {
        return DetectedObject.of("person", 0.9f, new BBox((float) (x - 0.05), 0.3f, 0.1f, 0.2f));
    }

    /** The next frame through the whole chain; returns the frame as the counter hands it on. */
    Frame step(DetectedObject... detections) throws Exception {
        long seq = sequence++;
        Frame f = Synthetic.frame(seq, detections);
        for (NodeRuntime r : chain) {
            f = r.process(f);
        }
        for (FrameEvent e : f.events()) {
            events.add(describe(seq, e));
        }
        last = f;
        return f;
    }

    /** Frames in which the detector sees nothing (occlusion). */
    void hidden(int frames) throws Exception {
        for (int i = 0; i < frames; i++) {
            step();
        }
    }

    /** The index the next frame gets. */
    long next() {
        return sequence;
    }

    List<String> events() {
        return List.copyOf(events);
    }

    Map<String, Long> windowCounts() {
        return counter.windowCounts();
    }

    Map<String, Long> frameCounts() {
        return counter.frameCounts();
    }

    /** Track ids the zone holds as inside now. */
    int insideZone() {
        return zone.timeInZone(last == null ? 0 : last.timestampMillis()).size();
    }

    private static String describe(long seq, FrameEvent e) {
        Map<String, String> p = e.properties();
        return switch (e.type()) {
            case "line-crossing" -> seq + " line " + p.get("direction") + " #" + p.get("trackingId");
            case "zone-enter" -> seq + " enter #" + p.get("trackingId");
            case "zone-exit" -> seq + " exit #" + p.get("trackingId") + " " + p.get("reason");
            default -> seq + " " + e.type() + " " + p;
        };
    }

    @Override
    public void close() {
        registry.close();
    }
}
