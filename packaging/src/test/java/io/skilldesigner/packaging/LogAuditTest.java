package io.skilldesigner.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.nodes.CameraInputNode;
import io.skilldesigner.core.catalog.nodes.GrpcCustomNode;
import io.skilldesigner.core.catalog.nodes.HttpExportNode;
import io.skilldesigner.core.catalog.nodes.MqttExportNode;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.io.SkillJson;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.core.skill.SkillEdge;

/**
 * Log audit: the command line's real flows, in their own JVM with every logger at its finest level
 * (java.util.logging ALL, which gRPC and the JDK use; slf4j-simple at trace, which the Azure SDK and netty use),
 * must not print a secret anywhere: not in logs, not in messages, not in exported files, not in insights. The
 * flows: {@code validate} and {@code export} of a skill full of secrets (RTSP and parameter URLs with
 * user:password, MQTT password, HTTP bearer token, storage connection string, SAS, env tokens); {@code run} of a
 * skill whose secrets come from the environment ({@code SD_SECRET_...}), against an RTSP URL with user:password,
 * a gRPC endpoint and MQTT broker that refuse connections, until the source gives up.
 */
class LogAuditTest {
    static final String RUN_RTSP_PASSWORD = "run-Rtsp-Pa55-0451";
    static final String RUN_MQTT_PASSWORD = "run-Mqtt-Pa55-9127";
    static final String RUN_HTTP_TOKEN = "Bearer run-http-token-77aa31";
    static final String RUN_SOURCE_PASSWORD = "src-Rtsp-Pa55-1188";

    private static List<String> allSecrets() {
        List<String> out = new ArrayList<>(Fixtures.SECRET_VALUES);
        out.addAll(List.of(RUN_RTSP_PASSWORD, RUN_MQTT_PASSWORD, RUN_HTTP_TOKEN, RUN_SOURCE_PASSWORD,
                "run-http-token-77aa31"));
        return out;
    }

    /** One command line run in its own JVM; stdout and stderr together. */
    private record Run(int code, String output) {
    }

    private static Run cli(Path dir, Map<String, String> env, String... args) throws Exception {
        return cli(dir, env, 0, args);
    }

