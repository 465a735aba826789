/**
 * Analytics node runtimes (what KAN lacked): {@link io.skilldesigner.engine.analytics.SortTracker} (stable track
 * ids, speed, direction), {@link io.skilldesigner.engine.analytics.ZoneRuntime} (polygon filter, enter/exit
 * events with time in zone), {@link io.skilldesigner.engine.analytics.LineCrossingRuntime} (crossings per label
 * and direction) and {@link io.skilldesigner.engine.analytics.CounterRuntime} (per-frame and windowed counts,
 * threshold events). Their settings are defined once in skill-core's catalog (TrackerNode, ZoneNode,
 * LineCrossingNode, CounterNode); the runtimes read them from the node's
 * {@link io.skilldesigner.core.catalog.EffectiveSettings} (catalog defaults merged once, by the engine). All
 * coordinates are normalised to the frame (0..1, y down). Events use KAN's event shape (type, id, related object
 * ids, string properties) with ids {@code <node id>-<n>}, reproducible for the same input.
 * Zone events and line crossings need tracked objects: put a tracker upstream. The tracker's settings are the one
 * source of truth for a track's lifetime ({@link io.skilldesigner.engine.analytics.UpstreamTracker}); the
 * semantics are listed in the README's "Analytics" section and tested on scripted paths in AnalyticsScenariosTest.
 */
package io.skilldesigner.engine.analytics;
