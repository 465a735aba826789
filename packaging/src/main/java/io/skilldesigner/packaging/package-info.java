/**
 * Edge deployment packages. {@link io.skilldesigner.packaging.EdgePackageExporter} validates the skill, replaces
 * secrets by placeholders ({@link io.skilldesigner.packaging.SecretPlaceholders}: settings the catalog flags
 * secret, plus name and value heuristics where no spec exists), copies the model of every {@code MODEL_REF}
 * setting, and writes the KAN skill, the IoT Edge and Kubernetes manifests and the runtime files;
 * {@link io.skilldesigner.packaging.DeploymentPlanner} only collects what each node type says it adds to the
 * deployment ({@code NodeType.deployment}). {@link io.skilldesigner.packaging.PackageImporter} reads a package back
 * (checksums first) and re-points model references by setting type. No class here knows a node type.
 */
package io.skilldesigner.packaging;
