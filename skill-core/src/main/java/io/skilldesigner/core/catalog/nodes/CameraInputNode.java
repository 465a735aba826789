package io.skilldesigner.core.catalog.nodes;

import static io.skilldesigner.core.catalog.SettingType.BOOLEAN;
import static io.skilldesigner.core.catalog.SettingType.CHOICE;
import static io.skilldesigner.core.catalog.SettingType.FILE_PATH;
import static io.skilldesigner.core.catalog.SettingType.TEXT;
import static io.skilldesigner.core.catalog.SettingType.URL;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.skilldesigner.core.catalog.KanMapping;
import io.skilldesigner.core.catalog.NodeCategory;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.ParamRef;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.catalog.SettingSpec;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.core.validation.Problem;

/** Camera input: a webcam, an RTSP stream or a video file. KAN knows only RTSP ({@code source/rtsp}). */
public final class CameraInputNode extends NodeType {
    public static final String ID = "camera-input";
    public static final String SOURCE_KIND = "sourceKind";
    public static final String WEBCAM = "webcam";
    public static final String RTSP = "rtsp";
    public static final String FILE = "file";
    public static final String WEBCAM_DEVICE = "webcamDevice";
    public static final String RTSP_URL = "rtspUrl";
    public static final String RTSP_TRANSPORT = "rtspTransport";
    public static final String FILE_PATH_KEY = "filePath";
    public static final String LOOP = "loop";
    /** Quarter turns clockwise, in degrees: "0", "90", "180", "270". */
    public static final String TURN = "turn";

    public CameraInputNode() {
        super(ID, NodeCategory.IMPORT, "Camera input",
                "Frames from a webcam, an RTSP camera or a video file.", "camera",
                List.of(), List.of(PortSpec.frameOut()), List.of(
                        SettingSpec.builder(SOURCE_KIND, CHOICE).label("Source").choices(WEBCAM, RTSP, FILE)
                                .defaultValue(RTSP).required().help("Where frames come from.").build(),
                        SettingSpec.builder(WEBCAM_DEVICE, TEXT).label("Webcam").defaultValue("0").required()
                                .enabledWhen(SOURCE_KIND, WEBCAM)
                                .help("Device index (0, 1, ...) or device name as the OS lists it.").build(),
                        SettingSpec.builder(RTSP_URL, URL).label("RTSP URL").required()
                                .pattern("(?i)rtsps?://\\S+").enabledWhen(SOURCE_KIND, RTSP)
                                .help("rtsp://user:password@host:554/path. Credentials are kept out of exports.")
                                .build(),
                        SettingSpec.builder(RTSP_TRANSPORT, CHOICE).label("RTSP transport").choices("tcp", "udp")
                                .defaultValue("tcp").enabledWhen(SOURCE_KIND, RTSP)
                                .help("TCP is reliable through firewalls; UDP has lower latency on a clean LAN.")
                                .build(),
                        SettingSpec.builder(FILE_PATH_KEY, FILE_PATH).label("Video file").required()
                                .enabledWhen(SOURCE_KIND, FILE).help("An MP4, AVI or MKV file.").build(),
                        SettingSpec.builder(LOOP, BOOLEAN).label("Loop").defaultValue(true)
                                .enabledWhen(SOURCE_KIND, FILE).help("Start again at the end of the file.").build(),
                        SettingSpec.builder(TURN, CHOICE).label("Turn frames").unit("° clockwise")
                                .choices("0", "90", "180", "270").defaultValue("0")
                                .help("For a camera mounted sideways or upside down: every frame is turned before"
                                        + " anything else sees it (after any turn a video file's own metadata asks"
                                        + " for). Zones and lines are drawn on the turned frame. Applies to any"
                                        + " source run in this camera's place; KAN has no such setting.").build()));
    }

    @Override
    public Optional<KanMapping> kan() {
        return Optional.of(new Kan());
    }

    @Override
    public List<Problem> checkSettings(SkillNode node, Map<String, Object> settings) {
        List<Problem> out = new ArrayList<>();
        if (RTSP.equals(settings.get(SOURCE_KIND)) && settings.get(RTSP_URL) instanceof String url
                && !url.isBlank() && !ParamRef.isParamRef(url)) {
            try {
                URI uri = new URI(url.trim());
                if (uri.getHost() == null) {
                    out.add(Problem.error(node.id(), RTSP_URL, "RTSP URL '" + redact(url) + "' has no host"));
                }
            } catch (URISyntaxException e) {
                out.add(Problem.error(node.id(), RTSP_URL, "RTSP URL is malformed: " + e.getReason()));
            }
        }
        return out;
    }

    /** The URL with any user:password replaced, for messages and logs. */
    public static String redact(String url) {
        return url.replaceAll("(?i)(rtsps?://)[^@/]*@", "$1***@");
    }

    /** The URL without any user:password part. */
    public static String withoutCredentials(String url) {
        return url.replaceAll("(?i)^(\\s*rtsps?://)[^@/]*@", "$1");
    }

    private static final class Kan implements KanMapping {
        @Override
        public String kanType() {
            return "source";
        }

        @Override
        public boolean matches(String type, String name) {
            return "source".equals(type);
        }

        @Override
        public String kanName(SkillNode node) {
            return "rtsp";
        }

        @Override
        public Map<String, String> toKan(SkillNode node) {
            Map<String, String> out = new LinkedHashMap<>();
            Object url = node.setting(RTSP_URL);
            boolean rtsp = RTSP.equals(node.settings().getOrDefault(SOURCE_KIND, RTSP));
            // Credentials stay out of exported skills: the deployment supplies them through the rtsp parameter.
            out.put("ip", rtsp && url != null && !String.valueOf(url).isBlank()
                    ? withoutCredentials(String.valueOf(url)) : ParamRef.of("rtsp"));
            out.put("fps", ParamRef.of("fps"));
            out.put("device_name", ParamRef.of("device_id"));
            return out;
        }

        @Override
        public Map<String, Object> fromKan(String name, Map<String, String> configurations) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put(SOURCE_KIND, RTSP);
            String ip = configurations.get("ip");
            if (ip != null) {
                out.put(RTSP_URL, ip.trim());
            }
            return out;
        }
    }
}
