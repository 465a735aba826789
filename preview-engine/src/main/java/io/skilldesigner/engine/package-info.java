/**
 * The preview engine: runs a validated skill on frames from a file, an RTSP camera or a webcam.
 * <p>
 * <b>Building.</b> {@link io.skilldesigner.engine.Engine#builder} checks the skill with skill-core's validator,
 * plans the graph (nodes not reached from a source are left out with a warning) and resolves every node's
 * settings once (skill-core's {@code SettingsResolver}: coerced, catalog defaults, {@code $param} resolved; then
 * secret placeholders filled and the type's own checks, in {@code RunSettings}) into skill-core's
 * {@link io.skilldesigner.core.catalog.EffectiveSettings}, which each factory is handed and only reads: no
 * factory merges defaults or converts values itself. Each node
 * type's runtime comes from ONE {@code XRuntimeFactory} registered in
 * {@link io.skilldesigner.engine.NodeRuntimeRegistry#standard()}, which refuses a catalog type without a runtime
 * or a runtime without a catalog type (sources are run by the engine itself). Relative paths in settings and
 * model descriptors resolve through skill-core's {@code WorkspacePaths}, and the command line finds models with
 * skill-core's {@code ModelFiles}, as the app does.
 * <p>
 * Benchmarks are main classes in {@code src/bench/java}, compiled with the tests and run by none.
 * <p>
 * <b>Threads.</b> Each source decodes on its own thread, paced to the skill's desired fps; each node runs on its
 * own thread. Stages are joined by single-slot handoffs: a source replaces a frame its children have not taken
 * yet (drop-to-latest, counted as the source's drops), nodes wait for their child's slot (backpressure up to the
 * source). So throughput is that of the slowest stage, latency never grows, and nothing queues without bound. A
 * {@link io.skilldesigner.engine.runtime.PipelinedRuntime} (the model nodes) gets a second thread that prepares the
 * next frame (pre-processing into the second of its runner's two input buffers) while the node's thread runs the
 * model on this one, so the thread running the model does nothing else; it takes a new frame only once the last one
 * went on (one frame ahead, no more).
 * Fan-out hands the same {@link io.skilldesigner.engine.frame.Frame} to every child: pixels are copied once, at
 * decode.
 * <p>
 * <b>Failures.</b> A node that throws goes to ERROR (with the message, through the node status listener) and its
 * input frame passes through unchanged to its children, so the rest of the graph keeps running; it returns to
 * RUNNING on its next success. A source that cannot open or loses its stream reports CONNECTING / LIVE /
 * RECONNECTING / FAILED; a failed source ends the run as FAILED. Listener exceptions are logged, never fatal.
 */
package io.skilldesigner.engine;
