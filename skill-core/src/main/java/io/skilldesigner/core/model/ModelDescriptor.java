package io.skilldesigner.core.model;

import java.util.List;
import java.util.Objects;

import io.skilldesigner.core.skill.Tag;

/**
 * A model in the library (bring your own model): what the user registered plus what the engine found in it.
 *
 * @param id        stable id referenced by model nodes (and used as the KAN model node name)
 * @param io        inputs/outputs and detected layout; null until the model has been opened
 * @param decoder   pre/post-processing settings; null until the model has been opened
 * @param sha256    checksum of the model file once known, else empty
 */
public record ModelDescriptor(String id, String name, ModelTask task, String format, FileLocation model,
                              FileLocation labels, String description, List<Tag> tags, ModelIo io,
                              DecoderSettings decoder, String sha256) {
    public static final String FORMAT_ONNX = "ONNX";

    public ModelDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(task, "task");
        name = name == null ? id : name;
        format = format == null ? FORMAT_ONNX : format;
        description = description == null ? "" : description;
        tags = List.copyOf(tags == null ? List.of() : tags);
        sha256 = sha256 == null ? "" : sha256;
    }

    public ModelDescriptor withIo(ModelIo newIo) {
        return new ModelDescriptor(id, name, task, format, model, labels, description, tags, newIo, decoder, sha256);
    }

    public ModelDescriptor withDecoder(DecoderSettings d) {
        return new ModelDescriptor(id, name, task, format, model, labels, description, tags, io, d, sha256);
    }

    public ModelDescriptor withModel(FileLocation m) {
        return new ModelDescriptor(id, name, task, format, m, labels, description, tags, io, decoder, sha256);
    }

    public ModelDescriptor withLabels(FileLocation l) {
        return new ModelDescriptor(id, name, task, format, model, l, description, tags, io, decoder, sha256);
    }

    public ModelDescriptor withSha256(String s) {
        return new ModelDescriptor(id, name, task, format, model, labels, description, tags, io, decoder, s);
    }
}
