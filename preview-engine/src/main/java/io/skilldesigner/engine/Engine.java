package io.skilldesigner.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.google.common.util.concurrent.Uninterruptibles;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.validation.Problem;
import io.skilldesigner.core.validation.SkillValidator;
import io.skilldesigner.engine.metrics.NodeMetrics;
import io.skilldesigner.engine.metrics.NodeMetricsRecorder;
import io.skilldesigner.engine.metrics.RunSummary;
import io.skilldesigner.engine.runtime.ExportMessageListener;
import io.skilldesigner.engine.runtime.NodeRuntime;
import io.skilldesigner.engine.runtime.NodeState;
import io.skilldesigner.engine.runtime.ConcurrentRuntime;
import io.skilldesigner.engine.runtime.PipelinedRuntime;
import io.skilldesigner.engine.runtime.NodeStatusListener;
import io.skilldesigner.engine.runtime.RunIdentity;
import io.skilldesigner.engine.runtime.RuntimeContext;
import io.skilldesigner.engine.source.FramePacer;
import io.skilldesigner.engine.source.FrameStamps;
import io.skilldesigner.engine.source.SourceFactory;
import io.skilldesigner.engine.source.SourceSpec;
import io.skilldesigner.engine.source.SourceState;

/**
 * Runs a skill: each source on its own decode thread, each node on its own worker thread, joined by single-slot
 * handoffs, so throughput is that of the slowest stage and latency stays bounded (see {@link FrameSlot}). Frames
 * fan out by reference: no pixel copies after decoding.
 *
 * <pre>
 * Engine engine = Engine.builder(skill).workspace(dir).listener(l).build(); // checks the graph and settings
 * engine.start();                    // creates node runtimes, opens sources (on their threads)
 * engine.awaitCompletion(timeout);   // a file without loop ends by itself
 * engine.close();                    // stops threads, releases grabbers and sessions
 * </pre>
 */
