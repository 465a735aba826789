/**
 * The skill graph editor and a read-only graph view. The app embeds {@link io.skilldesigner.canvas.SkillEditor}:
 * {@code new SkillEditor(catalog, modelLibrary)}, then {@code setSkill(skill)} to open, {@code skillProperty()} /
 * {@code getSkill()} for the current skill (positions included), {@code dirtyProperty()} and {@code markSaved()}
 * for saving, {@code setLabelsOfModel(modelId -> labels)} for label pickers, {@code setNodeStatus(id, status, msg)}
 * for engine states on the badges, {@code problems()} for the validator's findings. Where a skill is only looked
 * at (the live preview), {@link io.skilldesigner.canvas.SkillGraphView} shows the graph alone: pan, zoom, a click
 * picks a node ({@code pickedNodeProperty()}), badges from {@code setNodeStatus} or {@code setProblems}, no editing.
 *
 * <p>Everything the editor does on a key or a toolbar button is one {@link io.skilldesigner.canvas.EditorAction}
 * in one table ({@code EditorActions}): the key handling, the toolbar's tooltips and the help overlay read it.
 *
 * <p>Inside: {@code edit} holds the document (immutable skill snapshots with undo/redo), pure graph edits,
 * connection rules and the layered layout; {@code graph} the canvas: {@code GraphCanvas} coordinates the layers and
 * hands the mouse to one class per gesture ({@code NodeDragGesture}, {@code ConnectGesture},
 * {@code MarqueeGesture}, {@code PanZoomGesture}, {@code EdgeSelectGesture}); {@code ViewCulling} makes node/edge
 * views only for what is in view, {@code OverviewLayer} paints the far zoomed-out level of detail, {@code GridLayer}
 * the grid, {@code Minimap} the miniature; {@code ShownGraph} holds the nodes at their live positions.
 * {@code palette}, {@code properties} (editors generated from SettingSpecs, chosen by type and by the spec's
 * flags: secret, label picker, directory; labels come from every MODEL_REF upstream) and {@code problems} are the
 * side panels.
 * The canvas knows skill-core's catalog and skill model, never the engine.
 */
package io.skilldesigner.canvas;
