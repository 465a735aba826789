/**
 * KAN (Azure Percept successor) skill interchange, per shared/spec/kan-skill-format.md.
 * <p>
 * Export: {@code new KanSkillWriter(catalog, models).write(skill)} gives a {@link io.skilldesigner.core.kan.KanExport}
 * — the document ({@code toYaml()}, {@code toJson()}) and the {@link io.skilldesigner.core.kan.KanOmission}s:
 * nodes without a KAN equivalent, their edges, settings KAN cannot carry. Import:
 * {@code new KanSkillReader(catalog, models).read(text or path)} gives a {@link io.skilldesigner.core.kan.KanImport}
 * — our skill and {@link io.skilldesigner.core.kan.KanImportNote}s — or throws
 * {@link io.skilldesigner.core.kan.KanFormatException} saying what and where.
 * <p>
 * Nothing here knows a node type: each type's {@link io.skilldesigner.core.catalog.KanMapping} does the mapping.
 * Skill Designer's own format stays the primary one; what KAN has no field for (description, node display names)
 * travels in {@code spec.properties} under {@code skilldesigner.} keys.
 */
package io.skilldesigner.core.kan;
