package io.skilldesigner.engine.export;

import java.time.Duration;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.nodes.VideoSnippetExportNode;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.engine.runtime.ExportMessageListener;
import io.skilldesigner.engine.runtime.NodeRuntime;
import io.skilldesigner.engine.runtime.NodeRuntimeFactory;
import io.skilldesigner.engine.runtime.RuntimeContext;

/**
 * Video snippet: H.264 MP4 clips {@code <prefix>-<instance id>-<UTC start>.mp4} in the output folder, optionally
 * uploaded to Blob Storage as {@code video-snippet/<instance>/<skill>/<device>/<file>} in the configured container.
 */
public final class VideoSnippetExportRuntimeFactory implements NodeRuntimeFactory {
    @Override
    public String typeId() {
        return VideoSnippetExportNode.ID;
    }

    @Override
    public NodeRuntime create(SkillNode node, EffectiveSettings s, RuntimeContext context) {
        boolean upload = s.bool(VideoSnippetExportNode.UPLOAD);
        BlobUploader uploader = null;
        if (upload) {
            if (!s.has(VideoSnippetExportNode.BLOB_CONNECTION_STRING)) {
                throw new IllegalArgumentException("video snippet '" + node.id() + "': upload is on but the storage"
                        + " connection string is empty");
            }
            uploader = new BlobUploader(s.text(VideoSnippetExportNode.BLOB_CONNECTION_STRING),
                    s.text(VideoSnippetExportNode.BLOB_CONTAINER));
        }
        ExportMessageListener messages = context.messages() == null ? ExportMessageListener.NONE : context.messages();
        VideoSnippetExport.Config config = new VideoSnippetExport.Config(s.text(VideoSnippetExportNode.FILENAME_PREFIX),
                Duration.ofSeconds(s.integer(VideoSnippetExportNode.DURATION_SECONDS)),
                Duration.ofMinutes(s.integer(VideoSnippetExportNode.DELAY_MINUTES)),
                s.bool(VideoSnippetExportNode.INSIGHTS_OVERLAY),
                context.resolve(s.text(VideoSnippetExportNode.OUTPUT_FOLDER)), upload);
        return new VideoSnippetExport(node.id(), config, context.identity(),
                new SnippetWriter(node.id(), typeId(), uploader, messages), context.status(),
                context.skill() == null ? java.util.List.of()
                        : io.skilldesigner.core.catalog.FrameShape.of(context.skill(),
                                io.skilldesigner.core.catalog.NodeCatalog.standard()));
    }
}
