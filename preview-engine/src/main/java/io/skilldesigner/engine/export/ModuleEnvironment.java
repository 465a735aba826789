package io.skilldesigner.engine.export;

import java.util.Map;

/**
 * The environment IoT Edge gives a module: the workload API and module identity ({@code IOTEDGE_*}), or a module
 * connection string ({@code EdgeHubConnectionString} / {@code IotHubConnectionString}, as the Azure IoT device SDK
 * reads them). Its presence is what switches the runtime into device mode.
 */
public record ModuleEnvironment(Map<String, String> variables) {
    /** Set by IoT Edge for every module; the SDK needs all of them to build the module identity. */
    public static final String WORKLOAD_URI = "IOTEDGE_WORKLOADURI";
    public static final String MODULE_ID = "IOTEDGE_MODULEID";
    public static final String DEVICE_ID = "IOTEDGE_DEVICEID";
    static final String[] EDGE_VARIABLES = {WORKLOAD_URI, DEVICE_ID, MODULE_ID, "IOTEDGE_IOTHUBHOSTNAME",
        "IOTEDGE_AUTHSCHEME", "IOTEDGE_MODULEGENERATIONID"};
    static final String EDGE_HUB_CONNECTION_STRING = "EdgeHubConnectionString";
    static final String IOT_HUB_CONNECTION_STRING = "IotHubConnectionString";

    public ModuleEnvironment {
        variables = Map.copyOf(variables);
    }

    public static ModuleEnvironment system() {
        return new ModuleEnvironment(System.getenv());
    }

    /** True when IoT Edge started us (workload URI) or a module connection string is given. */
    public boolean isModule() {
        return has(WORKLOAD_URI) || has(EDGE_HUB_CONNECTION_STRING) || has(IOT_HUB_CONNECTION_STRING);
    }

    /** What is missing for a module client, for the error of a device-mode run without it; empty when complete. */
    public String missing() {
        if (has(EDGE_HUB_CONNECTION_STRING) || has(IOT_HUB_CONNECTION_STRING)) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String v : EDGE_VARIABLES) {
            if (!has(v)) {
                sb.append(sb.length() == 0 ? "" : ", ").append(v);
            }
        }
        return sb.toString();
    }

    /** Where the module identity comes from, for messages (never a key). */
    public String describe() {
        if (has(EDGE_HUB_CONNECTION_STRING) || has(IOT_HUB_CONNECTION_STRING)) {
            return "module connection string";
        }
        return "IoT Edge workload API " + variables.get(WORKLOAD_URI) + " as " + variables.get(DEVICE_ID) + "/"
                + variables.get(MODULE_ID) + " via gateway " + variables.get("IOTEDGE_GATEWAYHOSTNAME");
    }

    private boolean has(String name) {
        String v = variables.get(name);
        return v != null && !v.isBlank();
    }
}
