package io.skilldesigner.engine.export;

import java.nio.charset.StandardCharsets;

import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;

/**
 * The runtime module's one connection to the IoT Edge hub (Azure IoT device SDK {@link ModuleClient}, MQTT),
 * shared by every IoT Hub / IoT Edge export of the skill: two clients with the same module identity would
 * keep disconnecting each other. Opened on first use from the environment IoT Edge gives a module
 * ({@code IOTEDGE_*} variables and the workload socket), closed when its last user closes.
 *
 * <p>Not exercised by the tests here: it needs a real IoT Edge hub. The preview path (same messages, routes and
 * gating) is tested instead.
 */
public final class EdgeModuleConnection {
    private ModuleClient client;
    private int users;

    /** A handle on the shared connection; closing it releases this user. */
    public synchronized ModuleOutput acquire() throws Exception {
        if (client == null) {
            if (System.getenv("IOTEDGE_WORKLOADURI") == null && System.getenv("EdgeHubConnectionString") == null) {
                throw new IllegalStateException("not running as an IoT Edge module (no IOTEDGE_WORKLOADURI or"
                        + " EdgeHubConnectionString in the environment): IoT Hub / IoT Edge exports can only send"
                        + " on a device; run the skill as a preview instead");
            }
            ModuleClient c = ModuleClient.createFromEnvironment(new JdkUnixSocketChannel(), IotHubClientProtocol.MQTT);
            c.open(true);
            client = c;
        }
        users++;
        ModuleClient shared = client;
        return new ModuleOutput() {
            private boolean closed;

            @Override
            public void send(String outputName, String body) throws Exception {
                Message m = new Message(body.getBytes(StandardCharsets.UTF_8));
                m.setContentType("application/json");
                m.setContentEncoding("utf-8");
                shared.sendEvent(m, outputName);
            }

            @Override
            public void close() {
                synchronized (EdgeModuleConnection.this) {
                    if (!closed) {
                        closed = true;
                        release();
                    }
                }
            }
        };
    }

    private void release() {
        if (--users == 0 && client != null) {
            client.close();
            client = null;
        }
    }
}
