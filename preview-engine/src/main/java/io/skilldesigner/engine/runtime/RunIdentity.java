package io.skilldesigner.engine.runtime;

/** The ids KAN puts in every insight message and handshake. */
public record RunIdentity(String instanceId, String skillId, String deviceId) {
    public static RunIdentity preview(String skillId) {
        return new RunIdentity("preview", skillId, "designer");
    }
}
