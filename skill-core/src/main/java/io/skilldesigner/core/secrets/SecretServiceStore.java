package io.skilldesigner.core.secrets;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The desktop's Secret Service (GNOME Keyring, KWallet) through libsecret's own client, {@code secret-tool}
 * (Debian package libsecret-tools). Values go through stdin and stdout only, never the command line, so other
 * users cannot see them in the process list. Entries carry the attributes {@code service=skill-designer} and
 * {@code ref=<skill>/<node>/<setting>}.
 */
public final class SecretServiceStore implements SecretStore {
    static final String SERVICE = "skill-designer";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, String> env;

    /** @param env added to the environment of {@code secret-tool} (e.g. a test's own session bus); usually empty */
    public SecretServiceStore(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /**
     * The store when a Secret Service answers on the session bus, else empty (no secret-tool, no bus, no keyring).
     * Asks for an entry that does not exist: a running service says "not found" quietly.
     */
    public static Optional<SecretServiceStore> ifRunning(Map<String, String> env) {
        SecretServiceStore s = new SecretServiceStore(env);
        try {
            Result r = s.run(List.of("lookup", "service", SERVICE, "ref", "__probe__"), null);
            return (r.code == 0 || r.code == 1) && r.err.isBlank() ? Optional.of(s) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // secret-tool is not installed or did not answer: use another store
        }
    }

    @Override
    public void put(String ref, String value) throws IOException {
        Result r = run(List.of("store", "--label=Skill Designer: " + ref, "service", SERVICE, "ref", ref), value);
        if (r.code != 0) {
            throw new IOException("the Secret Service did not store '" + ref + "': " + r.err.strip());
        }
    }

    @Override
    public Optional<String> get(String ref) throws IOException {
        Result r = run(List.of("lookup", "service", SERVICE, "ref", ref), null);
        if (r.code == 0) {
            return Optional.of(r.out);
        }
        if (r.code == 1 && r.err.isBlank()) {
            return Optional.empty();
        }
        throw new IOException("the Secret Service did not answer for '" + ref + "': " + r.err.strip());
    }

    @Override
    public void delete(String ref) throws IOException {
        Result r = run(List.of("clear", "service", SERVICE, "ref", ref), null);
        if (r.code != 0 && !r.err.isBlank()) {
            throw new IOException("the Secret Service did not delete '" + ref + "': " + r.err.strip());
        }
    }

    /** The refs of every item this app keeps in the keyring (for tests that check nothing is left behind). */
    List<String> refs() throws IOException {
        Result r = run(List.of("search", "--all", "service", SERVICE), null);
        List<String> out = new ArrayList<>();
        // Each item prints "attribute.ref = <ref>" among its lines (its secret too, which is not kept).
        for (String line : (r.out + "\n" + r.err).split("\n")) {
            String t = line.strip();
            if (t.startsWith("attribute.ref = ")) {
                out.add(t.substring("attribute.ref = ".length()));
            }
        }
        return out;
    }

    private record Result(int code, String out, String err) {
    }

    private Result run(List<String> args, String stdin) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add("secret-tool");
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().putAll(env);
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            if (!p.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException("secret-tool did not finish within " + TIMEOUT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while talking to the Secret Service", e);
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
