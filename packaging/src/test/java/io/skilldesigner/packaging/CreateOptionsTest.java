package io.skilldesigner.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.skilldesigner.core.catalog.nodes.GrpcCustomNode;

class CreateOptionsTest {
    @Test
    void shortOptionsAreOneChunk() throws PackageException {
        assertEquals(Map.of("createOptions", "{\"a\":1}"), CreateOptions.chunks("{\"a\":1}", "x"));
    }

    @Test
    void chunksAreNamedLikeIotEdgeToolingNamesThem() throws PackageException {
        String s = "x".repeat(GrpcCustomNode.CREATE_OPTIONS_CHUNK * 7 + 1);
        Map<String, String> chunks = CreateOptions.chunks(s, "x");
        assertEquals(List.of("createOptions", "createOptions01", "createOptions02", "createOptions03",
                "createOptions04", "createOptions05", "createOptions06", "createOptions07"), List.copyOf(chunks.keySet()));
        assertEquals(1, chunks.get("createOptions07").length());
        assertEquals(s, CreateOptions.join(chunks));
    }

    @Test
    void moreThanEightChunksIsAnError() {
        String s = "x".repeat(GrpcCustomNode.CREATE_OPTIONS_LIMIT + 1);
        PackageException e = assertThrows(PackageException.class, () -> CreateOptions.chunks(s, "node 'g'"));
        assertTrue(e.getMessage().startsWith("node 'g'"), e.getMessage());
    }

    @Test
    void invalidJsonNamesTheNode() {
        PackageException e = assertThrows(PackageException.class, () -> CreateOptions.parse("{nope", "node 'g'"));
        assertTrue(e.getMessage().contains("node 'g'") && e.getMessage().contains("not valid JSON"), e.getMessage());
        assertThrows(PackageException.class, () -> CreateOptions.parse("[1]", "node 'g'"));
    }
}
