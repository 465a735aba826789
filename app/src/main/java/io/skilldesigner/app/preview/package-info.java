/**
 * Live Preview. {@link io.skilldesigner.app.preview.PreviewPage} owns the run (start, stop, refresh timers,
 * recording, "Save as test") and is laid out from panels that each do one thing:
 * {@link io.skilldesigner.app.preview.PreviewToolbar} (skill and source pickers, buttons, state, provider banner),
 * {@link io.skilldesigner.app.preview.VideoView} (the newest frame, acquired and released at once, with its
 * overlay), {@link io.skilldesigner.app.preview.GraphPanel} (mini graph and node list, picking the watched node),
 * {@link io.skilldesigner.app.preview.MetricsPanel} (timing table and latency chart) and
 * {@link io.skilldesigner.app.preview.MessageLogPanel} (export messages as JSON trees).
 * {@link io.skilldesigner.app.preview.PreviewSession} is the engine run behind it, without JavaFX controls.
 */
package io.skilldesigner.app.preview;
