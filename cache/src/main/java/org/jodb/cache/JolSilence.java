package org.jodb.cache;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;

/**
 * Whether JOL can start in this JVM without printing anything. JOL prints to standard output when
 * it cannot attach its agent ({@code # WARNING: Unable to get Instrumentation...}), the JVM warns
 * on standard error when an agent is loaded dynamically without {@code -XX:+EnableDynamicAgentLoading}
 * (JDK 21+), and when {@code sun.misc.Unsafe} memory access is used without
 * {@code --sun-misc-unsafe-memory-access=allow} (JDK 24+). A program that did not ask for
 * measurements must not see any of it, so jodb's own measuring (the size calibration of
 * {@link SizeEstimator#calibrated()}) starts JOL only when the flags are set; a
 * {@link HeapProfile}, which the user asks for, starts it anyway. Stateless and thread-safe.
 */
final class JolSilence {
    private JolSilence() {
    }

    /** True when the JVM was started with the flags that let JOL work silently (see the README). */
    static boolean holds() {
        int feature = Runtime.version().feature();
        if (!"true".equals(System.getProperty("jdk.attach.allowAttachSelf"))
                || ModuleLayer.boot().findModule("jdk.attach").isEmpty()) {
            return false;
        }
        if (feature >= 24 && !"allow".equals(System.getProperty("sun.misc.unsafe.memory.access"))) {
            return false;
        }
        return feature < 21 || dynamicAgentLoadingAsked();
    }

    /** Whether {@code -XX:+EnableDynamicAgentLoading} was given: only then loading one is silent. */
    private static boolean dynamicAgentLoadingAsked() {
        try {
            VMOption option = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("EnableDynamicAgentLoading");
            return Boolean.parseBoolean(option.getValue()) && option.getOrigin() != VMOption.Origin.DEFAULT;
        } catch (RuntimeException | LinkageError unknown) {
            return false; // no jdk.management module, or another VM: do not risk the warning
        }
    }
}
