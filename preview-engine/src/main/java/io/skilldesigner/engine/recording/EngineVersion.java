package io.skilldesigner.engine.recording;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The engine's version (the project version at build time), written into recordings. */
public final class EngineVersion {
    private EngineVersion() {
    }

    public static String current() {
        try (InputStream in = EngineVersion.class.getResourceAsStream("engine-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the engine version resource", e);
        }
    }
}
