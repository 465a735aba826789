package io.skilldesigner.engine.export;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

import com.google.gson.JsonObject;
import com.microsoft.azure.sdk.iot.device.IotHubClientProtocol;
import com.microsoft.azure.sdk.iot.device.IotHubStatusCode;
import com.microsoft.azure.sdk.iot.device.Message;
import com.microsoft.azure.sdk.iot.device.ModuleClient;
import com.microsoft.azure.sdk.iot.device.twin.Twin;
import com.microsoft.azure.sdk.iot.device.twin.TwinCollection;

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
 * <p>The module twin goes through the same client ({@link #watchTwin}): the runtime reads its skill from the
 * desired properties when {@code SD_SKILL_SOURCE=twin}. That opens the connection at once (nothing can run
 * without the skill), and every later (re)connection subscribes to desired-property patches again and reads the
 * whole twin, so a patch sent while the client was down is not lost.
 *
 * <p>The SDK reads the variables from the process environment itself ({@code ModuleClient.createFromEnvironment}
 * has no overload taking them), so the tests run the runtime as a child process with that environment; see
 * {@code DeviceModeTest}.
 */
public final class EdgeModuleConnection {
    /** How long one send waits for edgeHub's acknowledgement before it counts as failed and is retried. */
    static final int SEND_TIMEOUT_MILLIS = 15_000;
    /** How long a twin GET or the desired-properties subscription waits for edgeHub. */
    static final int TWIN_TIMEOUT_MILLIS = 30_000;

    private final ModuleEnvironment environment;
    private ModuleClient client;
    private int users;
    private DesiredListener twinListener;

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
        requireModule();
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

    /** The module twin's desired properties: the whole document after each twin GET, or a patch. */
    public interface DesiredListener {
        /**
         * Called from the SDK's thread (or the caller's, for the first GET): must not block.
         *
         * @param version the twin's {@code $version} of these properties, -1 when the hub gave none
         */
        void onDesired(JsonObject properties, long version, boolean whole);
    }

    /** Watching the module twin; closing it stops passing updates and releases the connection. */
    public interface TwinWatch extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Connects now, subscribes to desired-property patches and reads the twin; the whole desired document goes
     * to the listener before this returns, patches later. Closing the handle releases this user of the
     * connection. One watcher per connection.
     *
     * @throws IllegalStateException without a module environment (as {@link #acquire()})
     * @throws EdgeHubException      when edgeHub cannot be reached or does not answer the twin GET
     */
    public synchronized TwinWatch watchTwin(DesiredListener listener) throws EdgeHubException {
        requireModule();
        if (twinListener != null) {
            throw new IllegalStateException("the module twin is already watched");
        }
        twinListener = listener;
        users++;
        try {
            if (client == null) {
                connected();
            } else {
                readTwin(client);
            }
        } catch (EdgeHubException | RuntimeException e) {
            twinListener = null;
            release();
            throw e;
        }
        return () -> {
            synchronized (EdgeModuleConnection.this) {
                if (twinListener == listener) {
                    twinListener = null;
                    release();
                }
            }
        };
    }

    /**
     * Sets the reported property {@code name} of the module twin (what the operator sees in IoT Hub), without
     * waiting; a failure is passed to {@code onFailure}. Nothing is sent while the client is not connected.
     */
    public synchronized void report(String name, Map<String, ?> values, Consumer<String> onFailure) {
        if (client == null) {
            onFailure.accept("not connected to edgeHub");
            return;
        }
        TwinCollection value = new TwinCollection();
        values.forEach(value::put);
        TwinCollection reported = new TwinCollection();
        reported.put(name, value);
        client.updateReportedPropertiesAsync(reported, (status, response, e, context) -> {
            if (status != IotHubStatusCode.OK) {
                onFailure.accept("reported property " + name + " not accepted: " + status
                        + (e == null ? "" : " (" + e.getMessage() + ")"));
            }
        }, null);
    }

    private void readTwin(ModuleClient c) throws EdgeHubException {
        DesiredListener listener = twinListener;
        try {
            // Subscribe before the GET: a patch between the two is then not lost (older ones are ignored by
            // their $version).
            c.subscribeToDesiredProperties((twin, context) -> listener.onDesired(
                    json(twin.getDesiredProperties()), version(twin.getDesiredProperties()), false), null,
                    TWIN_TIMEOUT_MILLIS);
            Twin twin = c.getTwin(TWIN_TIMEOUT_MILLIS);
            listener.onDesired(json(twin.getDesiredProperties()), version(twin.getDesiredProperties()), true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EdgeHubException("interrupted while reading the module twin", e);
        } catch (Exception e) {
            throw new EdgeHubException("cannot read the module twin from edgeHub (" + environment.describe() + ")",
                    e);
        }
    }

    private static JsonObject json(TwinCollection properties) {
        return properties == null ? new JsonObject() : properties.toJsonElement().getAsJsonObject();
    }

    private static long version(TwinCollection properties) {
        return properties == null || properties.getVersion() == null ? -1 : properties.getVersion();
    }

    private void requireModule() {
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
        if (twinListener != null) {
            try {
                readTwin(c);
            } catch (EdgeHubException e) {
                c.close();
                throw e;
            }
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
    public static final class EdgeHubException extends Exception {
        EdgeHubException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
