package io.skilldesigner.core.kan;

import java.util.List;
import java.util.Locale;

/**
 * Fixed names of the KAN skill document (shared/spec/kan-skill-format.md) and the property keys under which
 * Skill Designer keeps what KAN has no field for. KAN treats {@code spec.properties} as a free bag, so these
 * travel through KAN unchanged.
 */
public final class KanFormat {
    public static final String API_VERSION = "ai.symphony/v1";
    public static final String KIND = "Skill";
    /** Every KAN edge runs from route {@code f} to route {@code f} (frames). */
    public static final String ROUTE = "f";
    public static final String NAME_PREFIX = "skill-";

    public static final String FPS_PARAMETER = "fpsRetrieve";
    public static final String ACCELERATION_PARAMETER = "accelerationRetrieve";
    /** KAN's value of a parameter a deployment has not set yet. */
    public static final String UNSET = "invalid";
    /** Parameters every KAN skill carries, {@value #UNSET} until a deployment sets them. */
    public static final List<String> DEFAULT_PARAMETERS = List.of(
            "rtsp", "fps", "instance_displayname", "skill_displayname", "device_displayname", "device_id");

    public static final String PROPERTY_PREFIX = "skilldesigner.";
    public static final String DESCRIPTION_PROPERTY = PROPERTY_PREFIX + "description";
    private static final String NODE_NAME_PROPERTY = PROPERTY_PREFIX + "node.%s.displayName";

    private KanFormat() {
    }

    /** Property holding a node's display name (KAN's node name is its type's fixed name). */
    public static String displayNameProperty(String nodeId) {
        return String.format(Locale.ROOT, NODE_NAME_PROPERTY, nodeId);
    }

    /** Node id of a {@link #displayNameProperty} key, or null when the key is not one. */
    public static String nodeIdOfDisplayNameProperty(String key) {
        String head = PROPERTY_PREFIX + "node.";
        String tail = ".displayName";
        if (key.startsWith(head) && key.endsWith(tail) && key.length() > head.length() + tail.length()) {
            return key.substring(head.length(), key.length() - tail.length());
        }
        return null;
    }

    /** Our skill id from KAN's {@code metadata.name}: without the {@code skill-} prefix KAN adds. */
    public static String skillIdOf(String metadataName) {
        String n = metadataName.trim();
        return n.startsWith(NAME_PREFIX) && n.length() > NAME_PREFIX.length() ? n.substring(NAME_PREFIX.length()) : n;
    }
}
