package io.skilldesigner.engine.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtProvider;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.providers.OrtTensorRTProviderOptions;
import io.skilldesigner.engine.UserCacheFolder;
import io.skilldesigner.engine.model.threads.ThreadConfig;
import io.skilldesigner.engine.model.threads.ThreadTuner;
import io.skilldesigner.engine.model.threads.ThreadTuning;
import io.skilldesigner.engine.model.threads.TuningEntry;

/**
 * Opens ONNX Runtime sessions and keeps one per model file content (path + SHA-256) and provider request, so
 * several nodes (and re-runs of a preview) share a session. When the skill asks for a GPU, tries TensorRT, CUDA,
 * then CPU ({@link ProviderChain}), and the session's {@link ProviderChoice} says which runs and why the others
 * did not. Closing the cache closes every session it opened.
 */
public final class ModelSessions implements AutoCloseable {
    private record Key(Path file, String sha256, boolean wantsGpu) { }

    private record Stamp(Path file, long size, long modifiedMillis) { }

    private final SessionSettings settings;
    /** Measures (or reads the cached) thread choice of each model when the settings give no thread counts. */
    private final ThreadTuner tuner;
    /** How many streams will share each session: the tuner's choice may use several concurrent stages. */
    private final int streams;
    /** Whether several streams' inputs are batched on models with a dynamic batch dimension. */
    private final Batching batching;
    /** The providers the chain may try: this build's, or (tests) a build's that lists more than it can start. */
    private final Set<OrtProvider> available;
    private final Path tensorRtCache;
    private final Map<Key, ModelSession> sessions = new LinkedHashMap<>();
    private final Map<Stamp, String> checksums = new LinkedHashMap<>();

    public ModelSessions(SessionSettings settings) {
        this(settings, null, 1);
    }

    /**
     * Sessions whose threads are chosen by measurement ({@code tuner}, cached per model and machine) unless
     * {@code settings} gives them.
     *
     * @param streams how many streams will share each session (1 for one camera)
     */
    public ModelSessions(SessionSettings settings, ThreadTuner tuner, int streams) {
        this(settings, tuner, streams, Batching.MEASURED);
    }

    /** Whether the inputs of several streams sharing a session with a dynamic batch dimension are batched. */
    public enum Batching {
        /**
         * As the thread tuner measured: batched when its fastest configuration for the streams batches; when the
         * threads are given (or not measured on this provider), batched.
         */
        MEASURED,
        /** Always batched (to measure what batching gains or loses). */
        ALWAYS,
        /** Never: every input runs on its own. */
        OFF
    }

    /** As {@link #ModelSessions(SessionSettings, ThreadTuner, int)} with batching as given. */
    public ModelSessions(SessionSettings settings, ThreadTuner tuner, int streams, Batching batching) {
        this(settings, tuner, streams, batching, availableProviders(), tensorRtCacheFolder());
    }

    /**
     * As above with the providers the chain may try and the TensorRT engine cache folder given: a build that lists
     * providers whose libraries are missing, as a GPU build on a machine without CUDA.
     */
    ModelSessions(SessionSettings settings, ThreadTuner tuner, int streams, Batching batching,
                  Set<OrtProvider> available, Path tensorRtCache) {
        this.settings = settings;
        this.tuner = tuner;
        this.streams = Math.max(1, streams);
        this.batching = batching;
        this.available = Set.copyOf(available);
        this.tensorRtCache = tensorRtCache;
    }

    public ModelSessions() {
        this(SessionSettings.defaults());
    }

    public SessionSettings settings() {
        return settings;
    }

    /** The providers this ONNX Runtime build has (e.g. [CPU] or [CPU, CUDA]). */
    public static EnumSet<OrtProvider> availableProviders() {
        return OrtEnvironment.getAvailableProviders();
    }

    /**
     * The session for a model file, opened on first use.
     *
     * @param modelName for error messages
     * @param wantsGpu  the skill asks for GPU acceleration: TensorRT, CUDA, then CPU (see {@link ProviderChain})
     * @throws ModelException naming the model and file when it is missing or not a valid ONNX model
     */
    public synchronized ModelSession open(String modelName, Path file, boolean wantsGpu) {
        Path abs = file.toAbsolutePath().normalize();
        String sha = checksum(modelName, abs);
        Key key = new Key(abs, sha, wantsGpu);
        ModelSession existing = sessions.get(key);
        if (existing != null) {
            return existing;
        }
        ModelSession created = onRoomyStack(() -> create(modelName, abs, sha, wantsGpu));
        sessions.put(key, created);
        return created;
    }

