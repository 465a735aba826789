package io.skilldesigner.engine.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Mosquitto in place of edgeHub: a TLS listener on port 8883 (the Azure IoT device SDK's MQTT port is fixed:
 * {@code MqttIotHubConnection} builds {@code ssl://<gateway>:8883}) bound to a random 127.x.y.z address so
 * parallel runs do not collide, with a server certificate for that address signed by a private CA (the workload
 * API's trust bundle); and a plain listener on 127.0.0.1 for the test's own subscriber. Anonymous access: like
 * edgeHub we accept the module's SAS token; the test checks the identity it presents in CONNECT from the log.
 */
public final class EdgeHubStandIn implements AutoCloseable {
    public final String gateway;
    public final int plainPort;
    public final Path caCert;
    public final Path log;
    private final Path config;
    private Process process;

    public EdgeHubStandIn(Path dir) throws IOException, InterruptedException {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        gateway = "127." + r.nextInt(1, 255) + "." + r.nextInt(1, 255) + "." + r.nextInt(2, 255);
        plainPort = ExportTestSupport.freePort();
        caCert = dir.resolve("edge-ca.crt");
        Path caKey = dir.resolve("edge-ca.key");
        Path key = dir.resolve("edgehub.key");
        Path csr = dir.resolve("edgehub.csr");
        Path cert = dir.resolve("edgehub.crt");
        Path ext = Files.writeString(dir.resolve("edgehub.ext"), "subjectAltName=IP:" + gateway + "\n");
        Mosquitto.TlsFiles.openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey.toString(), "-out",
                caCert.toString(), "-days", "2", "-subj", "/CN=iotedge-test-device-ca");
        Mosquitto.TlsFiles.openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", csr.toString(),
                "-subj", "/CN=" + gateway);
        Mosquitto.TlsFiles.openssl("x509", "-req", "-in", csr.toString(), "-CA", caCert.toString(), "-CAkey", caKey.toString(),
                "-CAcreateserial", "-out", cert.toString(), "-days", "2", "-extfile", ext.toString());
        config = dir.resolve("edgehub-mosquitto.conf");
        log = dir.resolve("edgehub-mosquitto.log");
        Files.writeString(config, String.join("\n",
                "per_listener_settings false",
                "allow_anonymous true",
                "persistence false",
                "user " + System.getProperty("user.name"),
                "log_dest file " + log,
                "log_type all",
                "connection_messages true",
                "listener 8883 " + gateway,
                "cafile " + caCert,
                "certfile " + cert,
                "keyfile " + key,
                "listener " + plainPort + " 127.0.0.1",
                ""));
        start();
    }

    public void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(Mosquitto.binary("mosquitto"), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            ExportTestSupport.waitForPort(plainPort, 10_000);
        } catch (AssertionError e) {
            throw new IOException("mosquitto did not start: " + (Files.exists(log) ? Files.readString(log) : ""), e);
        }
    }

    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }

    public String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
