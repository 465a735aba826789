package io.skilldesigner.app.preview;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.google.common.util.concurrent.Uninterruptibles;

import io.skilldesigner.engine.frame.Frame;
import io.skilldesigner.engine.insights.InsightsJson;
import io.skilldesigner.engine.recording.RecordingFiles;
import io.skilldesigner.engine.recording.RecordingWriter;

/**
 * Records a preview session for replay and golden tests: the source frames the skill processed (no overlays) as
 * a lossless video, the insights of each of those frames as JSON lines in the KAN insight shape (same order), and
 * a manifest (skill checksum, engine version; see {@link RecordingWriter}). Replay it by choosing the video as
 * the preview's source, or test the skill against it with the command line's {@code test}. Writing happens on its
 * own thread behind a bounded queue; when the disk is slower than the run, frames are dropped from the recording
 * (counted), never from the run.
 */
public final class SessionRecorder implements AutoCloseable {
    private static final int QUEUE = 64;
    private static final Frame END = new Frame("end", -1, 0, null, 0, 0, null, null);

    private final RecordingFiles files;
    private final InsightsJson json;
    private final double fps;
    private final String skillId;
    private final String skillSha256;
    private final BlockingQueue<Frame> queue = new ArrayBlockingQueue<>(QUEUE);
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicReference<String> error = new AtomicReference<>("");
    private final Thread writer;

    /** @param video where the video goes; the insights and the manifest go beside it */
    public SessionRecorder(Path video, InsightsJson json, double fps, String skillId, String skillSha256) {
        this.files = RecordingFiles.of(video);
        this.json = json;
        this.fps = fps;
        this.skillId = skillId;
        this.skillSha256 = skillSha256;
        writer = new Thread(this::writeLoop, "sd-session-recorder");
        writer.setDaemon(true);
        writer.start();
    }

    /** Called from the engine's output thread: never blocks. */
    public void offer(Frame frame) {
        if (frame.image() == null) {
            dropped.incrementAndGet();
            return;
        }
        frame.image().retain(); // held until written: the engine reuses the buffer after its last release
        if (!queue.offer(frame)) {
            frame.image().release();
            dropped.incrementAndGet();
        }
    }

    private void writeLoop() {
        try (RecordingWriter out = new RecordingWriter(files, json, fps, skillId, skillSha256)) {
            while (true) {
                Frame f = queue.take();
                if (f == END) {
                    break;
                }
                try {
                    out.write(f);
                } finally {
                    f.image().release();
                }
                written.set(out.written());
            }
            // frames the queue refused were never seen by the writer: the manifest counts them too
            for (long i = 0; i < dropped.get(); i++) {
                out.countDropped();
            }
            dropped.set(out.dropped());
        } catch (IOException e) {
            error.set("Recording to " + files.video() + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public long written() {
        return written.get();
    }

    public long dropped() {
        return dropped.get();
    }

    /** Empty while all is well. */
    public String error() {
        return error.get();
    }

    public Path video() {
        return files.video();
    }

    public Path insights() {
        return files.insights();
    }

    public RecordingFiles files() {
        return files;
    }

    /**
     * Writes what is queued, then closes the files and writes the manifest; waits for it (30 s at most) whatever
     * the interrupt, which is kept for the caller: the app's quit interrupts the task that stops a recording
     * preview, and returning early left the video unfinished and no manifest when the process ended.
     */
    @Override
    public void close() {
        Uninterruptibles.putUninterruptibly(queue, END);
        Uninterruptibles.joinUninterruptibly(writer, 30, TimeUnit.SECONDS);
    }
}
