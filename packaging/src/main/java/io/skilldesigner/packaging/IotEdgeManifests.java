package io.skilldesigner.packaging;

import io.skilldesigner.core.skill.EdgeNames;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;


/**
 * IoT Edge deployment manifests for a {@link DeploymentPlan}: a template in the IoT Edge dev tooling's format
 * (createOptions as objects, runtime image from {@code ${SD_RUNTIME_IMAGE}}) and one complete deployment per
 * architecture (createOptions as minified, chunked strings) that {@code az iot edge set-modules} takes once the
 * {@code ${...}} placeholders are substituted.
 * <p>
 * The skill reaches the runtime through its module twin: desired property {@code skill} holds the skill JSON as
 * ordered string chunks ({@code json00}, {@code json01} …) because twin property names may not contain '.', '$'
 * or spaces (setting keys and parameter names may) and a twin string is at most 4 KB.
 */
public final class IotEdgeManifests {
    public static final String EDGE_AGENT_IMAGE = "mcr.microsoft.com/azureiotedge-agent:1.5";
    public static final String EDGE_HUB_IMAGE = "mcr.microsoft.com/azureiotedge-hub:1.5";
    public static final String RUNTIME_IMAGE_PLACEHOLDER = "${SD_RUNTIME_IMAGE}";
    /** Where the runtime container finds the package (bind-mounted from the device folder). */
    public static final String CONTAINER_PACKAGE_DIR = "/package";
    public static final String DEVICE_BASE_DIR = "/var/lib/skill-designer";
    public static final int TWIN_STRING_CHUNK = 4000;
    /** IoT Hub's limit on a module twin's desired properties. */
    public static final int TWIN_DESIRED_LIMIT = 32 * 1024;

    private final DeploymentPlan plan;
    private final String skillJson;
    private final String skillSha256;

