package io.skilldesigner.engine.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto broker (Debian package {@code mosquitto}) on 127.0.0.1 and a free port, with a generated
 * config; optionally with a password file made by {@code mosquitto_passwd}. Stop and start again on the same
 * port to simulate an outage.
 */
final class Mosquitto implements AutoCloseable {
    final int port;
    private final Path config;
    private final Path log;
    private Process process;

    Mosquitto(Path dir, String user, String password) throws IOException, InterruptedException {
        this(dir, user, password, null);
    }

    /** @param tls when not null, the listener speaks TLS with these files */
    Mosquitto(Path dir, String user, String password, TlsFiles tls) throws IOException, InterruptedException {
        this.port = ExportTestSupport.freePort();
        this.config = dir.resolve("mosquitto.conf");
        this.log = dir.resolve("mosquitto.log");
        StringBuilder conf = new StringBuilder()
                .append("listener ").append(port).append(" 127.0.0.1\n")
                .append("persistence false\n")
                // Run as ourselves: as root, mosquitto would switch to its own user, who cannot read our temp dir.
                .append("user ").append(System.getProperty("user.name")).append('\n');
        if (tls != null) {
            conf.append("cafile ").append(tls.caCert()).append('\n')
                    .append("certfile ").append(tls.serverCert()).append('\n')
                    .append("keyfile ").append(tls.serverKey()).append('\n');
        }
        if (user == null) {
            conf.append("allow_anonymous true\n");
        } else {
            Path pw = dir.resolve("passwords");
            Files.writeString(pw, "");
            Process p = new ProcessBuilder(binary("mosquitto_passwd"), "-b", pw.toString(), user, password)
                    .redirectErrorStream(true).start();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("mosquitto_passwd failed: " + new String(p.getInputStream().readAllBytes()));
            }
            conf.append("allow_anonymous false\npassword_file ").append(pw).append('\n');
        }
        Files.writeString(config, conf.toString());
        start();
    }

    /** A private CA and a server certificate for 127.0.0.1 it signed, made with the openssl command. */
    record TlsFiles(Path caCert, Path serverCert, Path serverKey) {
        static TlsFiles create(Path dir) throws IOException, InterruptedException {
            Path ca = dir.resolve("ca.crt");
            Path caKey = dir.resolve("ca.key");
            Path key = dir.resolve("server.key");
            Path csr = dir.resolve("server.csr");
            Path cert = dir.resolve("server.crt");
            Path ext = Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1\n");
            openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", caKey.toString(), "-out",
                    ca.toString(), "-days", "2", "-subj", "/CN=skill-designer-test-ca");
            openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out", csr.toString(),
                    "-subj", "/CN=127.0.0.1");
            openssl("x509", "-req", "-in", csr.toString(), "-CA", ca.toString(), "-CAkey", caKey.toString(),
                    "-CAcreateserial", "-out", cert.toString(), "-days", "2", "-extfile", ext.toString());
            return new TlsFiles(ca, cert, key);
        }

        static void openssl(String... args) throws IOException, InterruptedException {
            String[] cmd = new String[args.length + 1];
            cmd[0] = "openssl";
            System.arraycopy(args, 0, cmd, 1, args.length);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("openssl " + String.join(" ", args) + " failed: " + out);
            }
        }
    }

    static String binary(String name) {
        for (String dir : new String[] {"/usr/sbin/", "/usr/bin/"}) {
            if (Files.isExecutable(Path.of(dir + name))) {
                return dir + name;
            }
        }
        return name;  // let PATH find it; the test fails with "cannot run" when the package is missing
    }

    void start() throws IOException, InterruptedException {
        process = new ProcessBuilder(binary("mosquitto"), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        try {
            ExportTestSupport.waitForPort(port, 10_000);
        } catch (AssertionError e) {
            throw new IOException("mosquitto did not start: " + Files.readString(log), e);
        }
    }

    void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
