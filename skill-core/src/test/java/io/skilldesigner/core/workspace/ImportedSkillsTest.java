package io.skilldesigner.core.workspace;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.skill.Skill;

/** An import (package or KAN file) never replaces a skill the user has. */
class ImportedSkillsTest {
    @Test
    void freeIdIsKeptTakenIdGivesACopyBeside(@TempDir Path root) throws Exception {
        Workspace ws = Workspace.open(root, NodeCatalog.standard());
        Skill incoming = Skill.empty("people-counter", "People counter");
        assertSame(incoming, ImportedSkills.place(ws, incoming));

        ws.saveSkill(incoming.withDescription("the user's own, edited"));
        byte[] users = Files.readAllBytes(ws.skillFile("people-counter"));
        Skill first = ImportedSkills.place(ws, incoming);
        assertEquals("people-counter-imported", first.id());
        assertEquals("People counter (imported)", first.name());
        ws.saveSkill(first);
        Skill second = ImportedSkills.place(ws, incoming);
        assertEquals("people-counter-imported-2", second.id());
        assertEquals("People counter (imported 2)", second.name());
        assertArrayEquals(users, Files.readAllBytes(ws.skillFile("people-counter")));
    }
}