    /**
     * @param skillJson the secret-free skill as written to the package's skill.json
     */
    public IotEdgeManifests(DeploymentPlan plan, String skillJson) {
        this.plan = plan;
        this.skillJson = skillJson;
        this.skillSha256 = Checksums.sha256(skillJson.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public JsonObject template() throws PackageException {
        return manifest(null);
    }

    public JsonObject deployment(Architecture arch) throws PackageException {
        return manifest(arch);
    }

    /** Device folder bound into the runtime container as {@link #CONTAINER_PACKAGE_DIR}. */
    public static String deviceDir(String runtimeModule) {
        return DEVICE_BASE_DIR + "/" + runtimeModule;
    }

    /** Route names and route expressions of the edge hub, in order. */
    public Map<String, String> routes() {
        Map<String, String> routes = new LinkedHashMap<>();
        if (plan.toIotHub()) {
            routes.put(routeName("ToIoTHub"), EdgeNames.routeToIotHub(plan.runtimeModule()));
        }
        for (DeploymentPlan.ModuleTarget t : plan.moduleTargets()) {
            String route = EdgeNames.routeToModule(plan.runtimeModule(), t.module(), t.input());
            if (!routes.containsValue(route)) {
                routes.put(routeName("To_" + t.module() + "_" + t.input()), route);
            }
        }
        return routes;
    }

    /** The skill JSON split into twin-sized strings, keyed json00, json01 …. */
    public Map<String, String> skillChunks() {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0, k = 0; i < Math.max(skillJson.length(), 1); i += TWIN_STRING_CHUNK, k++) {
            out.put(String.format("json%02d", k), skillJson.substring(i,
                    Math.min(skillJson.length(), i + TWIN_STRING_CHUNK)));
        }
        return out;
    }

    /** The runtime module's desired properties. */
    public JsonObject runtimeDesiredProperties() {
        JsonObject skill = new JsonObject();
        skill.addProperty("format", "skill-designer-skill");
        skill.addProperty("id", plan.skillId());
        skill.addProperty("sha256", skillSha256);
        skill.addProperty("chunks", skillChunks().size());
        skillChunks().forEach(skill::addProperty);
        JsonObject desired = new JsonObject();
        desired.add("skill", skill);
        return desired;
    }

    private JsonObject manifest(Architecture arch) throws PackageException {
        JsonObject agentDesired = new JsonObject();
        agentDesired.addProperty("schemaVersion", "1.1");
        agentDesired.add("runtime", runtime());
        agentDesired.add("systemModules", systemModules(arch));
        agentDesired.add("modules", modules(arch));

        JsonObject hubDesired = new JsonObject();
        hubDesired.addProperty("schemaVersion", "1.2");
        JsonObject routes = new JsonObject();
        routes().forEach(routes::addProperty);
        hubDesired.add("routes", routes);
        JsonObject saf = new JsonObject();
        saf.addProperty("timeToLiveSecs", 7200);
        hubDesired.add("storeAndForwardConfiguration", saf);

        JsonObject content = new JsonObject();
        content.add("$edgeAgent", desired(agentDesired));
        content.add("$edgeHub", desired(hubDesired));
        content.add(plan.runtimeModule(), desired(runtimeDesiredProperties()));
        JsonObject root = new JsonObject();
        if (arch == null) {
            root.addProperty("$schema-template", "4.0.0");
        }
        root.add("modulesContent", content);
        return root;
    }

    private static JsonObject desired(JsonObject properties) {
        JsonObject o = new JsonObject();
        o.add("properties.desired", properties);
        return o;
    }

    private static JsonObject runtime() {
        JsonObject cred = new JsonObject();
        cred.addProperty("username", "${CONTAINER_REGISTRY_USERNAME}");
        cred.addProperty("password", "${CONTAINER_REGISTRY_PASSWORD}");
        cred.addProperty("address", RuntimeImage.REGISTRY_PLACEHOLDER);
        JsonObject creds = new JsonObject();
        creds.add("skilldesigner", cred);
        JsonObject settings = new JsonObject();
        settings.addProperty("minDockerVersion", "v1.25");
        settings.add("registryCredentials", creds);
        JsonObject runtime = new JsonObject();
        runtime.addProperty("type", "docker");
        runtime.add("settings", settings);
        return runtime;
    }

    private JsonObject systemModules(Architecture arch) throws PackageException {
        JsonObject agent = new JsonObject();
        agent.addProperty("type", "docker");
        agent.add("settings", settings(EDGE_AGENT_IMAGE, "{}", arch));
        JsonObject hubOptions = JsonParser.parseString("{\"HostConfig\":{\"PortBindings\":{"
                + "\"5671/tcp\":[{\"HostPort\":\"5671\"}],\"8883/tcp\":[{\"HostPort\":\"8883\"}],"
                + "\"443/tcp\":[{\"HostPort\":\"443\"}]}}}").getAsJsonObject();
        JsonObject hub = new JsonObject();
        hub.addProperty("type", "docker");
        hub.addProperty("status", "running");
        hub.addProperty("restartPolicy", "always");
        hub.add("settings", settings(EDGE_HUB_IMAGE, hubOptions.toString(), arch));
        JsonObject modules = new JsonObject();
        modules.add("edgeAgent", agent);
        modules.add("edgeHub", hub);
        return modules;
    }

    private JsonObject modules(Architecture arch) throws PackageException {
        JsonObject modules = new JsonObject();
        for (ContainerNode c : plan.containers()) {
            if (arch != null && c.architecture() != arch) {
                continue;  // its image does not run there (warned about in warnings())
            }
            JsonObject m = module(c.restartPolicy(), 1);
            m.add("settings", settings(c.image(), c.createOptions(), arch, "node '" + c.nodeId() + "'"));
            if (!c.env().isEmpty()) {
                m.add("env", env(c.env()));
            }
            modules.add(c.name(), m);
        }
        JsonObject rt = module("always", 2);
        String image = arch == null ? RUNTIME_IMAGE_PLACEHOLDER : plan.runtimeImage(arch).image();
        rt.add("settings", settings(image, runtimeCreateOptions(arch).toString(), arch, "runtime module"));
        rt.add("env", env(runtimeEnv()));
        modules.add(plan.runtimeModule(), rt);
        return modules;
    }

    /**
     * The runtime container's environment: one variable per secret its own nodes use. Where the package is and
     * which skill to run are the image's CMD; the module name comes from IoT Edge ({@code IOTEDGE_MODULEID}).
     */
    public Map<String, String> runtimeEnv() {
        Map<String, String> env = new LinkedHashMap<>();
        for (SecretRef s : plan.runtimeSecrets()) {
            env.put(s.envVar(), "${" + s.envVar() + "}");
        }
        return env;
    }

    private JsonObject runtimeCreateOptions(Architecture arch) {
        // the operator copies the package folder (skill.json, models/, labels/) here; clips go to its snippets/
        JsonArray binds = new JsonArray();
        binds.add(deviceDir(plan.runtimeModule()) + ":" + CONTAINER_PACKAGE_DIR);
        // a node writing outside the package folder (an absolute output folder) gets a device folder of its own
        for (DeploymentPlan.OutputFolder f : plan.outputFolders()) {
            if (!f.insidePackage()) {
                binds.add(outputDeviceDir(plan.runtimeModule(), f) + ":" + f.containerPath());
            }
        }
        JsonObject host = new JsonObject();
        host.add("Binds", binds);
        RuntimeImage image = arch == null ? null : plan.runtimeImage(arch);
        boolean cuda = image != null ? image.variant().equals("cuda") : plan.acceleration().wantsCuda();
        boolean jetson = image != null && image.variant().equals("jetson");
        if (jetson) {
            host.addProperty("Runtime", "nvidia");
        } else if (cuda) {
            JsonObject gpu = new JsonObject();
            gpu.addProperty("Count", -1);
            JsonArray caps = new JsonArray();
            JsonArray inner = new JsonArray();
            inner.add("gpu");
            caps.add(inner);
            gpu.add("Capabilities", caps);
            JsonArray requests = new JsonArray();
            requests.add(gpu);
            host.add("DeviceRequests", requests);
        }
        JsonObject options = new JsonObject();
        options.add("HostConfig", host);
        return options;
    }

    private static JsonObject module(String restartPolicy, int startupOrder) {
        JsonObject m = new JsonObject();
        m.addProperty("version", "1.0");
        m.addProperty("type", "docker");
        m.addProperty("status", "running");
        m.addProperty("restartPolicy", restartPolicy);
        m.addProperty("startupOrder", startupOrder);
        return m;
    }

    private static JsonObject settings(String image, String createOptions, Architecture arch) throws PackageException {
        return settings(image, createOptions, arch, "system module");
    }

    /** Template: createOptions as an object; deployment: minified string chunks. */
    private static JsonObject settings(String image, String createOptions, Architecture arch, String where)
            throws PackageException {
        JsonObject s = new JsonObject();
        s.addProperty("image", image);
        JsonObject options = CreateOptions.parse(createOptions, where);
        if (arch == null) {
            s.add("createOptions", options);
        } else {
            for (Map.Entry<String, String> e : CreateOptions.chunks(options.toString(), where).entrySet()) {
                s.addProperty(e.getKey(), e.getValue());
            }
        }
        return s;
    }

    private static JsonObject env(Map<String, String> env) {
        JsonObject o = new JsonObject();
        env.forEach((k, v) -> {
            JsonObject value = new JsonObject();
            value.addProperty("value", v);
            o.add(k, value);
        });
        return o;
    }

    private String routeName(String suffix) {
        String name = (plan.runtimeModule() + suffix).replaceAll("[.$# ]", "_");
        return name;
    }

    /** The device folder that keeps what a node writes: inside the package folder's, or one of its own. */
    public static String outputDeviceDir(String runtimeModule, DeploymentPlan.OutputFolder f) {
        String dir = deviceDir(runtimeModule);
        return f.insidePackage() ? dir + f.containerPath().substring(CONTAINER_PACKAGE_DIR.length())
                : dir + "-output/" + f.nodeId();
    }

    /** Warnings about limits the device will enforce (the package is still written). */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (ContainerNode c : plan.containers()) {
            out.add("container node '" + c.nodeId() + "' runs on " + c.architecture().id() + " only: it is only in "
                    + PackageLayout.deployment(c.architecture()) + "; on other devices its gRPC node has no server");
        }
        int size = runtimeDesiredProperties().toString().length();
        if (size > TWIN_DESIRED_LIMIT) {
            out.add("The skill is " + size + " characters in the runtime module's twin; IoT Hub accepts at most "
                    + TWIN_DESIRED_LIMIT + ". The runtime reads skill.json from the package folder on the device;"
                    + " remove the twin copy (desired property skill) from the manifest before deploying.");
        }
        return out;
    }
}
