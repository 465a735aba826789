package io.skilldesigner.engine.memory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.bytedeco.javacpp.Pointer;

import io.skilldesigner.core.catalog.nodes.ModelNode;
import io.skilldesigner.core.model.FileLocation;
import io.skilldesigner.core.model.ModelDescriptor;
import io.skilldesigner.core.model.ModelLibrary;
import io.skilldesigner.core.model.ModelTask;
import io.skilldesigner.core.skill.Skill;
import io.skilldesigner.engine.Engine;
import io.skilldesigner.engine.EngineListener;
import io.skilldesigner.engine.NodeRuntimeRegistry;
import io.skilldesigner.engine.TestSkills;
import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.model.ModelRuntimeFactory;
import io.skilldesigner.engine.model.ModelSessions;
import io.skilldesigner.engine.model.SessionSettings;
import io.skilldesigner.engine.model.threads.ThreadTuner;
import io.skilldesigner.engine.source.FrameSource;
import io.skilldesigner.engine.source.SourceFactory;

/**
 * Memory soak of the command line's run on the edge: a looping 1920×1080 30 fps video through a real detector
 * (YOLOX-Nano, COCO) and a real classifier on each detected crop (SqueezeNet 1.1), paced at 30 fps as {@code run}
 * does by default, for {@code --minutes}; samples the process RSS (VmRSS), the Java heap and JavaCPP's native
 * counters every {@code --sample-seconds}. The JVM options under test are this JVM's own. Not a test: see
 * BENCHMARKS.md for the command and the figures.
 *
 * <p>Arguments: {@code --minutes M} (default 10), {@code --sample-seconds S} (default 10), {@code --video FILE}
 * (default {@code target/bench-1080p30.mp4}, made from the shared street video, upscaled, when missing),
 * {@code --shared DIR} (default ../shared or -Dsd.shared.dir).
 */
