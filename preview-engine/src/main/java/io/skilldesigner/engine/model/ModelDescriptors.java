package io.skilldesigner.engine.model;

import java.nio.file.Path;

import io.skilldesigner.core.model.DecoderSettings;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelIo;

/** Fills in what the engine finds in a library model's file: IO and layout, checksum, proposed decoder. */
public final class ModelDescriptors {
    private ModelDescriptors() {
    }

    /**
     * The descriptor with {@code io} and {@code sha256} from the file, and the proposed decoder settings when it
     * has none yet (user-edited settings are kept; a partial setting is completed from the proposal).
     *
     * @throws ModelException naming the model and file when it cannot be opened
     */
    public static ModelDescriptor inspect(ModelSessions sessions, ModelDescriptor d, Path workspaceDir) {
        ModelSpec spec = ModelSpec.of(d, workspaceDir, false);
        ModelSession session = sessions.open(spec.name(), spec.file(), false);
        ModelIo io = ModelInspector.inspect(spec.name(), session);
        DecoderSettings proposed = DecoderDefaults.propose(io, d.decoder() == null ? null : d.decoder().layout(),
                ModelInspector.metadata(spec.name(), session));
        DecoderSettings decoder = d.decoder() != null ? d.decoder().over(proposed) : proposed;
        return d.withIo(io).withDecoder(decoder).withSha256(session.sha256());
    }
}
