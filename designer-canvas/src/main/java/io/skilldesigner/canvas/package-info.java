/**
 * The skill graph editor. The app embeds {@link io.skilldesigner.canvas.SkillEditor}:
 * {@code new SkillEditor(catalog, modelLibrary)}, then {@code setSkill(skill)} to open, {@code skillProperty()} /
 * {@code getSkill()} for the current skill (positions included), {@code dirtyProperty()} and {@code markSaved()}
 * for saving, {@code setLabelsOfModel(modelId -> labels)} for label pickers, {@code setNodeStatus(id, status, msg)}
 * for engine states on the badges, {@code problems()} for the validator's findings.
 *
 * <p>Inside: {@code edit} holds the document (immutable skill snapshots with undo/redo), pure graph edits,
 * connection rules and the layered layout; {@code graph} the culled canvas, node/edge/port views and minimap;
 * {@code palette}, {@code properties} (editors generated from SettingSpecs, chosen by type and by the spec's
 * flags: secret, label picker, directory; labels come from every MODEL_REF upstream) and {@code problems} the
 * side panels.
 * The canvas knows skill-core's catalog and skill model, never the engine.
 */
package io.skilldesigner.canvas;
