package io.skilldesigner.engine;

import java.util.List;

import io.skilldesigner.engine.frame.Frame;

/**
 * The front of a node with several workers ({@link io.skilldesigner.engine.runtime.ConcurrentRuntime}): takes
 * frames from the node's slot and gives frame n to worker n mod k, taking a frame only once that worker's handoff
 * is free, so a live source still drops to its latest frame and no worker holds more than one frame waiting.
 */
final class DispatchStage implements Runnable {
    private final FrameSlot input;
    private final List<FrameSlot> workers;

    DispatchStage(FrameSlot input, List<FrameSlot> workers) {
        this.input = input;
        this.workers = List.copyOf(workers);
    }

    @Override
    public void run() {
        try {
            for (int next = 0; ; next = (next + 1) % workers.size()) {
                FrameSlot worker = workers.get(next);
                worker.awaitEmpty();
                Frame in = input.take();
                if (in == null) {
                    break;
                }
                worker.put(in);
            }
        } catch (InterruptedException e) {
            // Stop requested: the engine aborts every handoff and interrupts every stage; just leave.
            Thread.currentThread().interrupt();
        } finally {
            workers.forEach(FrameSlot::producerDone);
        }
    }
}
