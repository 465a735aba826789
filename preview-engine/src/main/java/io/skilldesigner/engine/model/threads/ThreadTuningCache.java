package io.skilldesigner.engine.model.threads;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonParseException;
import com.google.gson.reflect.TypeToken;

import io.skilldesigner.engine.UserCacheFolder;

/**
 * Thread tunings kept in one JSON file in the user's cache folder, by {@link MachineKey#forModel key}. A file
 * that cannot be read or parsed is ignored with a warning (and replaced on the next write): a lost cache only
 * costs a measurement.
 */
public final class ThreadTuningCache {
    private static final System.Logger LOG = System.getLogger(ThreadTuningCache.class.getName());
    private static final Gson GSON = new GsonBuilder().setPrettyPrinting().create();
    private static final java.lang.reflect.Type TYPE = new TypeToken<Map<String, List<TuningEntry>>>() { }.getType();

    private final Path file;
    private final Consumer<String> warnings;

    /** @param warnings receives each warning (also logged), e.g. the CLI's stderr */
    public ThreadTuningCache(Path file, Consumer<String> warnings) {
        this.file = file;
        this.warnings = warnings;
    }

    /** The file in the user's cache folder ({@link UserCacheFolder}). */
    public static Path userDefault() {
        return UserCacheFolder.path().resolve("onnx-threads.json");
    }

    public Path file() {
        return file;
    }

    public synchronized Optional<ThreadTuning> read(String key) {
        List<TuningEntry> table = readAll().get(key);
        return table == null || table.isEmpty() ? Optional.empty() : Optional.of(new ThreadTuning(key, table));
    }

    /** Adds or replaces the tuning's entry; written to a temporary file and moved, so readers never see half. */
    public synchronized void write(ThreadTuning tuning) {
        Map<String, List<TuningEntry>> all = new LinkedHashMap<>(readAll());
        all.put(tuning.key(), tuning.table());
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "onnx-threads", ".tmp");
            Files.writeString(tmp, GSON.toJson(all, TYPE), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            warn("cannot write the thread tuning cache " + file + ": " + e.getMessage()
                    + " (the next session start measures again)");
        }
    }

    private Map<String, List<TuningEntry>> readAll() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            warn("cannot read the thread tuning cache " + file + ": " + e.getMessage() + "; measuring again");
            return Map.of();
        }
        try {
            Map<String, List<TuningEntry>> all = GSON.fromJson(text, TYPE);
            if (all == null) {
                throw new JsonParseException("empty file");
            }
            Map<String, List<TuningEntry>> valid = new LinkedHashMap<>();
            all.forEach((k, v) -> valid.put(k, checked(k, v)));
            return valid;
        } catch (RuntimeException e) { // Gson reports bad structure and refused record values as several types
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            warn("ignoring the corrupt thread tuning cache " + file + " (" + why
                    + "); measuring again and replacing it");
            return Map.of();
        }
    }

    /** Gson fills records without their checks: re-create each entry so a bad number is refused here. */
    private static List<TuningEntry> checked(String key, List<TuningEntry> entries) {
        if (key == null || entries == null) {
            throw new JsonParseException("an entry without a key or a table");
        }
        List<TuningEntry> out = new ArrayList<>();
        for (TuningEntry e : entries) {
            ThreadConfig c = e.config();
            if (!(e.runsPerSecond() > 0) || !(e.msPerRun() > 0)) {
                throw new JsonParseException("entry " + key + " has a non-positive measurement");
            }
            out.add(new TuningEntry(new ThreadConfig(c.intraOp(), c.interOp(), c.stages(), c.batch()),
                    e.runsPerSecond(), e.msPerRun(), e.othersBusy(), e.checkedAtMillis()));
        }
        return out;
    }

    private void warn(String message) {
        LOG.log(System.Logger.Level.WARNING, message);
        warnings.accept(message);
    }
}
