/**
 * The node catalog: every node type defined once, as one class in {@code nodes} registered in
 * {@link io.skilldesigner.core.catalog.NodeCatalog#standard()}.
 * <p>
 * A {@link io.skilldesigner.core.catalog.NodeType} holds everything the rest of the product needs to know about
 * its kind of node: palette entry (category, name, description, icon), ports, typed
 * {@link io.skilldesigner.core.catalog.SettingSpec}s (defaults, ranges, patterns, help, and explicit flags:
 * {@code secret} — the one source of truth for what is masked and kept out of packages —, {@code picksLabels},
 * {@code directory}), its own checks (of its settings, of what it refers to such as a library model, of its place
 * in the graph through {@link io.skilldesigner.core.catalog.GraphContext}), its KAN mapping or an explicit
 * {@code notInKan()} reason, and what it adds to an edge deployment
 * ({@link io.skilldesigner.core.catalog.NodeDeployment}: containers, IoT Hub route, module routes).
 * <p>
 * The validator, the KAN interchange, the property forms, the engine and the package exporter read these hooks
 * and hold no per-type switches; code that needs "every model reference" asks for settings by
 * {@link io.skilldesigner.core.catalog.SettingType} ({@code MODEL_REF}), not by node type. The runtime of each
 * type is one factory in preview-engine's {@code NodeRuntimeRegistry}; {@code NodeTypeContractTest} holds every
 * catalog type to one runtime, an icon, a KAN mapping or a reason, and help text.
 * <p>
 * {@link io.skilldesigner.core.catalog.EffectiveSettings} is a node's settings as its runtime reads them: the
 * type's defaults merged and each value converted by its {@link io.skilldesigner.core.catalog.SettingType}, built
 * once and handed to the runtime factory (an invalid value is an error naming node and key).
 */
package io.skilldesigner.core.catalog;
