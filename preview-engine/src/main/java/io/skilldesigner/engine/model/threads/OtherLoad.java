package io.skilldesigner.engine.model.threads;

import java.lang.management.ManagementFactory;
import java.util.function.DoubleSupplier;

/**
 * How much of the machine other processes used while something was measured, so a measurement taken while they
 * competed for the cores can be told from a fair one (and measured again later).
 */
@FunctionalInterface
public interface OtherLoad {
    /**
     * Begins a window; the supplier gives the share of the machine's CPU (0..1 of all cores) that other processes
     * used since, or NaN where the platform cannot tell.
     */
    DoubleSupplier begin();

    /** The operating system's figures (system CPU load minus this process's, over the window). */
    static OtherLoad system() {
        if (!(ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os)) {
            return () -> () -> Double.NaN;
        }
        return () -> {
            // both figures are "since the previous call": these calls start the window
            os.getCpuLoad();
            os.getProcessCpuLoad();
            return () -> {
                double all = os.getCpuLoad();
                double mine = os.getProcessCpuLoad();
                return all < 0 || mine < 0 ? Double.NaN : Math.max(0, Math.min(1, all - mine));
            };
        };
    }
}
