package io.skilldesigner.engine.model;

import java.util.List;
import java.util.Map;

import io.skilldesigner.engine.RuntimeInfo;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.runtime.ConcurrentRuntime;
import io.skilldesigner.engine.runtime.PipelinedRuntime;

/**
 * What detector and classifier nodes share: one runner per frame in flight on the same session (the first also
 * prepares the next frame ahead when there is a single worker), closing and describing them.
 */
abstract class ModelNodeRuntime implements PipelinedRuntime, ConcurrentRuntime, RuntimeInfo {
    private final List<ModelRunner> runners;

    /** @param runners one per frame in flight, on the same session (see {@link ConcurrentRuntime}) */
    ModelNodeRuntime(List<ModelRunner> runners) {
        if (runners.isEmpty()) {
            throw new IllegalArgumentException("a model node needs a runner");
        }
        this.runners = List.copyOf(runners);
    }

    /** The model path for one frame on {@code runner}, with what was prepared ahead for it (or null). */
    abstract Frame finish(Frame frame, Prepared prepared, ModelRunner runner);

    public ModelRunner runner() {
        return runners.get(0);
    }

    @Override
    public int workers() {
        return runners.size();
    }

    @Override
    public Frame process(Frame frame, int worker) {
        return finish(frame, null, runners.get(worker));
    }

    @Override
    public Frame finish(Frame frame, Prepared prepared) {
        return finish(frame, prepared, runner());
    }

    @Override
    public void close() {
        runners.forEach(ModelRunner::close);
    }

    @Override
    public Map<String, String> runtimeInfo() {
        return ModelRuntimeInfo.of(runners);
    }
}