    /** Every session opened so far, in opening order. */
    public synchronized List<ModelSession> openSessions() {
        return List.copyOf(sessions.values());
    }

    /**
     * Runs session creation on a thread with a 16 MB stack: ONNX Runtime's model loading needs several hundred KB
     * of native stack and crashed the JVM (segfault, no hs_err) on the launcher's main thread and on small-stack
     * threads. The caller waits; exceptions come through unchanged.
     */
    private static ModelSession onRoomyStack(java.util.function.Supplier<ModelSession> work) {
        ModelSession[] result = new ModelSession[1];
        RuntimeException[] failure = new RuntimeException[1];
        Thread t = new Thread(null, () -> {
            try {
                result[0] = work.get();
            } catch (RuntimeException e) {
                failure[0] = e;
            }
        }, "onnx-session-open", 16L << 20);
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("interrupted while opening a model session", e);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
        return result[0];
    }

    /** An opened session and the threads it was opened with (tuning: the measured table they came from). */
    private record Opened(OrtSession session, ThreadConfig threads, ThreadTuning tuning) {
    }

    private ModelSession create(String modelName, Path file, String sha, boolean wantsGpu) {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        ProviderChain chain = new ProviderChain(available, settings.tensorRt());
        ProviderChain.Started<Opened> started;
        try {
            started = chain.start(wantsGpu, provider -> provider.equals(ProviderChoice.CPU)
                    ? cpu(file, sha, env) : gpu(file, env, provider));
        } catch (OrtException e) {
            throw ModelException.of(modelName, file, "ONNX Runtime cannot load it (not a valid ONNX model?): "
                    + firstLine(e), e);
        }
        Opened o = started.opened();
        String measuredOff = measuredOff(o);
        int maxBatch = batching == Batching.OFF || measuredOff != null ? 1 : streams;
        return new ModelSession(file, sha, o.session(), started.choice(), o.threads(), o.tuning(),
                stagesOr(o.threads()), maxBatch, measuredOff);
    }

    /** Why measurement turned batching off for this session (batch-1 configurations were faster), or null. */
    private String measuredOff(Opened o) {
        if (streams == 1 || batching != Batching.MEASURED || o.tuning() == null || !o.tuning().measuredBatches()
                || o.threads().batch() > 1) {
            return null;
        }
        ThreadTuning t = o.tuning();
        TuningEntry one = t.entry(o.threads());
        TuningEntry batched = t.table().stream().filter(e -> e.config().batch() > 1
                && e.config().inputsInFlight() <= streams).max(Comparator.comparingDouble(
                TuningEntry::runsPerSecond)).orElse(null);
        return batched == null ? null : String.format(Locale.ROOT, "measured faster one input at a time"
                + " (%s: %.0f images/s; best batched, %s: %.0f)", one.config().describe(), one.runsPerSecond(),
                batched.config().describe(), batched.runsPerSecond());
    }

    /**
     * A session on TensorRT (with CUDA behind it for the nodes TensorRT does not take) or on CUDA. Threads only as
     * given: the tuner measures CPU inference, which says nothing about a GPU.
     */
    private Opened gpu(Path file, OrtEnvironment env, String provider) throws OrtException {
        ThreadConfig threads = explicitThreads();
        try (OrtSession.SessionOptions options = baseOptions(threads);
             OrtTensorRTProviderOptions trt = provider.equals(ProviderChoice.TENSOR_RT) ? tensorRtOptions() : null) {
            if (trt != null) {
                options.addTensorrt(trt);
            }
            options.addCUDA(0);
            return new Opened(env.createSession(file.toString(), options), threads, null);
        }
    }

    /**
     * TensorRT on device 0 with its engines cached in the user's cache folder (building one takes seconds to
     * minutes; the cache is keyed by model and GPU), FP16 off so detections match the CPU's.
     */
    private OrtTensorRTProviderOptions tensorRtOptions() throws OrtException {
        try {
            Files.createDirectories(tensorRtCache);
        } catch (IOException e) {
            throw new OrtException("cannot create the TensorRT engine cache folder " + tensorRtCache + ": "
                    + e.getMessage());
        }
        OrtTensorRTProviderOptions trt = new OrtTensorRTProviderOptions(0);
        try {
            trt.add("trt_fp16_enable", "0");
            trt.add("trt_engine_cache_enable", "1");
            trt.add("trt_engine_cache_path", tensorRtCache.toString());
            return trt;
        } catch (OrtException e) {
            trt.close();
            throw e;
        }
    }

