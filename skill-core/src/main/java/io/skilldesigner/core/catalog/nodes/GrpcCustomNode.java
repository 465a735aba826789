package io.skilldesigner.core.catalog.nodes;

import static io.skilldesigner.core.catalog.SettingType.BOOLEAN;
import static io.skilldesigner.core.catalog.SettingType.CHOICE;
import static io.skilldesigner.core.catalog.SettingType.FILE_PATH;
import static io.skilldesigner.core.catalog.SettingType.INTEGER;
import static io.skilldesigner.core.catalog.SettingType.JSON;
import static io.skilldesigner.core.catalog.SettingType.KEY_VALUE_LIST;
import static io.skilldesigner.core.catalog.SettingType.TEXT;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.MalformedJsonException;

import io.skilldesigner.core.catalog.FixedKanMapping;
import io.skilldesigner.core.catalog.GraphContext;
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
import io.skilldesigner.core.validation.Problem;

/**
 * gRPC Custom Processing node (KAN's {@code grpc_transform}): sends each frame to a server speaking
 * shared/spec/custom-node-protocol.md, either at an endpoint URL or in a container the edge package deploys.
 */
public final class GrpcCustomNode extends NodeType {
    public static final String ID = "grpc-custom";
    public static final String MODE = "mode";
    public static final String ENDPOINT = "endpoint";
    public static final String CONTAINER = "container";
    public static final String ENDPOINT_URL = "endpointUrl";
    public static final String TLS = "tls";
    public static final String CA_FILE = "caFile";
    public static final String DEADLINE_MS = "deadlineMs";
    public static final String COLOR_FORMAT = "colorFormat";
    public static final String CONTAINER_NAME = "containerName";
    public static final String IMAGE = "image";
    public static final String CREATE_OPTIONS = "createOptions";
    public static final String RESTART_POLICY = "restartPolicy";
    public static final String PORT = "port";
    public static final String ROUTE = "route";
    public static final String ENV = "env";
    public static final String ARCHITECTURE = "architecture";
    public static final String ACCELERATION = "acceleration";
    public static final String LOCAL_ENDPOINT = "localEndpoint";

    /**
     * IoT Edge tooling splits createOptions into twin values of at most 512 characters, in at most 8 fields
     * (createOptions, createOptions01..07): 4 KB in all, minified.
     */
    public static final int CREATE_OPTIONS_CHUNK = 512;
    public static final int CREATE_OPTIONS_MAX_CHUNKS = 8;
    public static final int CREATE_OPTIONS_LIMIT = CREATE_OPTIONS_CHUNK * CREATE_OPTIONS_MAX_CHUNKS;

