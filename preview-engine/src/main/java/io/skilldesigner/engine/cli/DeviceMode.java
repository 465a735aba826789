package io.skilldesigner.engine.cli;

import java.io.PrintStream;

import io.skilldesigner.engine.export.ModuleEnvironment;

/**
 * Whether {@code run} is the device runtime: asked for ({@code --edge}) or started by IoT Edge (its module
 * environment is present). In device mode the IoT Hub / IoT Edge module exports send to edgeHub, never to a file.
 */
final class DeviceMode {
    private DeviceMode() {
    }

    static boolean detect(boolean flag, ModuleEnvironment env, PrintStream err) {
        boolean edge = flag || env.isModule();
        if (edge) {
            err.println("device mode: IoT exports send through "
                    + (env.isModule() ? env.describe() : "the IoT Edge module client (no module environment found)"));
        }
        return edge;
    }
}