public final class Engine implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(Engine.class.getName());
    /** How long stop waits for the node threads, all together. */
    private static final long STOP_WAIT_SECONDS = 10;

    private final EnginePlan plan;
    private final Builder config;
    /** The registry this engine made (closed with it), or null when the caller passed one. */
    private final NodeRuntimeRegistry ownedRegistry;
    private final EngineEvents events;
    private final Map<String, NodeMetricsRecorder> metrics = new LinkedHashMap<>();
    /** Synchronized: the summary reads it while a stop (Ctrl-C hook, UI) closes and clears it. */
    private final Map<String, NodeRuntime> runtimes = Collections.synchronizedMap(new LinkedHashMap<>());
    /** What the runtimes said about themselves when they were closed (exports: final counts). */
    private volatile Map<String, Map<String, String>> closedInfo;
    private final List<SourceRunner> sources = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final Object stateLock = new Object();
    private CountDownLatch finished = new CountDownLatch(0);
    private RunState state = RunState.STARTING;
    private String stateMessage = "";
    private boolean started;
    private boolean stopRequested;
    private long startNanos;
    private long endNanos;

    private Engine(EnginePlan plan, Builder config, NodeRuntimeRegistry ownedRegistry) {
        this.plan = plan;
        this.config = config;
        this.ownedRegistry = ownedRegistry;
        this.events = new EngineEvents(config.listener, config.nodeStatus);
        for (EnginePlan.PlannedNode n : plan.nodes()) {
            metrics.put(n.node().id(), new NodeMetricsRecorder(n.node().id(), n.node().typeId()));
        }
    }

    public static Builder builder(Skill skill) {
        return new Builder(skill);
    }

    /** The node whose frames are the run's output: the first leaf in skill order. */
    public String outputNodeId() {
        return plan.outputNodeId();
    }

    /** Problems that do not stop the run (e.g. nodes not connected to a source, which are not run). */
    public List<Problem> warnings() {
        return plan.warnings();
    }

    public Skill skill() {
        return plan.skill();
    }

    /** What this run's source nodes open: the run's override, else each source node's own settings. */
    public List<SourceSpec> sources() {
        return plan.nodes().stream().filter(EnginePlan.PlannedNode::isSource).map(EnginePlan.PlannedNode::source)
                .toList();
    }

    /**
     * Creates every node runtime, then starts the source and node threads. Returns once everything runs; sources
     * connect on their own threads (watch {@link EngineListener#onSourceState}).
     */
    public void start() throws NodeStartException {
        synchronized (stateLock) {
            if (started) {
                throw new IllegalStateException("engine already started");
            }
            started = true;
        }
        setState(RunState.STARTING, "starting " + plan.skill().id());
        RuntimeContext context = new RuntimeContext(plan.skill(), config.models, config.workspace, identity(),
                config.messages, statusRelay(), config.edge);
        for (EnginePlan.PlannedNode n : plan.nodes()) {
            if (n.isSource()) {
                continue;
            }
            events.nodeStatus(n.node().id(), NodeState.STARTING, "");
            NodeRuntime created;
            try {
                created = n.factory().create(n.node(), n.settings(), context);
                runtimes.put(n.node().id(), created);
            } catch (Exception | LinkageError e) {
                NodeStartException failure = new NodeStartException(n.node().id(), n.node().typeId(), e);
                metrics.get(n.node().id()).error(failure.getMessage());
                metrics.get(n.node().id()).state(NodeState.ERROR);
                events.nodeStatus(n.node().id(), NodeState.ERROR, failure.getMessage());
                closeRuntimes();
                setState(RunState.FAILED, failure.getMessage());
                throw failure;
            }
            if (!created.reportsOwnState()) {
                metrics.get(n.node().id()).state(NodeState.RUNNING);
                events.nodeStatus(n.node().id(), NodeState.RUNNING, "");
            }
        }
        launch();
    }

    private void launch() {
        Map<String, FrameSlot> slots = new LinkedHashMap<>();
        for (EnginePlan.PlannedNode n : plan.nodes()) {
            if (!n.isSource()) {
                slots.put(n.node().id(), new FrameSlot(plan.parents(n.node().id()).size()));
            }
        }
        List<Runnable> tasks = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Handoff<?>> handoffs = new ArrayList<>();
        SourceFactory factory = config.sourceFactory;
        for (EnginePlan.PlannedNode n : plan.nodes()) {
            String id = n.node().id();
            List<FrameSlot> children = plan.children(id).stream().map(slots::get).toList();
            boolean output = id.equals(plan.outputNodeId());
            if (n.isSource()) {
                SourceRunner runner = new SourceRunner(id,
                        factory.create(n.source(), (s, m) -> sourceState(id, s, m)),
                        new FramePacer(config.paced ? plan.skill().basics().desiredFps() : 0), children,
                        metrics.get(id), events, config.lossless, output, config.frameStamps);
                sources.add(runner);
                tasks.add(runner);
                names.add("sd-source-" + id);
            } else {
                NodeRuntime runtime = runtimes.get(id);
                NodeStage.Input input = NodeStage.Input.of(slots.get(id));
                if (runtime instanceof ConcurrentRuntime concurrent && concurrent.workers() > 1) {
                    // frame n goes to worker n mod k; the stage below hands the results on in frame order
                    List<FrameSlot> toWorkers = new ArrayList<>();
                    List<Handoff<PreparedFrame>> fromWorkers = new ArrayList<>();
                    for (int w = 0; w < concurrent.workers(); w++) {
                        FrameSlot in = new FrameSlot(1);
                        Handoff<PreparedFrame> out = new Handoff<>(1, PreparedFrame::release);
                        toWorkers.add(in);
                        fromWorkers.add(out);
                        tasks.add(new WorkerStage(concurrent, w, in, out));
                        names.add("sd-work-" + id + "-" + w);
                    }
                    handoffs.addAll(toWorkers);
                    handoffs.addAll(fromWorkers);
                    tasks.add(new DispatchStage(slots.get(id), toWorkers));
                    names.add("sd-dispatch-" + id);
                    input = NodeStage.Input.inTurn(fromWorkers);
                } else if (runtime instanceof PipelinedRuntime pipelined) {
                    // its own thread prepares the next frame (pre-processing) while the stage runs this one
                    Handoff<PreparedFrame> prepared = new Handoff<>(1, PreparedFrame::release);
                    handoffs.add(prepared);
                    tasks.add(new PrepareStage(pipelined, slots.get(id), prepared));
                    names.add("sd-prep-" + id);
                    input = prepared::take;
                }
                tasks.add(new NodeStage(id, runtime, input, children, metrics.get(id), events, output));
                names.add("sd-node-" + id);
            }
        }
        handoffs.addAll(slots.values());
        this.slots = List.copyOf(handoffs);
        CountDownLatch latch = new CountDownLatch(tasks.size());
        finished = latch;
        startNanos = System.nanoTime();
        setState(RunState.RUNNING, "running " + plan.skill().id());
        for (int i = 0; i < tasks.size(); i++) {
            Runnable task = tasks.get(i);
            Thread t = new Thread(() -> {
                try {
                    task.run();
                } finally {
                    latch.countDown();
                }
            }, names.get(i));
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        Thread watcher = new Thread(this::watchCompletion, "sd-engine-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private List<Handoff<?>> slots = List.of();

    /** Reports a source's state, and mirrors it on the source node's badge (RECONNECTING shows as STARTING). */
    private void sourceState(String nodeId, SourceState s, String message) {
        events.sourceState(nodeId, s, message);
        NodeState badge = switch (s) {
            case CONNECTING, RECONNECTING -> NodeState.STARTING;
            case LIVE -> NodeState.RUNNING;
            case FAILED -> NodeState.ERROR;
            case ENDED, CLOSED -> null;
        };
        NodeMetricsRecorder m = metrics.get(nodeId);
        if (badge != null && m != null && m.state(badge) != badge) {
            events.nodeStatus(nodeId, badge, message);
        }
    }

    private void watchCompletion() {
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        endNanos = System.nanoTime();
        List<String> failures = sources.stream().map(SourceRunner::failure).filter(f -> f != null).toList();
        boolean stopped;
        synchronized (stateLock) {
            stopped = stopRequested;
        }
        if (stopped) {
            setState(RunState.STOPPED, "stopped");
        } else if (!failures.isEmpty()) {
            setState(RunState.FAILED, String.join("; ", failures));
        } else {
            setState(RunState.COMPLETED, "all sources ended");
        }
    }

    /** Waits until the run ends by itself (sources ended or failed) or is stopped; false on timeout. */
    public boolean awaitCompletion(Duration timeout) throws InterruptedException {
        if (!finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        // The watcher sets the final state right after the latch; wait for it so callers read the final state.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        synchronized (stateLock) {
            while ((state == RunState.RUNNING || state == RunState.STARTING) && System.nanoTime() < deadline) {
                stateLock.wait(50);
            }
        }
        return true;
    }

    public RunState state() {
        synchronized (stateLock) {
            return state;
        }
    }

    public String stateMessage() {
        synchronized (stateLock) {
            return stateMessage;
        }
    }

    /** Every node's counters, sources first, then in skill order. */
    public List<NodeMetrics> metrics() {
        return metrics.values().stream().map(NodeMetricsRecorder::snapshot).toList();
    }

    public NodeMetrics metrics(String nodeId) {
        NodeMetricsRecorder r = metrics.get(nodeId);
        if (r == null) {
            throw new IllegalArgumentException("no node '" + nodeId + "' in this run");
        }
        return r.snapshot();
    }

    /** What each runtime says about itself (see {@link RuntimeInfo}), by node id. */
    public Map<String, Map<String, String>> runtimeInfo() {
        Map<String, NodeRuntime> current = runtimesSnapshot();
        if (current.isEmpty() && closedInfo != null) {
            return closedInfo;
        }
        return infoOf(current);
    }

    private Map<String, NodeRuntime> runtimesSnapshot() {
        synchronized (runtimes) {
            return new LinkedHashMap<>(runtimes);
        }
    }

    private static Map<String, Map<String, String>> infoOf(Map<String, NodeRuntime> runtimes) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        runtimes.forEach((id, r) -> {
            if (r instanceof RuntimeInfo info) {
                out.put(id, Map.copyOf(info.runtimeInfo()));
            }
        });
        return out;
    }

    /** Throughput and per-node figures so far (or of the whole run once it ended). */
    public RunSummary summary() {
        long end = endNanos != 0 ? endNanos : System.nanoTime();
        double seconds = startNanos == 0 ? 0 : (end - startNanos) / 1e9;
        NodeMetricsRecorder out = metrics.get(plan.outputNodeId());
        long frames = out == null ? 0 : out.framesOut();
        // Rate between first and last output frame: opening the source and stopping don't count.
        return new RunSummary(plan.skill().id(), seconds, frames, out == null ? 0 : out.outputFps(), metrics(),
                runtimeInfo());
    }

    /**
     * Stops every thread, releases sources and runtimes. Safe to call more than once and from any thread.
     * Uninterruptible (bounded by {@value #STOP_WAIT_SECONDS} s in all): closing a runtime while a node thread
     * still runs it frees native memory under a running inference (a crash), and an export's last messages are
     * flushed only if its close may wait; an interrupt of the caller is kept for it.
     */
    public void stop() {
        synchronized (stateLock) {
            if (stopRequested) {
                return;
            }
            stopRequested = true;
        }
        boolean interrupted = Thread.interrupted();
        try {
            sources.forEach(SourceRunner::stop);
            slots.forEach(Handoff::abort);
            threads.forEach(Thread::interrupt);
            List<String> running = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
            for (Thread t : threads) {
                Uninterruptibles.joinUninterruptibly(t, Math.max(0, deadline - System.nanoTime()),
                        TimeUnit.NANOSECONDS);
                interrupted |= Thread.interrupted(); // kept for the caller, not for the closes below
                if (t.isAlive()) {
                    running.add(t.getName());
                }
            }
            if (running.isEmpty()) {
                closeRuntimes();
                if (ownedRegistry != null) {
                    ownedRegistry.close();
                }
            } else {
                // a leak, not a crash: what a stuck thread may still touch stays allocated
                LOG.log(System.Logger.Level.WARNING, "threads " + running + " did not stop within "
                        + STOP_WAIT_SECONDS + " s; the skill's node runtimes and model sessions are left open");
            }
            interrupted |= Thread.interrupted(); // an interrupt that came while closing
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        metrics.forEach((id, m) -> {
            m.state(NodeState.STOPPED);
            events.nodeStatus(id, NodeState.STOPPED, "");
        });
        if (threads.isEmpty()) {
            setState(RunState.STOPPED, "stopped");
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void closeRuntimes() {
        Map<String, NodeRuntime> closing = runtimesSnapshot();
        closing.forEach((id, r) -> {
            try {
                r.close();
            } catch (Exception e) {
                // Closing must go on for the other nodes; the failure is only worth a log line.
                LOG.log(System.Logger.Level.WARNING, "closing node " + id + " failed", e);
            }
        });
        // After closing: the exports' final sent/dropped counts, for the summary of the ended run.
        closedInfo = infoOf(closing);
        runtimes.clear();
    }

    private void setState(RunState s, String message) {
        synchronized (stateLock) {
            if (state == s && stateMessage.equals(message)) {
                return;
            }
            state = s;
            stateMessage = message;
            stateLock.notifyAll();
        }
        events.runState(s, message);
    }

    private RunIdentity identity() {
        return config.identity != null ? config.identity : RunIdentity.preview(plan.skill().id());
    }

    /** Runtimes report their own state changes (e.g. a gRPC endpoint down); keep our counters in step. */
    private NodeStatusListener statusRelay() {
        return (nodeId, s, message) -> {
            NodeMetricsRecorder m = metrics.get(nodeId);
            if (m != null) {
                m.state(s);
                if (s == NodeState.ERROR) {
                    m.error(message);
                }
            }
            events.nodeStatus(nodeId, s, message);
        };
    }

    /** Options of a run; {@link #build()} checks the skill and plans the graph. */
    public static final class Builder {
        private final Skill skill;
        private NodeCatalog catalog = NodeCatalog.standard();
        private NodeRuntimeRegistry registry;
        private ModelLibrary models = ModelLibrary.empty();
        private Path workspace = Path.of(".");
        private RunIdentity identity;
        private SourceSpec sourceOverride;
        private SourceFactory sourceFactory = SourceFactory.standard();
        private EngineListener listener = new EngineListener() { };
        private NodeStatusListener nodeStatus = NodeStatusListener.NONE;
        private ExportMessageListener messages = ExportMessageListener.NONE;
        private boolean edge;
        private boolean paced = true;
        private boolean lossless;
        private FrameStamps frameStamps = FrameStamps.LIVE;

        private Builder(Skill skill) {
            this.skill = skill;
        }

        public Builder catalog(NodeCatalog c) {
            catalog = c;
            return this;
        }

        /** The runtimes to use; the caller keeps it and closes it. Default: a fresh standard registry. */
        public Builder registry(NodeRuntimeRegistry r) {
            registry = r;
            return this;
        }

        public Builder models(ModelLibrary m) {
            models = m;
            return this;
        }

        /** Relative paths in settings resolve against it. */
        public Builder workspace(Path dir) {
            workspace = dir;
            return this;
        }

        public Builder identity(RunIdentity id) {
            identity = id;
            return this;
        }

        /** Reads every camera input from this source instead of its own settings (preview/CLI pick). */
        public Builder sourceOverride(SourceSpec spec) {
            sourceOverride = spec;
            return this;
        }

        public Builder sourceFactory(SourceFactory f) {
            sourceFactory = f;
            return this;
        }

        public Builder listener(EngineListener l) {
            listener = l;
            return this;
        }

        public Builder nodeStatus(NodeStatusListener l) {
            nodeStatus = l;
            return this;
        }

        public Builder messages(ExportMessageListener l) {
            messages = l;
            return this;
        }

        /** True when running as the edge runtime (exports really send). */
        public Builder edge(boolean e) {
            edge = e;
            return this;
        }

        /** False: sources deliver as fast as the pipeline takes frames, ignoring the desired fps. */
        public Builder paced(boolean p) {
            paced = p;
            return this;
        }

        /** True: sources wait for the pipeline instead of dropping (batch runs over files, benchmarks). */
        public Builder lossless(boolean l) {
            lossless = l;
            return this;
        }

        /** How sources stamp their frames; default the wall clock. A replay passes the recorded stamps. */
        public Builder frameStamps(FrameStamps s) {
            frameStamps = s;
            return this;
        }

        public Engine build() throws SkillBuildException {
            List<Problem> errors = new SkillValidator(catalog, models).validate(skill).stream()
                    .filter(Problem::isError).filter(this::appliesToRun).toList();
            if (!errors.isEmpty()) {
                throw new SkillBuildException(errors);
            }
            boolean owns = registry == null;
            NodeRuntimeRegistry runtimes = owns ? NodeRuntimeRegistry.standard() : registry;
            try {
                return new Engine(EnginePlan.of(skill, catalog, runtimes, sourceOverride, workspace), this,
                        owns ? runtimes : null);
            } catch (SkillBuildException | RuntimeException e) {
                if (owns) {
                    runtimes.close();
                }
                throw e;
            }
        }

        /** A source's own settings don't matter when the run overrides the source. */
        private boolean appliesToRun(Problem p) {
            if (sourceOverride == null || p.setting().isEmpty()) {
                return true;
            }
            return skill.node(p.nodeId()).flatMap(n -> catalog.find(n.typeId())).map(t -> !t.isSource()).orElse(true);
        }
    }
}
