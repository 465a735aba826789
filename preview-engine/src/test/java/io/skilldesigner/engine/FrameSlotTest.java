package io.skilldesigner.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.skilldesigner.engine.frame.Frame;

/** The single-slot handoff: drop-to-latest, backpressure, end of stream after the last producer, abort. */
class FrameSlotTest {
    private static Frame frame(long seq) {
        return new Frame(Long.toString(seq), seq, 0, null, 1, 1, List.of(), List.of());
    }

    @Test
    void offerLatestReplacesAWaitingFrameAndSaysSo() throws Exception {
        FrameSlot slot = new FrameSlot(1);
        assertFalse(slot.offerLatest(frame(1)));
        Frame newest = frame(2);
        assertTrue(slot.offerLatest(newest), "the untaken frame 1 was dropped");
        assertSame(newest, slot.take());
        assertFalse(slot.offerLatest(frame(3)), "slot was empty again");
    }

    @Test
    void putWaitsUntilTheConsumerTookTheFrame() throws Exception {
        FrameSlot slot = new FrameSlot(1);
        slot.put(frame(1));
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            try {
                slot.put(frame(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(100);
        assertFalse(second.isDone(), "put must wait while the slot is full");
        assertEquals(1, slot.take().sequence());
        second.get(5, TimeUnit.SECONDS);
        assertEquals(2, slot.take().sequence());
    }

    @Test
    void closesAfterTheLastProducerButDrainsTheWaitingFrameFirst() throws Exception {
        FrameSlot slot = new FrameSlot(2);
        slot.offerLatest(frame(7));
        slot.producerDone();
        assertEquals(7, slot.take().sequence());
        CompletableFuture<Frame> next = CompletableFuture.supplyAsync(() -> {
            try {
                return slot.take();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertFalse(next.isDone(), "one producer is still open");
        slot.producerDone();
        assertNull(next.get(5, TimeUnit.SECONDS));
    }

    @Test
    void abortDiscardsAndReleasesEveryWaiter() throws Exception {
        FrameSlot slot = new FrameSlot(1);
        slot.put(frame(1));
        CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
            try {
                slot.put(frame(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(50);
        slot.abort();
        blocked.get(5, TimeUnit.SECONDS);
        assertNull(slot.take());
        assertFalse(slot.offerLatest(frame(3)));
    }
}
