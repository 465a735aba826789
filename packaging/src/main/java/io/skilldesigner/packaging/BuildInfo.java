package io.skilldesigner.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The build's version, from a resource Maven filters at build time. */
public final class BuildInfo {
    private BuildInfo() {
    }

    public static String version() {
        return property("version");
    }

    /** The ONNX Runtime version the engine is built with (the CUDA image downloads the GPU build of it). */
    public static String onnxRuntimeVersion() {
        return property("onnxruntime.version");
    }

    /** SHA-1 of {@code onnxruntime_gpu-<onnxRuntimeVersion>.jar} on Maven Central. */
    public static String onnxRuntimeGpuSha1() {
        return property("onnxruntime.gpu.sha1");
    }

    private static String property(String key) {
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in == null) {
                throw new IllegalStateException("build.properties missing from the packaging jar");
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty(key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
