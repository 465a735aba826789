package io.skilldesigner.engine.export;

import java.nio.charset.StandardCharsets;

import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;

/**
 * The runtime module's one connection to the IoT Edge hub (Azure IoT device SDK {@link ModuleClient}, MQTT over
 * TLS), shared by every IoT Hub / IoT Edge export of the skill: two clients with the same module identity would
 * keep disconnecting each other.
 *
 * <p>The identity comes from the environment IoT Edge gives a module ({@link ModuleEnvironment}): the SDK signs
 * its SAS tokens through the workload API ({@code IOTEDGE_WORKLOADURI}, a unix socket on a device) and trusts
 * the edgeHub certificate from the workload API's trust bundle; or from a module connection string. The
 * connection opens on the first send, not at start, so an unreachable edgeHub is an error state of the export
 * nodes (retried with backoff by {@link RetryingSender}) instead of a runtime that cannot start. A failed send
 * drops the client so the next attempt opens a fresh one.
 *
 * <p>The SDK reads the variables from the process environment itself ({@code ModuleClient.createFromEnvironment}
 * has no overload taking them), so the tests run the runtime as a child process with that environment; see
 * {@code DeviceModeTest}.
 */
public final class EdgeModuleConnection {
    /** How long one send waits for edgeHub's acknowledgement before it counts as failed and is retried. */
    static final int SEND_TIMEOUT_MILLIS = 15_000;

    private final ModuleEnvironment environment;
    private ModuleClient client;
    private int users;

    public EdgeModuleConnection() {
        this(ModuleEnvironment.system());
    }

    public EdgeModuleConnection(ModuleEnvironment environment) {
        this.environment = environment;
    }

    /**
     * A handle on the shared connection; closing it releases this user.
     *
     * @throws IllegalStateException when the module environment is missing: device mode without IoT Edge
     */
    public synchronized ModuleOutput acquire() {
        if (!environment.isModule()) {
            throw new IllegalStateException("device mode (--edge) but not running as an IoT Edge module: none of "
                    + ModuleEnvironment.WORKLOAD_URI + ", " + ModuleEnvironment.EDGE_HUB_CONNECTION_STRING + " or "
                    + ModuleEnvironment.IOT_HUB_CONNECTION_STRING + " is set; IoT Hub / IoT Edge exports can only"
                    + " send on a device (run without --edge to preview them)");
        }
        String missing = environment.missing();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("incomplete IoT Edge module environment: " + missing + " not set");
        }
        users++;
        return new ModuleOutput() {
            private boolean closed;

            @Override
            public void send(String outputName, String body) throws Exception {
                EdgeModuleConnection.this.send(outputName, body);
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

    private void send(String outputName, String body) throws Exception {
        ModuleClient c = connected();
        Message m = new Message(body.getBytes(StandardCharsets.UTF_8));
        m.setContentType("application/json");
        m.setContentEncoding("utf-8");
        try {
            c.sendEvent(m, outputName, SEND_TIMEOUT_MILLIS);
        } catch (Exception e) {
            dropClient(c);
            throw new EdgeHubException("send to output " + outputName + " failed", e);
        }
    }

    private synchronized ModuleClient connected() throws EdgeHubException {
        if (client != null) {
            return client;
        }
        ModuleClient c;
        try {
            c = ModuleClient.createFromEnvironment(new JdkUnixSocketChannel(), IotHubClientProtocol.MQTT);
        } catch (Exception e) {
            throw new EdgeHubException("cannot get the module identity from " + environment.describe(), e);
        }
        try {
            // No SDK-level retry here: RetryingSender retries with backoff and reports the error meanwhile.
            c.open(false);
        } catch (Exception e) {
            c.close();
            throw new EdgeHubException("cannot connect to edgeHub (" + environment.describe() + ")", e);
        }
        client = c;
        return c;
    }

    private synchronized void dropClient(ModuleClient failed) {
        if (client == failed) {
            client = null;
            failed.close();
        }
    }

    private synchronized void release() {
        if (--users == 0 && client != null) {
            client.close();
            client = null;
        }
    }

    /** edgeHub could not be reached or did not acknowledge. */
    static final class EdgeHubException extends Exception {
        EdgeHubException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
