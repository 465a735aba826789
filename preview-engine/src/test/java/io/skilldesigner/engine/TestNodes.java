package io.skilldesigner.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

import io.skilldesigner.core.catalog.EffectiveSettings;
import io.skilldesigner.core.catalog.KanMapping;
import io.skilldesigner.core.catalog.NodeCatalog;
import io.skilldesigner.core.catalog.NodeCategory;
import io.skilldesigner.core.catalog.NodeType;
import io.skilldesigner.core.catalog.PortSpec;
import io.skilldesigner.core.skill.SkillNode;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.runtime.NodeRuntime;
import io.skilldesigner.engine.runtime.NodeRuntimeFactory;
import io.skilldesigner.engine.runtime.RuntimeContext;

/**
 * Real test components: process node types whose runtime is a given function (slow, throwing, detecting,
 * recording), registered in a test catalog and registry next to the standard ones.
 */
public final class TestNodes {
    private final List<NodeType> types = new ArrayList<>();
    private final List<NodeRuntimeFactory> factories = new ArrayList<>();

    /** Adds a process node type {@code typeId} whose runtime applies {@code behaviour} to each frame. */
    public TestNodes type(String typeId, ThrowingFunction behaviour) {
        return runtime(typeId, () -> behaviour::apply);
    }

    /** Adds a process node type {@code typeId} whose runtime (one per node) is the given one. */
    public TestNodes runtime(String typeId, Supplier<NodeRuntime> runtime) {
        types.add(new TestType(typeId));
        factories.add(new NodeRuntimeFactory() {
            @Override
            public String typeId() {
                return typeId;
            }

            @Override
            public NodeRuntime create(SkillNode node, EffectiveSettings settings, RuntimeContext context) {
                return runtime.get();
            }
        });
        return this;
    }

    public NodeCatalog catalog() {
        List<NodeType> all = new ArrayList<>(NodeCatalog.standard().all());
        all.addAll(types);
        return new NodeCatalog(all);
    }

    public NodeRuntimeRegistry registry() {
        return NodeRuntimeRegistry.standard().with(factories.toArray(NodeRuntimeFactory[]::new));
    }

    @FunctionalInterface
    public interface ThrowingFunction {
        Frame apply(Frame f) throws Exception;
    }

    /** Sleeps, then passes the frame on: a node slower than the source. */
    public static ThrowingFunction slow(long millis) {
        return f -> {
            Thread.sleep(millis);
            return f;
        };
    }

    /** Records every frame it sees (same instances), then passes it on. */
    public static ThrowingFunction recording(Collection<Frame> seen) {
        return f -> {
            if (f.image() != null) {
                f.image().retain(); // kept past process(): held so its pooled buffer is not reused under the test
            }
            seen.add(f);
            return f;
        };
    }

    public static ThrowingFunction map(Function<Frame, Frame> f) {
        return f::apply;
    }

    public static List<Frame> newLog() {
        return new CopyOnWriteArrayList<>();
    }

    private static final class TestType extends NodeType {
        TestType(String id) {
            super(id, NodeCategory.PROCESS, id, "test node", "filter", List.of(PortSpec.frameIn()),
                    List.of(PortSpec.frameOut()), List.of());
        }

        @Override
        public Optional<KanMapping> kan() {
            return Optional.empty();
        }
    }
}