    /**
     * @param stopAfterSeconds when positive, the run is stopped as an operator would (SIGTERM, the Ctrl-C path)
     *                         after that long; else it must end by itself
     */
    private static Run cli(Path dir, Map<String, String> env, int stopAfterSeconds, String... args) throws Exception {
        Path logging = dir.resolve("logging.properties");
        Files.writeString(logging, """
                handlers=java.util.logging.ConsoleHandler
                .level=ALL
                java.util.logging.ConsoleHandler.level=ALL
                """);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Djava.util.logging.config.file=" + logging,
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=trace",
                // the product ships slf4j-nop; the audit logs through slf4j-simple (also on the test classpath)
                "-Dslf4j.provider=org.slf4j.simple.SimpleServiceProvider",
                "-Dskilldesigner.secrets.dir=" + dir.resolve("user-secrets"),
                "io.skilldesigner.packaging.cli.SkillDesignerCli"));
        cmd.addAll(List.of(args));
        Path output = Files.createTempFile(dir, "cli-", ".log");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(output.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (stopAfterSeconds > 0 && !p.waitFor(stopAfterSeconds, TimeUnit.SECONDS)) {
            p.destroy();
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the command did not finish: " + String.join(" ", args));
        }
        return new Run(p.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort(); // free once closed: connections to it are refused
        }
    }

    /** Where each secret appears: "what: secret-prefix…" (the value itself is never printed by the test). */
    private static List<String> leaks(String what, String text) {
        List<String> out = new ArrayList<>();
        for (String secret : allSecrets()) {
            if (text.contains(secret)) {
                out.add(what + ": " + secret.substring(0, 4) + "…");
            }
        }
        return out;
    }

    private static List<String> leaksInFiles(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                out.addAll(leaks(dir.relativize(f).toString(),
                        new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)));
            }
        }
        return out;
    }

    @Test
    void validatePrintsNoSecret(@TempDir Path tmp) throws Exception {
        Path skillFile = tmp.resolve("in/door.skill.json");
        Files.createDirectories(skillFile.getParent());
        Files.writeString(skillFile, new SkillJson(Fixtures.catalog()).write(Fixtures.secretSkill()));
        List<String> found = new ArrayList<>();
        Run validate = cli(tmp, Map.of(), "validate", skillFile.toString(), "--json");
        // it validated (before validate had --json, this audited a usage error and nothing else)
        assertTrue(validate.code() != 2 && validate.output().contains("\"problems\""), validate.output());
        found.addAll(leaks("validate output", validate.output()));
        assertEquals(List.of(), found);
    }

    @Test
    void runWithSecretsFromTheEnvironmentPrintsNoSecret(@TempDir Path tmp) throws Exception {
        NodeCatalog c = Fixtures.catalog();
        int rtsp = closedPort();
        int grpc = closedPort();
        int mqtt = closedPort();
        int http = closedPort();
        String f = PortSpec.FRAME_PORT;
        Map<String, String> env = new LinkedHashMap<>();
        env.put("TRACE_LEVEL", "3");
        env.put("API_TOKEN", "${SD_SECRET_CUSTOM_ENV_API_TOKEN}");
        Skill skill = Skill.empty("audit", "Audit").withNodes(List.of(
                c.get(CameraInputNode.ID).newNode("cam").withSetting(CameraInputNode.SOURCE_KIND, CameraInputNode.RTSP)
                        .withSetting(CameraInputNode.RTSP_URL,
                                "rtsp://$SD_SECRET_CAM_RTSP_URL_USERINFO@127.0.0.1:" + rtsp + "/stream1"),
                c.get(GrpcCustomNode.ID).newNode("custom").withSetting(GrpcCustomNode.MODE, GrpcCustomNode.ENDPOINT)
                        .withSetting(GrpcCustomNode.ENDPOINT_URL, "127.0.0.1:" + grpc),
                c.get(MqttExportNode.ID).newNode("mqtt").withSetting(MqttExportNode.BROKER_ADDRESS, "127.0.0.1:" + mqtt)
                        .withSetting(MqttExportNode.USERNAME, "edge")
                        .withSetting(MqttExportNode.PASSWORD, "${SD_SECRET_MQTT_PASSWORD}"),
                c.get(HttpExportNode.ID).newNode("http")
                        .withSetting(HttpExportNode.URL_KEY, "http://127.0.0.1:" + http + "/in")
                        .withSetting(HttpExportNode.AUTH_VALUE, "${SD_SECRET_HTTP_AUTH_HEADER_VALUE}")))
                .withEdges(List.of(SkillEdge.of("cam", f, "custom", f), SkillEdge.of("custom", f, "mqtt", f),
                        SkillEdge.of("custom", f, "http", f)));
        Path skillFile = tmp.resolve("ws/skills/audit.skill.json");
        Files.createDirectories(skillFile.getParent());
        Files.writeString(skillFile, new SkillJson(c).write(skill));
        Map<String, String> secrets = Map.of(
                "SD_SECRET_CAM_RTSP_URL_USERINFO", "admin:" + RUN_RTSP_PASSWORD,
                "SD_SECRET_MQTT_PASSWORD", RUN_MQTT_PASSWORD,
                "SD_SECRET_HTTP_AUTH_HEADER_VALUE", RUN_HTTP_TOKEN);
        List<String> found = new ArrayList<>();
        // the skill's own RTSP URL (user:password from the environment), then one given on the command line
        Run own = cli(tmp, secrets, 8, "run", skillFile.toString(), "--workspace", tmp.resolve("ws").toString(),
                "--frames", "3", "--out", tmp.resolve("own.jsonl").toString());
        found.addAll(leaks("run output", own.output()));
        Run given = cli(tmp, secrets, "run", skillFile.toString(), "--workspace", tmp.resolve("ws").toString(),
                "--source", "rtsp://viewer:" + RUN_SOURCE_PASSWORD + "@127.0.0.1:" + rtsp + "/live",
                "--give-up-after", "2", "--frames", "3", "--out", tmp.resolve("given.jsonl").toString());
        found.addAll(leaks("run --source output", given.output()));
        found.addAll(leaksInFiles(tmp));
        assertEquals(List.of(), found, own.output() + "\n----\n" + given.output());
        assertTrue(given.code() != 0, "a source that never answers is a failure: " + given.output());
        assertTrue(given.output().contains("127.0.0.1:" + rtsp), "the messages still say which source: "
                + given.output());
    }
}
