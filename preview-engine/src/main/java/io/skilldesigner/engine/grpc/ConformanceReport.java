package io.skilldesigner.engine.grpc;

import java.util.List;
import java.util.Locale;

/**
 * What the conformance checker found about one endpoint; {@link #toText()} is the readable form, the fields are
 * for the app to show.
 *
 * @param negotiated what the server asked for in its handshake, or null when the handshake failed
 * @param problems   protocol violations; the endpoint conforms when there are none
 * @param notes      things worth knowing that the protocol allows (e.g. ack not echoing seq)
 */
public record ConformanceReport(String endpoint, boolean tls, Negotiated negotiated, List<SizeResult> sizes,
                                List<String> problems, List<String> notes) {
    public ConformanceReport {
        sizes = List.copyOf(sizes);
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /**
     * Round trips at one frame size.
     *
     * @param answered frames answered within the deadline
     * @param objects  objects returned over all frames
     */
    public record SizeResult(int width, int height, int sent, int answered, int objects, double p50Millis,
                             double p95Millis) {
    }

    public boolean passed() {
        return negotiated != null && problems.isEmpty();
    }

    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append("Custom node conformance: ").append(endpoint).append(tls ? " (TLS)" : "").append('\n');
        b.append("Result: ").append(passed() ? "PASS" : "FAIL").append('\n');
        if (negotiated != null) {
            b.append("Handshake: image ").append(negotiated.imageType()).append(", request ")
                    .append(negotiated.requestType()).append(", response ").append(negotiated.responseType())
                    .append('\n');
        }
        if (!sizes.isEmpty()) {
            b.append(String.format(Locale.ROOT, "%-11s %6s %9s %8s %9s %9s%n", "frame", "sent", "answered",
                    "objects", "p50 ms", "p95 ms"));
            for (SizeResult s : sizes) {
                b.append(String.format(Locale.ROOT, "%-11s %6d %9d %8d %9.2f %9.2f%n", s.width() + "x" + s.height(),
                        s.sent(), s.answered(), s.objects(), s.p50Millis(), s.p95Millis()));
            }
        }
        for (String p : problems) {
            b.append("PROBLEM: ").append(p).append('\n');
        }
        for (String n : notes) {
            b.append("note: ").append(n).append('\n');
        }
        return b.toString();
    }
}