    /** Where TensorRT engines are kept between runs. */
    public static Path tensorRtCacheFolder() {
        return UserCacheFolder.path().resolve("tensorrt");
    }

    /** A CPU session, its threads given, else measured by the tuner (cached), else ONNX Runtime's defaults. */
    private Opened cpu(Path file, String sha, OrtEnvironment env) throws OrtException {
        ThreadTuning tuning = null;
        ThreadConfig threads = explicitThreads();
        if (threads == null && tuner != null) {
            tuning = tuner.tuningFor(file, sha);
            threads = tuning.bestFor(streams);
        }
        OrtSession session = open(file, env, threads);
        if (tuning != null && streams > 1 && batching == Batching.MEASURED && !tuning.measuredBatches()
                && ThreadTuner.dynamicBatch(session)) {
            // a table cached before batches were measured: measure them now, once, and reopen if they win
            tuning = tuner.withBatches(tuning, file);
            ThreadConfig best = tuning.bestFor(streams);
            if (!best.equals(threads)) {
                session.close();
                threads = best;
                session = open(file, env, threads);
            }
        }
        return new Opened(session, threads, tuning);
    }

    private static OrtSession open(Path file, OrtEnvironment env, ThreadConfig threads) throws OrtException {
        try (OrtSession.SessionOptions options = baseOptions(threads)) {
            return env.createSession(file.toString(), options);
        }
    }

    /** The settings' thread counts when they give them (missing inter/stages filled in), else null. */
    private ThreadConfig explicitThreads() {
        if (!settings.overridesThreads()) {
            return null;
        }
        return new ThreadConfig(settings.intraOpThreads(), Math.max(1, settings.interOpThreads()),
                settings.stages() > 0 ? settings.stages() : 1);
    }

    /**
     * How many frames of one stream a model node keeps in flight on this session: its stages shared out among the
     * streams (rounded up), so that one camera can fill a session measured faster with several concurrent
     * inferences of fewer threads each; 1 when the threads are ONNX Runtime's defaults (each run uses every core).
     */
    public int framesInFlight(ModelSession session) {
        if (session.threads().isEmpty()) {
            return 1;
        }
        return Math.max(1, (session.stages() + streams - 1) / streams);
    }

    /** Concurrent inferences allowed on a session: the configuration's, else (ONNX Runtime defaults) one per core. */
    private int stagesOr(ThreadConfig threads) {
        if (threads != null) {
            return threads.stages();
        }
        return settings.stages() > 0 ? settings.stages() : Runtime.getRuntime().availableProcessors();
    }

    private static OrtSession.SessionOptions baseOptions(ThreadConfig threads) throws OrtException {
        OrtSession.SessionOptions options = new OrtSession.SessionOptions();
        options.setSessionLogLevel(ai.onnxruntime.OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR);
        options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
        if (threads != null) {
            options.setIntraOpNumThreads(threads.intraOp());
            options.setInterOpNumThreads(threads.interOp());
        }
        return options;
    }

    private String checksum(String modelName, Path file) {
        try {
            Stamp stamp = new Stamp(file, Files.size(file), Files.getLastModifiedTime(file).toMillis());
            String known = checksums.get(stamp);
            if (known != null) {
                return known;
            }
            String sha = sha256(file);
            checksums.put(stamp, sha);
            return sha;
        } catch (NoSuchFileException e) {
            throw ModelException.of(modelName, file, "model file not found", e);
        } catch (IOException e) {
            throw ModelException.of(modelName, file, "cannot read model file: " + e.getMessage(), e);
        }
    }

    /** Hex SHA-256 of a file's content. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static String firstLine(Exception e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    @Override
    public synchronized void close() {
        List<String> failures = new ArrayList<>();
        for (ModelSession s : sessions.values()) {
            try {
                s.close();
            } catch (OrtException e) {
                failures.add(s.file() + ": " + e.getMessage());
            }
        }
        sessions.clear();
        if (!failures.isEmpty()) {
            throw new ModelException("could not close model sessions: " + String.join("; ", failures));
        }
    }
}
