/**
 * Export node runtimes: what a skill's exports do in preview and on the edge.
 *
 * <p>Every export hands its work to an {@link io.skilldesigner.engine.export.ExportQueue} (bounded, one sender
 * thread), so {@code process()} never waits for a target. A slow target fills the queue and new items are
 * dropped; a down target makes sends fail; both are counted ({@link io.skilldesigner.engine.export.ExportCounters})
 * and reported as the node's ERROR state with the cause, and RUNNING again once a send succeeds. Every message
 * sent is also given to {@code RuntimeContext.messages()} as an {@code ExportMessage}.
 *
 * <p>Insight messages are {@link io.skilldesigner.engine.insights.InsightsJson} bodies, the KAN shape. Where we
 * deliberately differ from KAN:
 * <ul>
 * <li>HTTP sends the JSON object once; KAN encodes it twice (a JSON string holding the JSON).</li>
 * <li>The delay window is measured in frame (capture) time, not wall-clock time, and restarts when a looping file
 * goes back in time; "only frames with objects" also lets through frames that carry events (a zone exit after
 * its object vanished). See {@link io.skilldesigner.engine.export.DelayGate}.</li>
 * <li>HTTP retries with exponential backoff and per-attempt timeouts; MQTT reconnects on the next message.</li>
 * </ul>
 *
 * <p>IoT Hub / IoT Edge module exports: in preview they show the exact message, module output ({@code metrics} /
 * {@code localmetrics}) and edge route, and append the message to {@code export-messages/<node id>.jsonl} in
 * the workspace. In device mode ({@code RuntimeContext.edge()}: {@code run --edge} or the IoT Edge module
 * environment, {@link io.skilldesigner.engine.export.ModuleEnvironment}) they send through one shared Azure IoT
 * device SDK module client ({@link io.skilldesigner.engine.export.EdgeModuleConnection}) and never to a file;
 * while edgeHub is unreachable the node is in ERROR and retries with backoff
 * ({@link io.skilldesigner.engine.export.RetryingSender}). {@code DeviceModeTest} runs this against a local
 * workload API and Mosquitto/TLS standing in for edgeHub.
 *
 * <p>Secrets (MQTT password, HTTP auth value, storage connection string) never appear in statuses, messages or
 * logs: errors name URLs without query strings and redact account keys and SAS signatures.
 */
package io.skilldesigner.engine.export;
