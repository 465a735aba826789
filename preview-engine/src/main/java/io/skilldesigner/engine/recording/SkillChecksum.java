package io.skilldesigner.engine.recording;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.io.SkillJson;
import io.skilldesigner.core.skill.Position;
import io.skilldesigner.core.skill.Skill;

/** SHA-256 of a skill's saved form without node positions (moving a node does not change what it does). */
public final class SkillChecksum {
    private SkillChecksum() {
    }

    public static String of(NodeCatalog catalog, Skill skill) {
        Skill withoutLayout = skill.withNodes(skill.nodes().stream().map(n -> n.withPosition(Position.ORIGIN))
                .toList()).withFormatVersion(Skill.CURRENT_FORMAT_VERSION);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(new SkillJson(catalog).toBytes(withoutLayout)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
