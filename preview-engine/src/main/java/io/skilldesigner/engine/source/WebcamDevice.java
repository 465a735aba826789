package io.skilldesigner.engine.source;

/** A camera the OS offers: what to put in the webcam setting, and a name for the picker. */
public record WebcamDevice(String id, String name) {
}
