package io.skilldesigner.engine.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExecutionProviderOverrideTest {
    @Test
    void unsetFollowsTheSkillCudaAndCpuOverrideItOtherValuesAreRefused() {
        assertTrue(new ExecutionProviderOverride(null).wantsCuda(true));
        assertFalse(new ExecutionProviderOverride("").wantsCuda(false));
        assertTrue(new ExecutionProviderOverride("cuda").wantsCuda(false));
        assertFalse(new ExecutionProviderOverride(" CPU ").wantsCuda(true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ExecutionProviderOverride("tensorrt").wantsCuda(false));
        assertEquals("SD_EXECUTION_PROVIDER='tensorrt': expected cuda or cpu", e.getMessage());
    }
}