public final class EdgeMemoryBenchmark {
    private EdgeMemoryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        double minutes = 10;
        int sampleSeconds = 10;
        Path shared = Path.of(System.getProperty("sd.shared.dir", "../shared"));
        Path video = Path.of("target/bench-1080p30.mp4");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--minutes" -> minutes = Double.parseDouble(args[++i]);
                case "--sample-seconds" -> sampleSeconds = Integer.parseInt(args[++i]);
                case "--video" -> video = Path.of(args[++i]);
                case "--shared" -> shared = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + "; use --minutes M --sample-seconds S --video FILE --shared DIR");
            }
        }
        if (!Files.isRegularFile(video)) {
            System.out.println("writing " + video + " (1920x1080 30 fps) from the shared street video...");
            Upscaled1080p.write(shared.resolve("media/video/one-by-one-person-detection.mp4"), video);
        }
        Path models = shared.resolve("models").toAbsolutePath();
        Path labels = Path.of(EdgeMemoryBenchmark.class.getResource("/models/coco80_labels.txt").toURI());
        ModelLibrary library = ModelLibrary.of(List.of(
                descriptor("yolox", ModelTask.DETECTION, models.resolve("yolox/yolox-nano-416.onnx"), labels),
                descriptor("squeezenet", ModelTask.CLASSIFICATION, models.resolve("squeezenet/squeezenet1.1-fp32.onnx"),
                        models.resolve("squeezenet/labels.txt"))));
        Skill skill = TestSkills.fileCamera(video.toAbsolutePath(), true).fps(30)
                .node("detector", ModelNode.ID, "camera", Map.of(ModelNode.MODEL, "yolox",
                        ModelNode.TASK, ModelNode.DETECTION))
                .node("classifier", ModelNode.ID, "detector", Map.of(ModelNode.MODEL, "squeezenet",
                        ModelNode.TASK, ModelNode.CLASSIFICATION, ModelNode.CLASSIFY_ON, ModelNode.ON_OBJECTS))
                .build();

        System.out.println("JVM options: " + ManagementFactory.getRuntimeMXBean().getInputArguments());
        System.out.println("env JAVA_TOOL_OPTIONS=" + System.getenv("JAVA_TOOL_OPTIONS") + " MALLOC_ARENA_MAX="
                + System.getenv("MALLOC_ARENA_MAX"));
        System.out.printf(Locale.ROOT, "max heap %d MB, JavaCPP maxBytes %d MB maxPhysicalBytes %d MB, cpus %d, "
                        + "load average %.1f%n", Runtime.getRuntime().maxMemory() >> 20, Pointer.maxBytes() >> 20,
                Pointer.maxPhysicalBytes() >> 20, Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.println("before the run: RSS " + Rss.megabytes() + " MB");

        FrameCounter counter = new FrameCounter();
        List<FrameSource> sources = new ArrayList<>();
        SourceFactory standard = SourceFactory.standard();
        SourceFactory watched = (spec, listener) -> {
            FrameSource s = standard.create(spec, listener);
            sources.add(s);
            return s;
        };
        List<Sample> samples = new ArrayList<>();
        // model sessions as `run` opens them: threads measured (cached), so nodes keep frames in flight as on the edge
        try (ModelSessions sessions = new ModelSessions(SessionSettings.defaults(),
                ThreadTuner.standard(w -> System.out.println("warning: " + w)), 1);
             NodeRuntimeRegistry registry = NodeRuntimeRegistry.standard(new ModelRuntimeFactory(sessions));
             Engine engine = Engine.builder(skill).models(library).registry(registry)
                .workspace(video.toAbsolutePath().getParent()).listener(counter).sourceFactory(watched).build()) {
            long t0 = System.nanoTime();
            engine.start();
            long end = t0 + Duration.ofSeconds(Math.round(minutes * 60)).toNanos();
            System.out.println("   s  RSS MB  heap used/committed MB  JavaCPP bytes/physical MB  frames  fps  "
                    + "objects  frame buffers");
            long lastFrames = 0;
            long lastT = t0;
            while (System.nanoTime() < end) {
                Thread.sleep(sampleSeconds * 1000L);
                long now = System.nanoTime();
                long frames = counter.frames();
                Sample s = Sample.take((now - t0) / 1e9, frames, (frames - lastFrames) / ((now - lastT) / 1e9));
                samples.add(s);
                lastFrames = frames;
                lastT = now;
                System.out.println(s.line() + "  " + counter.objects() + "  " + buffers(sources));
            }
            engine.stop();
            System.out.println(engine.summary().format());
        }
        report(samples);
    }

    private static String buffers(List<FrameSource> sources) {
        return sources.isEmpty() ? "-" : sources.get(0).bufferCounters().toString();
    }

    private static void report(List<Sample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        long peak = samples.stream().mapToLong(Sample::rssMb).max().orElse(0);
        // growth after warm-up: the first minute (JIT, sessions, pools filling) is left out
        List<Sample> steady = samples.stream().filter(s -> s.seconds() >= 60).toList();
        Sample last = samples.get(samples.size() - 1);
        System.out.printf(Locale.ROOT, "peak RSS %d MB, last %d MB, frames %d (%.1f fps overall)%n", peak,
                last.rssMb(), last.frames(), last.frames() / last.seconds());
        if (steady.size() >= 2) {
            Sample a = steady.get(0);
            System.out.printf(Locale.ROOT, "after the first minute: RSS min %d / max %d MB, %+.1f MB per minute "
                            + "(first steady sample %d MB at %.0f s, last %d MB at %.0f s)%n",
                    steady.stream().mapToLong(Sample::rssMb).min().orElse(0),
                    steady.stream().mapToLong(Sample::rssMb).max().orElse(0),
                    (last.rssMb() - a.rssMb()) / ((last.seconds() - a.seconds()) / 60), a.rssMb(), a.seconds(),
                    last.rssMb(), last.seconds());
        }
    }

    private static ModelDescriptor descriptor(String id, ModelTask task, Path file, Path labels) {
        return new ModelDescriptor(id, id, task, null, FileLocation.local(file.toString()),
                FileLocation.local(labels.toString()), "", List.of(), null, null, null);
    }

    /** Counts output frames and objects; keeps no frame. */
    private static final class FrameCounter implements EngineListener {
        private volatile long frames;
        private volatile long objects;

        @Override
        public void onOutput(Frame frame) {
            frames++;
            objects += frame.objects().size();
        }

        long frames() {
            return frames;
        }

        long objects() {
            return objects;
        }
    }

    /** One sample of the process's memory. */
    private record Sample(double seconds, long rssMb, long heapUsedMb, long heapCommittedMb, long javacppMb,
                          long physicalMb, long frames, double fps) {
        static Sample take(double seconds, long frames, double fps) {
            MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
            return new Sample(seconds, Rss.megabytes(), heap.getUsed() >> 20, heap.getCommitted() >> 20,
                    Pointer.totalBytes() >> 20, Pointer.physicalBytes() >> 20, frames, fps);
        }

        String line() {
            return String.format(Locale.ROOT, "%4.0f  %6d  %8d / %-9d  %8d / %-8d  %6d  %4.1f", seconds, rssMb,
                    heapUsedMb, heapCommittedMb, javacppMb, physicalMb, frames, fps);
        }
    }
}