    private static final Pattern ENDPOINT_PATTERN =
            Pattern.compile("^(?:(grpcs?)://)?([A-Za-z0-9._-]+|\\[[0-9A-Fa-f:]+\\]):(\\d{1,5})(/\\S*)?$");
    private static final Pattern ENV_NAME = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");
    public static final String CONTAINER_NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9_-]{0,62}";

    public GrpcCustomNode() {
        super(ID, NodeCategory.PROCESS, "gRPC custom processing",
                "Sends each frame to your own gRPC server (KAN custom node protocol) and merges what it returns.",
                "grpc", List.of(PortSpec.frameIn()), List.of(PortSpec.frameOut()), List.of(
                        SettingSpec.builder(MODE, CHOICE).label("Runs as").choices(ENDPOINT, CONTAINER)
                                .defaultValue(ENDPOINT).required()
                                .help("endpoint: a server already running; container: deployed with the skill.")
                                .build(),
                        SettingSpec.builder(ENDPOINT_URL, TEXT).label("Endpoint URL").required()
                                .enabledWhen(MODE, ENDPOINT)
                                .help("host:port, optionally grpc:// or grpcs:// (TLS) and a /route.").build(),
                        SettingSpec.builder(TLS, BOOLEAN).label("TLS").defaultValue(false)
                                .help("Encrypt the channel (also implied by grpcs://).").build(),
                        SettingSpec.builder(CA_FILE, FILE_PATH).label("CA certificate")
                                .enabledWhen(TLS, "true")
                                .help("PEM file of the CA that signed the server certificate; empty = system CAs.")
                                .build(),
                        SettingSpec.builder(DEADLINE_MS, INTEGER).label("Per-frame deadline").range(10, 60000)
                                .defaultValue(1000).unit("ms")
                                .help("A frame whose answer takes longer passes on without this node's output.")
                                .build(),
                        SettingSpec.builder(COLOR_FORMAT, CHOICE).label("Colour order sent").choices("BGR", "RGB")
                                .defaultValue("BGR")
                                .help("The handshake does not negotiate colour; KAN sends BGR. Pick RGB if your"
                                        + " server expects RGB pixels.").build(),
                        SettingSpec.builder(CONTAINER_NAME, TEXT).label("Container name").required()
                                .pattern(CONTAINER_NAME_PATTERN).enabledWhen(MODE, CONTAINER)
                                .help("IoT Edge module name: letters, digits, - and _.").build(),
                        SettingSpec.builder(IMAGE, TEXT).label("Image").required().enabledWhen(MODE, CONTAINER)
                                .pattern("\\S+").help("Container image, e.g. myregistry.azurecr.io/colour:1.0.")
                                .build(),
                        SettingSpec.builder(CREATE_OPTIONS, JSON).label("Create options").defaultValue("{}")
                                .enabledWhen(MODE, CONTAINER)
                                .help("Docker create options as JSON (ports, devices, runtime).").build(),
                        SettingSpec.builder(RESTART_POLICY, CHOICE).label("Restart policy")
                                .choices("always", "never", "on-failure", "on-unhealthy").defaultValue("always")
                                .enabledWhen(MODE, CONTAINER).build(),
                        SettingSpec.builder(PORT, INTEGER).label("Port").range(1, 65535).defaultValue(50051)
                                .required().enabledWhen(MODE, CONTAINER).build(),
                        SettingSpec.builder(ROUTE, TEXT).label("Route").defaultValue("").pattern("(/\\S*)?")
                                .enabledWhen(MODE, CONTAINER).help("Optional path after host:port, e.g. /grpc.")
                                .build(),
                        SettingSpec.builder(ENV, KEY_VALUE_LIST).label("Environment variables")
                                .defaultValue(Map.of()).enabledWhen(MODE, CONTAINER).build(),
                        SettingSpec.builder(ARCHITECTURE, CHOICE).label("Architecture").choices("X64", "ARM64")
                                .defaultValue("X64").enabledWhen(MODE, CONTAINER).build(),
                        SettingSpec.builder(ACCELERATION, CHOICE).label("Acceleration")
                                .choices("CPU", "NVIDIA_DGPU", "NVIDIA_JETSON", "INTEL_IGPU").defaultValue("CPU")
                                .enabledWhen(MODE, CONTAINER).build(),
                        SettingSpec.builder(LOCAL_ENDPOINT, TEXT).label("Preview endpoint")
                                .enabledWhen(MODE, CONTAINER)
                                .help("Where the preview reaches this container locally (host:port); the designer"
                                        + " does not start containers.").build()));
    }

    /** Parsed endpoint: host, port, route and whether TLS was asked for by the scheme. */
    public record Endpoint(String host, int port, String route, boolean tls) {
        public String authority() {
            return host + ":" + port;
        }
    }

    /** Parses {@code [grpc[s]://]host:port[/route]}, or empty when malformed or the port is out of range. */
    public static Optional<Endpoint> parseEndpoint(String url) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher m = ENDPOINT_PATTERN.matcher(url.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int port = Integer.parseInt(m.group(3));
        if (port < 1 || port > 65535) {
            return Optional.empty();
        }
        return Optional.of(new Endpoint(m.group(2), port, m.group(4) == null ? "" : m.group(4),
                "grpcs".equals(m.group(1))));
    }

    /** The endpoint URL KAN derives for a container node: {@code <container_name>:<port><route>}. */
    public static String containerEndpoint(Map<String, Object> settings) {
        return settings.get(CONTAINER_NAME) + ":" + settings.get(PORT) + settings.getOrDefault(ROUTE, "");
    }

    /** The container's environment and create options are for its module/pod only; the runtime is the client. */
    @Override
    public Set<String> containerOnlySettings(Map<String, Object> settings) {
        return CONTAINER.equals(settings.get(MODE)) ? Set.of(ENV, CREATE_OPTIONS) : Set.of();
    }

    @Override
    public List<Problem> checkSettings(SkillNode node, Map<String, Object> settings) {
        List<Problem> out = new ArrayList<>();
        boolean container = CONTAINER.equals(settings.get(MODE));
        if (!container && settings.get(ENDPOINT_URL) instanceof String url && !url.isBlank()
                && !ParamRef.isParamRef(url) && parseEndpoint(url).isEmpty()) {
            out.add(Problem.error(node.id(), ENDPOINT_URL, "Endpoint URL '" + url
                    + "' is not host:port[/route] with a port from 1 to 65535"));
        }
        if (container && settings.get(LOCAL_ENDPOINT) instanceof String local && !local.isBlank()
                && parseEndpoint(local).isEmpty()) {
            out.add(Problem.error(node.id(), LOCAL_ENDPOINT, "Preview endpoint '" + local
                    + "' is not host:port with a port from 1 to 65535"));
        }
        if (container && settings.get(CREATE_OPTIONS) instanceof String json && !json.isBlank()) {
            checkCreateOptions(node, json, out);
        }
        if (container && settings.get(ENV) instanceof Map<?, ?> env) {
            for (Object name : env.keySet()) {
                if (!ENV_NAME.matcher(String.valueOf(name)).matches()) {
                    out.add(Problem.error(node.id(), ENV, "Environment variable name '" + name
                            + "' is invalid: use letters, digits and _, not starting with a digit"));
                }
            }
        }
        return out;
    }

    /** A container needs its own name: the first node to use a name keeps it, later ones are told. */
    @Override
    public List<Problem> checkInGraph(SkillNode node, GraphContext graph) {
        Optional<String> name = containerName(graph.settings(node.id()));
        if (name.isEmpty()) {
            return List.of();
        }
        for (SkillNode other : graph.nodes()) {
            if (other.id().equals(node.id())) {
                break;
            }
            if (ID.equals(other.typeId()) && name.equals(containerName(graph.settings(other.id())))) {
                return List.of(Problem.error(node.id(), CONTAINER_NAME, "Container name '" + name.get()
                        + "' is also used by node '" + other.id() + "'; each container needs its own name"));
            }
        }
        return List.of();
    }

    /** The container's module name when the node runs as a container and the name is settled (no parameter). */
    private static Optional<String> containerName(Map<String, Object> settings) {
        if (CONTAINER.equals(settings.get(MODE)) && settings.get(CONTAINER_NAME) instanceof String name
                && !name.isBlank() && ParamRef.namesIn(name).isEmpty()) {
            return Optional.of(name);
        }
        return Optional.empty();
    }

    /** Run as a container, the node is deployed as its own module beside the runtime. */
    @Override
    public NodeDeployment deployment(SkillNode node, Map<String, Object> settings) {
        if (!CONTAINER.equals(settings.get(MODE))) {
            return NodeDeployment.NONE;
        }
        Map<String, String> env = new LinkedHashMap<>();
        if (settings.get(ENV) instanceof Map<?, ?> m) {
            m.forEach((k, v) -> env.put(String.valueOf(k), String.valueOf(v)));
        }
        Object port = settings.get(PORT);
        if (!(port instanceof Number)) {
            throw new IllegalArgumentException("port '" + port + "' is not a number");
        }
        Object policy = settings.get(RESTART_POLICY);
        return NodeDeployment.of(new NodeDeployment.Container(NodeDeployment.requireText(settings, CONTAINER_NAME),
                NodeDeployment.requireText(settings, IMAGE),
                settings.get(CREATE_OPTIONS) instanceof String o ? o : "{}",
                policy == null ? "always" : String.valueOf(policy), ((Number) port).intValue(), env,
                "ARM64".equals(settings.get(ARCHITECTURE))));
    }

    private static void checkCreateOptions(SkillNode node, String json, List<Problem> out) {
        try {
            var element = JsonParser.parseString(json);
            if (!element.isJsonObject()) {
                out.add(Problem.error(node.id(), CREATE_OPTIONS, "Create options must be a JSON object"));
                return;
            }
            int size = element.toString().getBytes(StandardCharsets.UTF_8).length;
            if (size > CREATE_OPTIONS_LIMIT) {
                out.add(Problem.error(node.id(), CREATE_OPTIONS, "Create options are " + size
                        + " bytes minified; IoT Edge accepts at most " + CREATE_OPTIONS_LIMIT + " ("
                        + CREATE_OPTIONS_MAX_CHUNKS + " chunks of " + CREATE_OPTIONS_CHUNK + ")"));
            }
        } catch (JsonParseException e) {
            String where = e.getCause() instanceof MalformedJsonException m ? m.getMessage() : e.getMessage();
            out.add(Problem.error(node.id(), CREATE_OPTIONS, "Create options are not valid JSON: " + where));
        }
    }

    @Override
    public Optional<KanMapping> kan() {
        return Optional.of(new Kan(settings()));
    }

    private static final class Kan extends FixedKanMapping {
        Kan(List<SettingSpec> specs) {
            super("transform", "grpc_transform", specs, List.of(
                    KanKey.same(MODE, "type", SettingType.CHOICE),
                    KanKey.same(CONTAINER_NAME, "container_name", SettingType.TEXT),
                    KanKey.same(IMAGE, "container_image", SettingType.TEXT),
                    KanKey.same(CREATE_OPTIONS, "create_options", SettingType.JSON),
                    KanKey.same(RESTART_POLICY, "restart_policy", SettingType.CHOICE),
                    KanKey.same(PORT, "port", SettingType.INTEGER),
                    KanKey.same(ROUTE, "route", SettingType.TEXT)), Map.of());
        }

        @Override
        public Map<String, String> toKan(SkillNode node) {
            Map<String, String> out = new LinkedHashMap<>();
            boolean container = CONTAINER.equals(valueOrDefault(node, MODE));
            if (!container) {
                out.put("type", ENDPOINT);
                Object url = node.setting(ENDPOINT_URL);
                out.put("endpoint_url", url == null ? "" : String.valueOf(url));
                return out;
            }
            out.putAll(super.toKan(node));
            Map<String, Object> s = new LinkedHashMap<>();
            s.put(CONTAINER_NAME, valueOrDefault(node, CONTAINER_NAME));
            s.put(PORT, valueOrDefault(node, PORT));
            s.put(ROUTE, Optional.ofNullable(valueOrDefault(node, ROUTE)).orElse(""));
            out.put("endpoint_url", containerEndpoint(s));
            return out;
        }

        @Override
        public Map<String, Object> fromKan(String name, Map<String, String> configurations) {
            Map<String, Object> out = new LinkedHashMap<>(super.fromKan(name, configurations));
            String type = configurations.getOrDefault("type", ENDPOINT).trim();
            out.put(MODE, CONTAINER.equals(type) ? CONTAINER : ENDPOINT);
            if (!CONTAINER.equals(type) && configurations.containsKey("endpoint_url")) {
                out.put(ENDPOINT_URL, configurations.get("endpoint_url").trim());
            }
            return out;
        }
    }
}
