package io.skilldesigner.engine.runtime;

/**
 * A message an export sent (or, in preview for IoT Hub/Edge, would send): exactly the bytes of the body.
 *
 * @param target what it went to: module output name, MQTT topic, URL, blob path
 * @param route  the IoT Edge route the message takes, or empty
 * @param body   the JSON body as sent
 */
public record ExportMessage(String nodeId, String exportType, String target, String route, String body,
                            long timestampMillis) {
}
