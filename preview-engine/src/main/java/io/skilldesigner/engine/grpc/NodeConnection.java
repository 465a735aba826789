package io.skilldesigner.engine.grpc;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.grpc.ConnectivityState;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Keeps a custom node's connection handshaken, on its own thread, so that neither the first connection nor a
 * reconnect counts against a frame's deadline. Connects as soon as it starts; when the connection is lost (a call
 * failed, or the channel left READY) it tries again at once, then every {@code backoffInitial} doubling up to
 * {@code backoffMax}, so a server that comes back is used again within about {@code backoffMax}.
 */
final class NodeConnection implements AutoCloseable {
    /** Told about every change; called from the connection's thread. */
    interface Listener {
        void connected(Negotiated negotiated);

        /** @param reason why the last attempt failed, without the retry part */
        void down(String reason);
    }

    private final CustomNodeClient client;
    private final Listener listener;
    private final Thread thread;
    private final Object lock = new Object();
    private Negotiated current;
    private boolean wanted = true;
    private boolean firstAttemptDone;
    private boolean closed;

    NodeConnection(CustomNodeClient client, String name, Listener listener) {
        this.client = client;
        this.listener = listener;
        this.thread = new Thread(this::run, "sd-grpc-connect-" + name);
        thread.setDaemon(true);
    }

    void start() {
        watch(client.channel().getState(false));
        thread.start();
    }

    /** The negotiated types while connected, else null at once. */
    Negotiated current() {
        synchronized (lock) {
            return current;
        }
    }

    /**
     * Waits for the first connection attempt to end (at most {@code max}); then like {@link #current()}. Only the
     * first frames wait: they would otherwise lose a skill's output at every start.
     */
    Negotiated awaitFirst(Duration max) throws InterruptedException {
        long until = System.nanoTime() + max.toNanos();
        synchronized (lock) {
            while (!firstAttemptDone && !closed) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return current;
        }
    }

    /** Says the connection failed under a call: forget the handshake and connect again. */
    void lost() {
        synchronized (lock) {
            current = null;
            wanted = true;
            lock.notifyAll();
        }
    }

    /** The channel dropping an established connection means a new handshake is due (the protocol's rule). */
    private void watch(ConnectivityState last) {
        client.channel().notifyWhenStateChanged(last, () -> {
            ConnectivityState now = client.channel().getState(false);
            if (last == ConnectivityState.READY && now != ConnectivityState.READY) {
                lost();
            }
            if (now != ConnectivityState.SHUTDOWN) {
                watch(now);
            }
        });
    }

    private void run() {
        ReconnectBackoff backoff = new ReconnectBackoff(client.config().backoffInitial(),
                client.config().backoffMax());
        try {
            while (awaitWanted()) {
                Duration wait = attempt(backoff);
                if (wait != null) {
                    sleep(wait);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Returns how long to wait before the next attempt, or null after a good handshake. */
    private Duration attempt(ReconnectBackoff backoff) {
        String failure;
        try {
            Negotiated n = client.handshake();
            backoff.succeeded();
            listener.connected(n); // before the first frame goes on, so the badge's order is the real one
            synchronized (lock) {
                if (closed) {
                    return null;
                }
                current = n;
                wanted = false;
                firstAttemptDone = true;
                lock.notifyAll();
            }
            return null;
        } catch (StatusRuntimeException e) {
            failure = describe(e.getStatus());
        } catch (CustomNodeException e) {
            failure = "handshake refused: " + e.getMessage();
        }
        Duration wait = backoff.failed(System.nanoTime());
        synchronized (lock) {
            if (closed) {
                return null;
            }
        }
        listener.down(failure);
        synchronized (lock) {
            firstAttemptDone = true;
            lock.notifyAll();
        }
        return wait;
    }

    private String describe(Status s) {
        if (s.getCode() == Status.Code.DEADLINE_EXCEEDED) {
            return "no connection and handshake within the " + client.config().connectTimeout().toMillis()
                    + " ms connect timeout";
        }
        String cause = s.getCause() == null ? "" : " (" + s.getCause().getMessage() + ")";
        return s.getCode() + (s.getDescription() == null ? "" : ": " + s.getDescription()) + cause;
    }

    private boolean awaitWanted() throws InterruptedException {
        synchronized (lock) {
            while (!wanted && !closed) {
                lock.wait();
            }
            return !closed;
        }
    }

    /** Sleeps, but wakes at once when closed. */
    private void sleep(Duration d) throws InterruptedException {
        long until = System.nanoTime() + d.toNanos();
        synchronized (lock) {
            long left;
            while (!closed && (left = until - System.nanoTime()) > 0) {
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        synchronized (lock) {
            closed = true;
            current = null;
            lock.notifyAll();
        }
        thread.interrupt();
        thread.join(TimeUnit.SECONDS.toMillis(5));
    }
}
