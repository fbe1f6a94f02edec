package dev.strix.notebooks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jdk.jshell.execution.DirectExecutionControl;

/**
 * JShell's in-process execution, keeping each snippet's result as a live object.
 *
 * <p>JShell hands a snippet's value back as a string; here the value itself is kept in a table
 * and the string JShell receives is only its key, which {@link CellEvaluator} exchanges for the
 * object. Snippet classes are loaded by a child of the kernel's class loader, so an {@code NdArray}
 * made in a cell is an instance of the same class the kernel renders.
 *
 * <p>It extends {@link DirectExecutionControl}, not {@code LocalExecutionControl}: from JDK 22 on
 * the latter weaves stop checks into snippet classes that call a helper class only its own
 * {@code invoke} defines, so overriding {@code invoke} there breaks every snippet. Cells run on
 * the kernel's thread; an interrupt sets that thread's interrupt flag.
 */
final class LiveExecutionControl extends DirectExecutionControl {
    static final String KEY_PREFIX = "strix-live-value:";

    private final Map<String, Object> values = new HashMap<>();
    private final AtomicLong next = new AtomicLong();
    private volatile Thread running;

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        running = Thread.currentThread();
        try {
            Object value = doitMethod.invoke(null);
            String key = KEY_PREFIX + next.incrementAndGet();
            synchronized (values) {
                values.put(key, value);
            }
            return key;
        } catch (InvocationTargetException e) {
            throw e;
        } finally {
            running = null;
        }
    }

    /** The live value JShell reported as {@code key}, removed from the table; null if unknown. */
    Object take(String key) {
        synchronized (values) {
            return key == null ? null : values.remove(key);
        }
    }

    /** Forgets every value not taken (statements' nulls, declarations' values). */
    void clearValues() {
        synchronized (values) {
            values.clear();
        }
    }

    /** Interrupts the thread running a cell; code that checks its interrupt flag stops. */
    void interruptRunning() {
        Thread t = running;
        if (t != null) {
            t.interrupt();
        }
    }
}
