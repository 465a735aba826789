package io.skilldesigner.core.catalog.nodes;

import static io.skilldesigner.core.catalog.SettingType.BOOLEAN;
import static io.skilldesigner.core.catalog.SettingType.FILE_PATH;
import static io.skilldesigner.core.catalog.SettingType.INTEGER;
import static io.skilldesigner.core.catalog.SettingType.SECRET;
import static io.skilldesigner.core.catalog.SettingType.TEXT;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.skilldesigner.core.catalog.FixedKanMapping;
import io.skilldesigner.core.catalog.KanKey;
import io.skilldesigner.core.catalog.KanMapping;
import io.skilldesigner.core.catalog.NodeCategory;
import io.skilldesigner.core.catalog.NodeDeployment;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.ParamRef;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.catalog.SettingType;
import io.skilldesigner.core.skill.SkillNode;

/**
 * Records short H.264 clips, at most one per delay window, optionally uploaded to Blob Storage under
 * {@code video-snippet/<instance>/<skill>/<device>/}. The delay is in minutes, as in KAN (shown with its unit).
 */
public final class VideoSnippetExportNode extends NodeType {
    public static final String ID = "video-snippet-export";
    public static final String FILENAME_PREFIX = "filenamePrefix";
    public static final String DURATION_SECONDS = "durationSeconds";
    public static final String INSIGHTS_OVERLAY = "insightsOverlay";
    public static final String DELAY_MINUTES = "delayMinutes";
    public static final String OUTPUT_FOLDER = "outputFolder";
    public static final String UPLOAD = "uploadToBlob";
    public static final String BLOB_CONNECTION_STRING = "blobConnectionString";
    public static final String BLOB_CONTAINER = "blobContainer";

    public VideoSnippetExportNode() {
        super(ID, NodeCategory.EXPORT, "Video snippet",
                "Records short video clips (with insights drawn on them) and optionally uploads them to Blob Storage.",
                "video", List.of(PortSpec.frameIn()), List.of(), List.of(
                        SettingSpec.builder(FILENAME_PREFIX, TEXT).label("File name prefix").defaultValue("snippet")
                                .required().pattern("[A-Za-z0-9_.-]+").build(),
                        SettingSpec.builder(DURATION_SECONDS, INTEGER).label("Duration").range(1, 600)
                                .defaultValue(10).unit("seconds").help("Length of each clip (KAN offers 10 or 20).")
                                .build(),
                        SettingSpec.builder(INSIGHTS_OVERLAY, BOOLEAN).label("Draw insights").defaultValue(true)
                                .help("Draw boxes and labels on the recorded frames.").build(),
                        SettingSpec.builder(DELAY_MINUTES, INTEGER).label("Delay between clips").range(1, 1440)
                                .defaultValue(1).unit("minutes")
                                .help("At most one clip per window. KAN counts this in minutes too.").build(),
                        SettingSpec.builder(OUTPUT_FOLDER, FILE_PATH).label("Output folder").directory()
                                .defaultValue("snippets")
                                .help("Local folder for clips (relative to the workspace).").build(),
                        SettingSpec.builder(UPLOAD, BOOLEAN).label("Upload to Blob Storage").defaultValue(false)
                                .build(),
                        SettingSpec.builder(BLOB_CONNECTION_STRING, SECRET).label("Storage connection string")
                                .required().enabledWhen(UPLOAD, "true")
                                .help("Never written to packages; the edge reads it from an environment variable.")
                                .build(),
                        SettingSpec.builder(BLOB_CONTAINER, TEXT).label("Container").defaultValue("video-snippet")
                                .pattern("[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]").enabledWhen(UPLOAD, "true")
                                .help("Blob container; clips go under <instance>/<skill>/<device>/.").build()));
    }

    /** Clips are files on the device: the deployment keeps the output folder (a volume, a bind mount). */
    @Override
    public NodeDeployment deployment(SkillNode node, Map<String, Object> settings) {
        return NodeDeployment.writes(NodeDeployment.requireText(settings, OUTPUT_FOLDER));
    }

    @Override
    public Optional<KanMapping> kan() {
        return Optional.of(new FixedKanMapping("export", "video_snippet_export", settings(), List.of(
                KanKey.same(FILENAME_PREFIX, "filename_prefix", TEXT),
                KanKey.same(DURATION_SECONDS, "recording_duration", INTEGER),
                KanKey.same(INSIGHTS_OVERLAY, "insights_overlay", BOOLEAN),
                KanKey.same(DELAY_MINUTES, "delay_buffer", SettingType.INTEGER)), kanDisplayParams()));
    }

    private static Map<String, String> kanDisplayParams() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("instance_displayname", ParamRef.of("instance_displayname"));
        m.put("device_displayname", ParamRef.of("device_displayname"));
        m.put("skill_displayname", ParamRef.of("skill_displayname"));
        return m;
    }
}
