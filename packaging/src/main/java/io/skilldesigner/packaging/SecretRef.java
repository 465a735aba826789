package io.skilldesigner.packaging;

/**
 * A secret left out of a package: the environment variable the operator sets on the device instead.
 *
 * @param envVar      variable name, e.g. {@code SD_SECRET_MQTT1_PASSWORD}
 * @param placeholder the text written where the secret was: {@code ${NAME}} for a whole value, {@code $NAME}
 *                    inside a URL's user-info (braces are not legal there)
 * @param nodeId      node whose setting held it, or empty for a skill parameter
 * @param key         setting key or parameter name (with {@code /entry} for a key-value list entry)
 * @param what        a human description for the package README
 */
public record SecretRef(String envVar, String placeholder, String nodeId, String key, String what) {
}
